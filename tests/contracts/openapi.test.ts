import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { docsDir, openApiTexts } from './openapi';

test('docs/openapi.json and docs/openapi-site-server.json are what the services’ schemas generate (npm run openapi)', async () => {
  const texts = await openApiTexts();
  assert.deepEqual(Object.keys(texts).sort(), ['openapi-site-server.json', 'openapi.json']);
  for (const [file, text] of Object.entries(texts)) {
    assert.equal(fs.readFileSync(path.join(docsDir, file), 'utf8'), text, `docs/${file} is stale: run npm run openapi`);
  }
});

test('the public document names every public route of the CMS and the assistant, with the error envelope', async () => {
  const document = JSON.parse((await openApiTexts())['openapi.json']!) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  for (const route of ['/_health', '/api/search', '/api/search/suggest', '/api/procedures', '/api/faqs', '/api/news', '/api/fields', '/api/agencies', '/api/life-events', '/health', '/api/ask', '/api/ask/stream', '/api/feedback', '/api/handoff']) {
    assert.ok(document.paths[route], route);
  }
  assert.equal(document.paths['/api/ask/stream']!.get, undefined, 'the stream is POST only');
  assert.deepEqual(document.paths['/api/search']!.get!.responses['400'], {
    description: 'Missing, over-long or unknown parameter (message in Vietnamese)',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
});
