import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { answerExample } from './examples';
import { AskError, ask, handoff, sendFeedback } from './transport';

const answer = answerExample;

type Seen = { method?: string; url?: string; body: unknown };
/** What the fake assistant answers next, and what it was sent. */
let reply: (res: http.ServerResponse) => void = () => undefined;
const seen: Seen[] = [];

const sse = (res: http.ServerResponse, ...blocks: string[]) => {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
  for (const block of blocks) res.write(block);
  res.end();
};
const event = (name: string, data: unknown) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;

describe('the assistant’s transport against a real HTTP server', () => {
  let server: http.Server;
  let base = '';
  before(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      req.on('end', () => {
        seen.push({ method: req.method, url: req.url, body: JSON.parse(raw || 'null') });
        reply(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('posts the question as JSON, with the conversation in the body and not in the address', async () => {
    reply = (res) => sse(res, event('done', answer));
    await ask({ question: 'khai sinh', locale: 'vi', conversationId: answer.conversationId }, { onChunk: () => undefined }, base);
    const last = seen.at(-1)!;
    assert.equal(last.method, 'POST');
    assert.equal(last.url, '/api/ask/stream');
    assert.deepEqual(last.body, { question: 'khai sinh', locale: 'vi', conversationId: answer.conversationId });
  });

  test('hands over the conversation id at start, the text in chunks, then resolves with the whole answer', async () => {
    reply = (res) => sse(res, event('start', { conversationId: answer.conversationId }), event('chunk', { text: 'Cần ' }), event('chunk', { text: 'Giấy chứng sinh.' }), event('done', answer));
    const started: string[] = [];
    const chunks: string[] = [];
    const result = await ask({ question: 'khai sinh' }, { onStart: (id) => started.push(id), onChunk: (text) => chunks.push(text) }, base);
    assert.deepEqual(started, [answer.conversationId]);
    assert.deepEqual(chunks, ['Cần ', 'Giấy chứng sinh.']);
    assert.deepEqual(result, answer);
  });

  test('rejects with the server’s message when an error event arrives mid-stream', async () => {
    reply = (res) => sse(res, event('chunk', { text: 'Cần' }), event('error', { error: { status: 500, name: 'InternalServerError', message: 'Trợ lý gặp sự cố.', details: {} } }));
    await assert.rejects(ask({ question: 'khai sinh' }, { onChunk: () => undefined }, base), (error: unknown) => error instanceof AskError && error.message === 'Trợ lý gặp sự cố.');
  });

  test('rejects when the stream ends without an answer', async () => {
    reply = (res) => sse(res, event('chunk', { text: 'Cần' }));
    await assert.rejects(ask({ question: 'khai sinh' }, { onChunk: () => undefined }, base), (error: unknown) => error instanceof AskError && error.failure.status === 0);
  });

  test('a refused question carries the status and the message of the error envelope', async () => {
    reply = (res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { status: 404, name: 'NotFoundError', message: 'Không tìm thấy cuộc trò chuyện.', details: {} } }));
    };
    await assert.rejects(ask({ question: 'khai sinh', conversationId: 'gone' }, { onChunk: () => undefined }, base), (error: unknown) =>
      error instanceof AskError && error.failure.status === 404 && error.message === 'Không tìm thấy cuộc trò chuyện.');
  });

  test('a failure without the envelope (a proxy’s page) has no message, so the widget shows its own', async () => {
    reply = (res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<h1>Bad gateway</h1>');
    };
    await assert.rejects(ask({ question: 'khai sinh' }, { onChunk: () => undefined }, base), (error: unknown) => error instanceof AskError && error.message === '');
  });

  test('a handoff posts only the conversation and resolves with the staff’s contact answer', async () => {
    reply = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...answer, kind: 'handoff', sources: [] }));
    };
    const result = await handoff(answer.conversationId, base);
    assert.deepEqual(seen.at(-1)!.body, { conversationId: answer.conversationId });
    assert.equal(result.kind, 'handoff');
  });

  test('a vote posts the turn and the value and resolves on 204', async () => {
    reply = (res) => {
      res.writeHead(204);
      res.end();
    };
    await sendFeedback({ conversationId: answer.conversationId, turnId: 't1', value: 'up' }, base);
    assert.deepEqual(seen.at(-1), { method: 'POST', url: '/api/feedback', body: { conversationId: answer.conversationId, turnId: 't1', value: 'up' } });
  });
});
