/**
 * What other workspaces may use of the CMS: its settings and a way to run a real Strapi
 * in-process (the seed CLI, tests, the start script).
 */
import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import { ensureSecrets } from './environment';
import { cmsAppDir, settings } from './settings';

export { cmsAppDir, settings, type Settings } from './settings';
export * as vocabulary from './vocabulary';
export { catalogueTypes, publicActions, type CatalogueType } from './content-types';
export { getService, type MediaFile, type Services } from './services';

export const cmsDistDir = path.join(cmsAppDir, 'dist');

/**
 * Loads a Strapi instance from the compiled CMS (`npm run build`) with the current environment, without listening.
 * Call `listen(app)` to serve HTTP, `app.destroy()` when done.
 */
export async function loadCms(): Promise<Core.Strapi> {
  const { dataDir } = settings(); // fail early, with a readable message, on a bad environment
  // Starting the CMS (not reading its settings) is what creates the secrets it lacks.
  ensureSecrets(dataDir);
  const app = createStrapi({ appDir: cmsAppDir, distDir: cmsDistDir });
  await app.load();
  return app;
}

/** Serves the loaded app on the given port (0: any free one) and returns the port. */
export async function listen(app: Core.Strapi, port = 0, host = '127.0.0.1'): Promise<number> {
  await new Promise<void>((resolve) => app.server.listen(port, host, resolve));
  const address = app.server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('The CMS is not listening on a TCP port');
  return address.port;
}
