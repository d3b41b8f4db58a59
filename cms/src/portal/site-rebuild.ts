import type { Core } from '@strapi/strapi';
import { settings } from '../../lib/settings';
import { isCatalogueType } from '../../lib/content-types';

/** Wait after a committed change before asking, so that a bulk publish or a seed run makes one request. */
const gatherMs = 1000;
const requestTimeoutMs = 5000;

type Change = { uid: string; action: string; documentId?: string };
type Notifier = { add(change: Change): void; flush(): Promise<void> };
const notifiers = new WeakMap<Core.Strapi, Notifier>();

/**
 * Whether a document-service call changes what the portal shows. For types with draft & publish
 * (procedures, FAQs, news) saving a draft does not; publishing, unpublishing, deleting, or a
 * create/update that publishes at once (the seed loader) does. Fields, agencies and life events
 * have no drafts: every write is public.
 */
function changesPortal(strapi: Core.Strapi, uid: string, action: string, params: { status?: string }): boolean {
  if (!isCatalogueType(uid)) return false;
  const drafts = Boolean((strapi.contentType(uid as never) as { options?: { draftAndPublish?: boolean } } | undefined)?.options?.draftAndPublish);
  switch (action) {
    case 'publish':
    case 'unpublish':
      return true;
    case 'delete':
      return !(drafts && params.status === 'draft');
    case 'create':
    case 'update':
      return !drafts || params.status === 'published';
    default:
      return false; // reads, count, discardDraft (the published version stays)
  }
}

function describe(changes: Change[]): string {
  const byType = new Map<string, number>();
  for (const c of changes) {
    const key = `${c.action} ${c.uid.replace(/^api::[^.]+\./, '')}`;
    byType.set(key, (byType.get(key) ?? 0) + 1);
  }
  return [...byType].map(([key, n]) => (n === 1 ? key : `${key} ×${n}`)).join(', ');
}

/**
 * Asks the site server (`settings().site.rebuildUrl`, SITE_REBUILD_URL) to rebuild the portal once
 * a change to the published catalogue is committed: one POST with `Authorization: Bearer
 * <SITE_REBUILD_TOKEN>` gathering the changes of the last second; the site server debounces further.
 * Nothing is sent when SITE_REBUILD_URL=off. A site server that is down costs one warning in the
 * log (until it answers again), never the editor's publish.
 *
 * Why a document-service middleware rather than a Strapi webhook: it runs after the commit (a
 * webhook event can fire for a write that is then rolled back), it sees every writer (admin, REST,
 * seed loader) in the same way as the search sync, it can tell a draft save from a publish, and it
 * turns a bulk change of thousands of entries into one request where a webhook sends one per
 * entry. The target and token come from the environment instead of a webhook row in the database
 * that an admin could edit into a state the site server rejects.
 */
export function registerSiteRebuild(strapi: Core.Strapi): void {
  const pending: Change[] = [];
  let timer: NodeJS.Timeout | undefined;
  let sending: Promise<void> = Promise.resolve();
  let warned = false;

  async function send(): Promise<void> {
    timer = undefined;
    const changes = pending.splice(0);
    let url: string | undefined;
    try {
      const { site, secrets } = settings();
      url = site.rebuildUrl;
      if (changes.length === 0 || !url) return;
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${secrets.siteRebuildToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reason: `CMS: ${describe(changes)}`, changes: changes.slice(0, 100) }),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`it answered ${response.status}`);
      if (warned) strapi.log.info(`The site server at ${url} takes rebuild requests again`);
      warned = false;
    } catch (error) {
      if (warned) return;
      warned = true;
      const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      strapi.log.warn(
        `Could not ask the site server to rebuild the portal (POST ${url}: ${reason}). ` +
          'The change is saved; the portal shows it after the next rebuild. Further failures are not logged until it answers.',
      );
    }
  }

  const notifier: Notifier = {
    add(change) {
      if (!settings().site.rebuildUrl) return;
      pending.push(change);
      timer ??= setTimeout(() => void (sending = sending.then(send)), gatherMs);
    },
    /** Sends what is pending now (when the CMS stops), so a seed run's last changes are not lost. */
    async flush() {
      if (timer) {
        clearTimeout(timer);
        sending = sending.then(send);
      }
      await sending;
    },
  };
  notifiers.set(strapi, notifier);

  strapi.documents.use(async (context, next) => {
    const result = await next();
    const params = context.params as { documentId?: string; status?: string };
    if (!changesPortal(strapi, context.uid, context.action, params) || !settings().site.rebuildUrl) return result;
    const change: Change = { uid: context.uid, action: context.action, documentId: params.documentId ?? (result as { documentId?: string } | null)?.documentId };
    const queue = () => notifier.add(change);
    if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }: { onCommit: (run: () => void) => void }) => onCommit(queue));
    else queue();
    return result;
  });
}

/** Sends a pending rebuild request before the CMS stops. */
export async function flushSiteRebuild(strapi: Core.Strapi): Promise<void> {
  await notifiers.get(strapi)?.flush();
}
