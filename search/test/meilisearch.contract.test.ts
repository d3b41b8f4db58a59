import { after, test } from 'node:test';
import { MeiliEngine } from '../src/engines/meilisearch';
import { contractSynonyms, engineContract } from './contract';

const url = process.env.MEILI_URL;

if (url) {
  const run = `contract-${Date.now().toString(36)}-${process.pid}`;
  const engines: MeiliEngine[] = [];

  engineContract(`meilisearch (${url})`, async () => {
    // A fresh pair of indexes per engine, so every engine starts empty.
    const engine = new MeiliEngine({ url, apiKey: process.env.MEILI_MASTER_KEY, indexPrefix: `${run}-${engines.length}`, synonyms: contractSynonyms });
    engines.push(engine);
    return engine;
  });

  after(async () => {
    for (const engine of engines) await engine.drop();
  });
} else {
  test('Meilisearch contract tests', { skip: 'Meilisearch contract tests NOT RUN: set MEILI_URL to a Meilisearch server to run them' }, () => {});
}
