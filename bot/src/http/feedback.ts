/** `POST /api/feedback`: the citizen rates a reply, +1 or −1 on its turn; a second vote replaces the first. */
import { z } from 'zod';
import { assistantPaths, feedbackRequestSchema } from '../../contracts';
import type { Limiter } from '@portal/cms/limits';
import { limitByAddress, type Server } from '@portal/platform';
import { conversationOf, type Conversations } from './conversation';
import { tooManyMessage, turnNotFound } from './errors';
import { failures } from './responses';

export function feedbackRoute(app: Server, { store }: Conversations, limiter: Limiter): void {
  app.post(
    assistantPaths.feedback,
    {
      schema: {
        summary: 'Rate a reply of the assistant',
        body: feedbackRequestSchema,
        response: { 204: z.null().describe('Stored'), ...failures('badRequest', 'notFound', 'tooLarge', 'tooMany') },
      },
      preHandler: limitByAddress(limiter, tooManyMessage),
    },
    async (request, reply) => {
      const { conversationId, turnId, value } = request.body;
      const conversation = await conversationOf(store, conversationId);
      if (!(await store.feedback(conversation.id, turnId, value === 'up' ? 1 : -1))) throw turnNotFound();
      return reply.code(204).send(null);
    },
  );
}
