import type { Core } from '@strapi/strapi';
import { getService } from '../../lib/services';

/** Document-service actions that change what the public sees. */
const changes = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft']);

/**
 * Keeps the search index in step with the CMS: after every change to a document (from the admin,
 * the REST API or the seed loader) its published versions are re-read and re-indexed, once the
 * change is committed. Document-service middleware, not database lifecycles: a publish is a
 * create and a delete there.
 */
export function registerSearchSync(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (!changes.has(context.action)) return result;
    const documentId = (context.params as { documentId?: string }).documentId ?? (result as { documentId?: string } | null)?.documentId;
    if (!documentId) return result;
    const search = getService(strapi, 'api::search.search');
    const queue = () => search.schedule(context.uid, documentId);
    if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }: { onCommit: (run: () => void) => void }) => onCommit(queue));
    else queue();
    return result;
  });
}
