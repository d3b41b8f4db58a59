/** `GET /health`: 200 while the process is up; `ready` once the content is loaded; `answering` while the assistant answers by itself. */
import { assistantHealthSchema, assistantPaths } from '../../contracts';
import type { Server } from '@portal/platform';
import type { Knowledge } from '../knowledge';
import type { AnsweringSwitch } from '../pipeline';

export function healthRoute(app: Server, knowledge: Knowledge, answering: AnsweringSwitch): void {
  app.get(assistantPaths.health, { schema: { summary: 'Assistant health', response: { 200: assistantHealthSchema } } }, async () => ({
    status: 'ok' as const,
    ready: knowledge.ready,
    answering: answering.on,
    loadedAt: knowledge.loadedAt?.toISOString() ?? null,
    content: knowledge.counts(),
  }));
}
