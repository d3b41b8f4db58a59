/**
 * Portal paths and locales live in the CMS's contracts; this re-export keeps `cms.ts` and
 * `content.config.ts` (moving to the shared CMS client) importing from where they did.
 */
export { browsePath, locales, pathTo, type Browse, type Locale, type Section } from '@portal/cms/contracts/browser';
