import type { Core } from '@strapi/strapi';
import { assertValidInput, normalizeText } from './input';
import { isCatalogueType } from '../../lib/content-types';

const writes = new Set(['create', 'update']);

/**
 * Runs on every document-service write (REST, admin, seeds alike): text to NFC, then the checks
 * Strapi's schema cannot express. Registered once, in `register`.
 */
export function registerInputChecks(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (isCatalogueType(context.uid) && writes.has(context.action)) {
      const params = context.params as { data?: Record<string, unknown> };
      if (params.data) {
        params.data = normalizeText(params.data);
        assertValidInput(context.uid, params.data);
      }
    }
    return next();
  });
}
