/**
 * npm run seed [-- --dir <folder>] [-- --if-empty] [-- --check] [-- --forms-to <folder>]
 *   --dir       seed folder (default: SEED_DIR, else the content in seeds/data)
 *   --if-empty  seed only when the CMS has no procedure yet (what `npm start` uses)
 *   --check     validate the files and stop, writing nothing
 *   --forms-to  validate, write the .docx of every form into <folder> to look at, and stop
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCms } from '@portal/cms';
import { describeResult, formDocx, formFileName, readSeedDir, sampleDataDir, seed, SeedError } from './index';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    'if-empty': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
    'forms-to': { type: 'string' },
  },
});
const given = values.dir ?? process.env.SEED_DIR;
const dir = given ? path.resolve(process.env.INIT_CWD ?? process.cwd(), given) : sampleDataDir;

async function main(): Promise<number> {
  if (values['forms-to']) {
    const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), values['forms-to']);
    fs.mkdirSync(out, { recursive: true });
    const { forms } = readSeedDir(dir);
    for (const form of forms.values()) fs.writeFileSync(path.join(out, formFileName(form.slug)), await formDocx(form.data));
    console.log(`Wrote ${forms.size} forms to ${out}.`);
    return 0;
  }
  if (values.check) {
    const set = readSeedDir(dir);
    const counts = [...set]
      .map(([name, records]) => `${name} ${records.length} (${records.filter((r) => r.data.en).length} also in English)`)
      .join(', ');
    console.log(`Seed files are valid: ${counts}, forms ${set.forms.size}.`);
    return 0;
  }
  process.env.LOG_LEVEL ??= 'warn';
  process.env.SERVE_ADMIN = 'false';
  const strapi = await loadCms();
  try {
    if (values['if-empty']) {
      const procedures = await strapi.db.query('api::procedure.procedure').count();
      if (procedures > 0) {
        console.log(`The CMS already has content (${procedures} procedure rows): not seeding.`);
        return 0;
      }
    }
    console.log(describeResult(await seed(strapi, dir)));
    return 0;
  } finally {
    await strapi.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof SeedError ? error.message : error);
    process.exit(1);
  },
);
