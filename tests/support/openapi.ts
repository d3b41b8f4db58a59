import fs from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';

const document = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8'));
// OpenAPI keywords (paths, parameters…) are not JSON Schema: not strict about them.
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(document, 'openapi.json');

/** Problems of `value` against a schema of docs/openapi.json, as readable lines (none: it conforms). */
export function openApiProblems(schema: string, value: unknown): string[] {
  const validate = ajv.compile({ $ref: `openapi.json#/components/schemas/${schema}` });
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`);
}
