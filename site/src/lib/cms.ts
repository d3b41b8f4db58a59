/**
 * The CMS as the site build reads it: the one typed client of its REST API (`@portal/cms/client`,
 * which parses every document with the contract's schema) on the shared environment (CMS_URL, else
 * http://127.0.0.1:CMS_PORT; CMS_TOKEN, else the read-only token the seed step writes to
 * DATA_DIR/site-api-token). The site server's builder sets CMS_URL and CMS_TOKEN; a build run by
 * hand falls back to the local defaults.
 */
import { createCmsClient, type CmsClient } from '@portal/cms/client';
import { parseEnvironment, sharedSettings, sharedVariables } from '@portal/cms/environment';

// The templates import the document types from here; they are the contract's, not re-declared.
export type { Agency, Channel, Faq, Field, LifeEvent, NewsItem, Procedure } from '@portal/cms/contracts';

/** A client for this build, from the environment the build runs in. */
export function cmsClient(): CmsClient {
  const settings = sharedSettings(parseEnvironment(sharedVariables, process.env, 'site build'));
  const token = settings.cmsToken();
  if (!token) throw new Error('No CMS token: set CMS_TOKEN, or seed the CMS first (npm run seed) so that DATA_DIR/site-api-token exists.');
  return createCmsClient({ url: settings.urls.cms, token });
}
