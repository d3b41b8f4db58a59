import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { secretVariables } from '@portal/cms/environment';
import { root, runStep } from './run-step';

/** A hash of the given files and folders (recursively), to know when a build is stale. */
function hashOf(inputs: string[]): string {
  const hash = crypto.createHash('sha256');
  const add = (full: string) => {
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const entry of fs.readdirSync(full).sort()) add(path.join(full, entry));
    } else hash.update(path.relative(root, full)).update(fs.readFileSync(full));
  };
  for (const input of inputs) add(path.join(root, input));
  return hash.digest('hex');
}

type Build = { name: string; inputs: string[]; output: string; stamp: string; command: string[]; cwd: string; env?: Record<string, string> };

/**
 * `strapi build` loads the CMS's configuration, which needs every secret; a fresh clone has none yet
 * (`npm start` generates them into the data folder), and none of them ends up in the build, so the
 * build gets stand-ins for the missing ones instead of generating real ones as a side effect.
 */
const buildOnlySecrets = Object.fromEntries(Object.values(secretVariables).map((name) => [name, process.env[name] || 'only-for-the-build']));

const builds: Build[] = [
  {
    name: 'the search library',
    inputs: ['search/src', 'search/package.json', 'search/tsconfig.json', 'tsconfig.json'],
    output: 'search/dist/index.js',
    stamp: 'search/dist/.build-stamp',
    command: ['npx', 'tsc', '-p', 'search'],
    cwd: root,
  },
  {
    name: 'the CMS and its admin panel (about a minute the first time)',
    inputs: ['cms/src', 'cms/config', 'cms/lib', 'cms/scripts', 'cms/package.json', 'cms/tsconfig.json', 'search/dist', 'package-lock.json'],
    output: 'cms/dist/build/index.html',
    stamp: 'cms/dist/.build-stamp',
    command: ['npx', 'strapi', 'build'],
    cwd: path.join(root, 'cms'),
    env: buildOnlySecrets,
  },
];

/**
 * Builds the search library and the CMS (TypeScript and admin panel) unless each was built from
 * the same sources. `npm start` and `npm test` both call it, so a fresh clone builds once.
 * `only: 'search'` stops after the search library, whose declarations type-aware lint needs.
 */
export function ensureCmsBuilt(only?: 'search'): void {
  for (const build of only === 'search' ? builds.slice(0, 1) : builds) {
    const hash = hashOf(build.inputs.filter((i) => !build.stamp.startsWith(i)));
    const stamp = path.join(root, build.stamp);
    if (fs.existsSync(path.join(root, build.output)) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) {
      console.log(`▶ Build of ${build.name.replace(/ \(.*\)$/, '')} is up to date`);
      continue;
    }
    runStep(`Building ${build.name}`, build.command[0]!, build.command.slice(1), { cwd: build.cwd, env: build.env });
    fs.writeFileSync(stamp, hash);
  }
}
