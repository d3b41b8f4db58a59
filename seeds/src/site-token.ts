import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { getService, publicActions } from '@portal/cms';

export const siteTokenName = 'Site build (read-only)';

/**
 * The site build reads the CMS with this token: it may only find published catalogue documents,
 * as the public can (a "custom" token, so it cannot list users as a Strapi "read-only" token could).
 * Its key is written to `file` (mode 600) so the build finds it; an existing token is reused.
 * @returns what was done, for the loader's report
 */
export async function ensureSiteToken(strapi: Core.Strapi, file: string): Promise<'created' | 'kept'> {
  const tokens = getService(strapi, 'admin::api-token-content-api');
  const existing = await tokens.getByName(siteTokenName, { includeDecryptedKey: true });
  let accessKey = existing?.accessKey;
  if (existing && !accessKey) accessKey = (await tokens.regenerate(existing.id)).accessKey;
  if (!accessKey) {
    accessKey = (
      await tokens.create({
        name: siteTokenName,
        description: 'Lets the Astro site build read the published catalogue. Created by the seed loader.',
        kind: 'content-api',
        type: 'custom',
        lifespan: null,
        permissions: publicActions,
      })
    ).accessKey;
  }
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
  if (current !== accessKey) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${accessKey}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600); // `mode` applies only when the file is created
  }
  return existing ? 'kept' : 'created';
}
