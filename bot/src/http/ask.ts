/** `POST /api/ask`: a question, answered with its sources and stored (contracts: AskRequest → AskResponse). */
import { askRequestSchema, askResponseSchema, assistantPaths } from '../../contracts';
import type { Limiter } from '@portal/cms/limits';
import { limitByAddress, type Server } from '@portal/platform';
import { answerQuestion, type Conversations } from './conversation';
import { tooManyMessage } from './errors';
import { failures } from './responses';

export function askRoute(app: Server, conversations: Conversations, limiter: Limiter): void {
  app.post(
    assistantPaths.ask,
    {
      schema: {
        summary: 'Ask the assistant',
        body: askRequestSchema,
        response: { 200: askResponseSchema, ...failures('badRequest', 'notFound', 'tooLarge', 'tooMany', 'notReady') },
      },
      preHandler: limitByAddress(limiter, tooManyMessage),
    },
    (request) => answerQuestion(conversations, request.body),
  );
}
