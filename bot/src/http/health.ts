/** `GET /health`: 200 while the process is up; `ready` once the content is loaded. */
import { assistantHealthSchema, assistantPaths } from '../../contracts';
import type { Server } from '@portal/platform';
import type { Knowledge } from '../knowledge';

export function healthRoute(app: Server, knowledge: Knowledge): void {
  app.get(assistantPaths.health, { schema: { summary: 'Assistant health', response: { 200: assistantHealthSchema } } }, async () => ({
    status: 'ok' as const,
    ready: knowledge.ready,
    loadedAt: knowledge.loadedAt?.toISOString() ?? null,
    content: knowledge.counts(),
  }));
}
