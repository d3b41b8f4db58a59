/**
 * npm run seed [-- --dir <folder>] [-- --if-empty] [-- --check]
 *   --dir       seed folder (default: SEED_DIR, else the content in seeds/data)
 *   --if-empty  seed only when the CMS has no procedure yet (what `npm start` uses)
 *   --check     validate the files and stop, writing nothing
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCms } from '@portal/cms';
import { describeResult, readSeedDir, sampleDataDir, seed, SeedError } from './index';

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    'if-empty': { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});
const given = values.dir ?? process.env.SEED_DIR;
const dir = given ? path.resolve(process.env.INIT_CWD ?? process.cwd(), given) : sampleDataDir;

async function main(): Promise<number> {
  if (values.check) {
    const set = readSeedDir(dir);
    const counts = [...set]
      .map(([name, records]) => `${name} ${records.length} (${records.filter((r) => r.data.en).length} also in English)`)
      .join(', ');
    console.log(`Seed files are valid: ${counts}.`);
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
