/**
 * The site server's configuration: the variables every process shares (`@portal/cms/environment`:
 * DATA_DIR, HOST, SITE_PORT, CMS_URL / CMS_PORT, BOT_URL / BOT_PORT, CMS_TOKEN, LOG_LEVEL,
 * TRUSTED_PROXIES…) and its own, parsed once when the server starts (`main.ts`). A wrong value
 * stops the start with a message naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';
import { parseEnvironment, readSecrets, sharedSettings, sharedVariables, type SharedSettings } from '@portal/cms/environment';

export const siteVariables = {
  ...sharedVariables,
  /** Bearer token of POST /_rebuild, shared with the CMS. @default the one generated into DATA_DIR/secrets.json */
  SITE_REBUILD_TOKEN: z.string().min(1).optional(),
};

export type SiteConfig = SharedSettings & {
  /** DATA_DIR/site: `builds/` and the `current` link. */
  siteDir: string;
  /** The token POST /_rebuild expects; read when asked (`npm start` generates it before the server starts, the tests later). */
  rebuildToken: () => string;
};

/**
 * Parses the environment for the site server.
 * @example const config = siteConfig(); // SITE_PORT=4321, CMS_URL=http://127.0.0.1:1337 …
 */
export function siteConfig(env: NodeJS.ProcessEnv = process.env): SiteConfig {
  const parsed = parseEnvironment(siteVariables, env, 'site server');
  const shared = sharedSettings(parsed);
  return {
    ...shared,
    siteDir: path.join(shared.dataDir, 'site'),
    rebuildToken: () => parsed.SITE_REBUILD_TOKEN ?? readSecrets(shared.dataDir, env).siteRebuildToken,
  };
}
