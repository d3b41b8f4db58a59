/**
 * `POST /api/ask/stream`: the same question and checks as `/api/ask` (refusals are answered as
 * JSON, before any event), then Server-Sent Events: `start` (`{ conversationId }`), `chunk` × n
 * (`{ text }`; joined, the answer), `done` (the AskResponse); `error` if writing fails mid-way.
 * Each event is written (flushed) on its own; the stream stops when the client goes. POST only: a
 * GET would put the question and the conversation's secret in URLs and logs.
 */
import type { OutgoingHttpHeaders } from 'node:http';
import { errorEnvelope } from '@portal/cms/contracts';
import { askRequestSchema, assistantPaths, type StreamEvent } from '../../contracts';
import type { Limiter } from '@portal/cms/limits';
import { limitByAddress, type Server } from '@portal/platform';
import { answerQuestion, type Conversations } from './conversation';
import { serverMessages, tooManyMessage } from './errors';
import { failures } from './responses';

/** The answer in pieces for streaming: whole words, about `size` characters each; joined they give the answer back exactly. */
export function chunks(answer: string, size = 48): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const token of answer.split(/(?<=\s)/)) {
    if (current && current.length + token.length > size) {
      pieces.push(current);
      current = '';
    }
    current += token;
  }
  if (current) pieces.push(current);
  return pieces;
}

export function streamRoute(app: Server, conversations: Conversations, limiter: Limiter): void {
  app.post(
    assistantPaths.stream,
    {
      schema: {
        summary: 'Ask the assistant, reply streamed (Server-Sent Events: start, chunk × n, done; error)',
        body: askRequestSchema,
        response: failures('badRequest', 'notFound', 'tooLarge', 'tooMany', 'notReady'),
      },
      preHandler: limitByAddress(limiter, tooManyMessage),
    },
    async (request, reply) => {
      const result = await answerQuestion(conversations, request.body);
      reply.hijack();
      const res = reply.raw;
      // Hijacked: the headers Fastify's hooks set (request id, CORS, security) are written by hand.
      res.writeHead(200, {
        ...(reply.getHeaders() as OutgoingHttpHeaders),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = ({ event, data }: StreamEvent) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      try {
        send({ event: 'start', data: { conversationId: result.conversationId } });
        for (const text of chunks(result.answer)) {
          if (res.destroyed) return;
          send({ event: 'chunk', data: { text } });
          await new Promise((resolve) => setImmediate(resolve));
        }
        send({ event: 'done', data: result });
      } catch (error) {
        request.log.error({ err: error }, 'stream failed');
        if (!res.destroyed) send({ event: 'error', data: errorEnvelope(500, 'InternalServerError', serverMessages.internal) });
      } finally {
        res.end();
      }
    },
  );
}
