import type { Core } from '@strapi/strapi';
import { getService } from '../lib/services';
import { registerInputChecks } from './portal/document-middleware';
import { syncEditorRole } from './portal/editor-role';
import { ensureFirstAdmin } from './portal/first-admin';
import { ensureLocales } from './portal/locales';
import { syncPublicAccess } from './portal/public-access';
import { registerSearchSync } from './portal/search-sync';
import { flushSiteRebuild, registerSiteRebuild } from './portal/site-rebuild';
import { configureSearchMissList } from './portal/search-miss-view';
import { scheduleSearchMissPurge } from './portal/search-miss-retention';
import { closePortalLimiters } from './portal/limits';


export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerInputChecks(strapi);
    registerSearchSync(strapi);
    registerSiteRebuild(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await syncPublicAccess(strapi);
    await syncEditorRole(strapi);
    await ensureFirstAdmin(strapi);
    await configureSearchMissList(strapi);
    await scheduleSearchMissPurge(strapi);
    await getService(strapi, 'api::search.search').start();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await flushSiteRebuild(strapi);
    await getService(strapi, 'api::search.search').stop();
    await closePortalLimiters(strapi);
  },
};
