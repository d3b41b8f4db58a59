/**
 * npm run reindex       rebuild the search index from the published content
 * npm run search:check  compare the index with the CMS and list the differences (exit 1 if any)
 *
 * With the embedded engine, run these while the CMS is stopped (or restart it afterwards): the
 * running CMS keeps its own copy of the index in memory. With Meilisearch they act on the live index.
 */
import { getService, loadCms } from '../lib';

async function main(command: string | undefined): Promise<number> {
  if (command !== 'reindex' && command !== 'check') {
    console.error('Usage: search.ts reindex | check');
    return 2;
  }
  process.env.LOG_LEVEL ??= 'warn';
  process.env.SERVE_ADMIN = 'false';
  const strapi = await loadCms();
  try {
    const search = getService(strapi, 'api::search.search');
    if (command === 'reindex') {
      const { documents, ms } = await search.reindex();
      console.log(`Search index rebuilt: ${documents} documents in ${(ms / 1000).toFixed(1)} s.`);
      return 0;
    }
    // Loading the CMS runs its start-up check, which rebuilds a mismatched index before we get here.
    let differences = 0;
    if (search.repairedAtStart) {
      differences += 1;
      console.log(`At start the index did not match the CMS (${search.repairedAtStart}); it has been rebuilt.`);
    }
    for (const r of await search.check()) {
      differences += r.missing.length + r.extra.length + r.stale.length;
      console.log(`${r.locale}: ${r.expected} published in the CMS, ${r.indexed} in the index`);
      for (const id of r.missing) console.log(`  missing from the index: ${id}`);
      for (const id of r.extra) console.log(`  in the index but not published: ${id}`);
      for (const id of r.stale) console.log(`  out of date in the index (changed in the CMS since it was indexed): ${id}`);
    }
    console.log(differences === 0 ? 'The index matches the CMS.' : search.repairedAtStart ? 'Rebuilt; check again to confirm.' : `${differences} difference(s): run npm run reindex.`);
    return differences === 0 ? 0 : 1;
  } finally {
    await strapi.destroy();
  }
}

main(process.argv[2]).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
