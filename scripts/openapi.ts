/**
 * `npm run openapi`: writes docs/openapi.json (the CMS and the assistant) and
 * docs/openapi-site-server.json from the services' schemas (tests/contracts/openapi.ts).
 * `npm run openapi -- --check` only compares, and fails when a file differs (as `npm test` does).
 */
import fs from 'node:fs';
import path from 'node:path';
import { docsDir, openApiTexts } from '../tests/contracts/openapi';

const texts = await openApiTexts();
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, text] of Object.entries(texts)) {
  const target = path.join(docsDir, file);
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current === text) continue;
  if (check) {
    console.error(`docs/${file} differs from what the code generates: run \`npm run openapi\`.`);
    stale++;
  } else {
    fs.writeFileSync(target, text);
    console.log(`Wrote docs/${file}.`);
  }
}
if (stale) process.exit(1);
if (check) console.log('The OpenAPI documents are what the code generates.');
