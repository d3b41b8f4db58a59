/**
 * `POST /api/handoff`: the widget's "talk to a person" button. The conversation waits for staff; the
 * reply, in the conversation's language, gives the centre's hotline, e-mail, address and hours.
 */
import { askResponseSchema, assistantPaths, handoffRequestSchema } from '../../contracts';
import type { Limiter } from '@portal/cms/limits';
import { limitByAddress, type Server } from '@portal/platform';
import { conversationOf, recordTurn, requireContent, type Conversations } from './conversation';
import { tooManyMessage } from './errors';
import { failures } from './responses';

/** What a handoff asked with the button is stored as (questions are otherwise stored as typed, masked). */
const handoffQuestion = { vi: 'Yêu cầu gặp nhân viên hỗ trợ.', en: 'Request to talk to a member of staff.' } as const;

export function handoffRoute(app: Server, { assistant, knowledge, store }: Conversations, limiter: Limiter, handoffAgency: string): void {
  app.post(
    assistantPaths.handoff,
    {
      schema: {
        summary: 'Hand the conversation to staff',
        body: handoffRequestSchema,
        response: { 200: askResponseSchema, ...failures('badRequest', 'notFound', 'tooLarge', 'tooMany', 'notReady') },
      },
      preHandler: limitByAddress(limiter, tooManyMessage),
    },
    async (request) => {
      requireContent(knowledge);
      const started = performance.now();
      const conversation = await conversationOf(store, request.body.conversationId);
      const { locale } = conversation;
      return recordTurn(store, { id: conversation.id, secret: request.body.conversationId }, {
        question: handoffQuestion[locale],
        answer: assistant.composer.handoff(locale, 'handoffRequested', knowledge.agency(locale, handoffAgency)),
        kind: 'handoff',
        reason: 'handoff:requested',
        confidence: 1,
        sources: [],
        locale,
        latencyMs: performance.now() - started,
      });
    },
  );
}
