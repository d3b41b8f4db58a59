/**
 * The assistant's HTTP API over real HTTP on loopback, on the sample content (no CMS) and a real
 * SQLite file: who is counted by the rate limit, the headers, what is gone, what the logs hold.
 * The whole API against a real CMS, on SQLite and PostgreSQL, is tested in tests/bot/bot-http.ts.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { after, before, test } from 'node:test';
import { parseTrustedProxies } from '@portal/cms/client-address';
import { createLimiter } from '@portal/cms/limits';
import type { Server, ServerOptions } from '@portal/platform';
import { migrate } from '../migrations';
import { askResponseSchema } from '../contracts';
import { readBotConfig } from '../src/config';
import { connect } from '../src/database';
import { buildBotApp } from '../src/http/app';
import { chunks } from '../src/http/stream';
import { KnexConversationStore, turnsTable } from '../src/store';
import { sampleAssistant, temporaryDatabase } from './helpers';

const tmp = temporaryDatabase();
const db = connect(tmp.database);
const store = new KnexConversationStore(db);
const running: Server[] = [];
before(() => migrate(db));
after(async () => {
  await Promise.all(running.map((app) => app.close()));
  await store.close();
  tmp.remove();
});

let limiters = 0;
const limiter = (points: number) => createLimiter({ keyPrefix: `assistant-test-${++limiters}`, points, durationSeconds: 60 });

/** The assistant's app on a free loopback port, its log lines collected. */
async function serve(options: { trustedProxies?: string; ratePerMinute?: number; corsOrigins?: string[] } = {}) {
  const { knowledge, assistant } = await sampleAssistant();
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const server: ServerOptions = { name: 'assistant', logLevel: 'http', trustedProxies: parseTrustedProxies(options.trustedProxies ?? '127.0.0.0/8,::1'), corsOrigins: options.corsOrigins, logStream };
  const app = await buildBotApp({ assistant, knowledge, store, limiter: limiter(options.ratePerMinute ?? 100), handoffAgency: 'trung-tam-phuc-vu-hanh-chinh-cong', server });
  await app.listen({ port: 0, host: '127.0.0.1' });
  running.push(app);
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { url, post, lines };
}

test('an answer is streamed in pieces of whole words that join back to it exactly', () => {
  const answer = 'Bạn cần:\n\n- **Tờ khai đăng ký khai sinh**;\n- **Giấy chứng sinh** bản chính.\n\nXem [thủ tục](/thu-tuc/dang-ky-khai-sinh).';
  const pieces = chunks(answer, 20);
  assert.ok(pieces.length > 3);
  assert.equal(pieces.join(''), answer);
  for (const p of pieces.slice(0, -1)) assert.match(p, /\s$/, 'each piece ends between words');
  assert.deepEqual(chunks('ngắn'), ['ngắn']);
});

test('by default only loopback proxies are believed and only the portal’s origin may call from a browser, never *', () => {
  const config = readBotConfig({ SITE_PORT: '4321' });
  assert.deepEqual(config.trustedProxies.entries, ['127.0.0.0/8', '::1']);
  assert.equal(config.trustedProxies.trusts('203.0.113.9', 0), false);
  assert.deepEqual(config.corsOrigins, ['http://localhost:4321', 'http://127.0.0.1:4321']);
  assert.throws(() => readBotConfig({ CORS_ORIGINS: '*' }), /CORS_ORIGINS/);
});

test('the kill switch: BOT_ANSWERING=false starts with answering off; off, a question is stored as a handoff stopped at the switch and the conversation waits for staff', async () => {
  assert.equal(readBotConfig({}).answering, true);
  assert.equal(readBotConfig({ BOT_ANSWERING: 'false' }).answering, false);
  assert.throws(() => readBotConfig({ BOT_ANSWERING: 'maybe' }), /BOT_ANSWERING/);

  const { assistant } = await sampleAssistant();
  const { url, post } = await serve();
  assistant.answering.set(false, 'test');
  try {
    assert.equal((await (await fetch(`${url}/health`)).json()).answering, false);
    const response = await post('/api/ask', { question: 'Đăng ký kết hôn cần những giấy tờ gì?' });
    assert.equal(response.status, 200);
    const body = askResponseSchema.parse(await response.json());
    assert.equal(body.kind, 'handoff');
    assert.match(body.answer, /tạm dừng/);
    const stored = await db(turnsTable).where({ id: Number(body.turnId) }).first();
    assert.equal(stored.reason, 'handoff:answering-off');
    assert.deepEqual(
      JSON.parse(stored.steps).map((s: { step: string; status: string }) => `${s.step}:${s.status}`),
      ['switch:stopped'],
    );
    assert.equal((await db('assistant_conversations').where({ id: stored.conversation_id }).first()).status, 'waiting_for_staff');
  } finally {
    assistant.answering.set(true, 'test');
  }
  assert.equal((await (await fetch(`${url}/health`)).json()).answering, true);
});

test('a forged X-Forwarded-For from an address that is not a trusted proxy still gets 429 once that address is spent', async () => {
  // The bot believes only 10.0.0.1; this test's requests come from 127.0.0.1 and claim to be others.
  const { post } = await serve({ trustedProxies: '10.0.0.1', ratePerMinute: 3 });
  const statuses: number[] = [];
  for (let i = 1; i <= 5; i++) statuses.push((await post('/api/ask', { question: 'khai sinh' }, { 'x-forwarded-for': `203.0.113.${i}` })).status);
  assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
  const refused = await post('/api/feedback', { conversationId: 'x'.repeat(43), turnId: '1', value: 'up' }, { 'x-forwarded-for': '198.51.100.77' });
  assert.equal(refused.status, 429, 'feedback counts against the same address');
  assert.ok(Number(refused.headers.get('retry-after')) >= 1);
});

test('behind a trusted proxy each client address has its own count', async () => {
  const { post } = await serve({ trustedProxies: '127.0.0.0/8', ratePerMinute: 2 });
  const from = async (ip: string) => (await post('/api/ask', { question: 'khai sinh' }, { 'x-forwarded-for': ip })).status;
  assert.deepEqual([await from('203.0.113.1'), await from('203.0.113.1'), await from('203.0.113.1')], [200, 200, 429]);
  assert.equal(await from('203.0.113.2'), 200);
});

test('every answer carries the security headers, and CORS allows the listed origins only, without credentials', async () => {
  const { url, post } = await serve({ corsOrigins: ['http://localhost:4321'] });
  const own = await post('/api/ask', { question: 'làm giấy khai sinh cần gì' }, { origin: 'http://localhost:4321' });
  assert.equal(own.status, 200);
  assert.equal(own.headers.get('access-control-allow-origin'), 'http://localhost:4321');
  assert.equal(own.headers.get('access-control-allow-credentials'), null);
  assert.equal(own.headers.get('x-content-type-options'), 'nosniff');
  assert.ok(own.headers.get('content-security-policy'));
  assert.ok(own.headers.get('strict-transport-security'));
  const foreign = await post('/api/ask', { question: 'làm giấy khai sinh cần gì' }, { origin: 'https://evil.example' });
  assert.equal(foreign.headers.get('access-control-allow-origin'), null);
  const preflight = await fetch(`${url}/api/ask`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
  assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  const error = await post('/api/ask', {}, { origin: 'http://localhost:4321' });
  assert.equal(error.status, 400);
  assert.equal(error.headers.get('x-content-type-options'), 'nosniff', 'errors too');
  const stream = await post('/api/ask/stream', { question: 'khai sinh' }, { origin: 'http://localhost:4321' });
  assert.equal(stream.headers.get('access-control-allow-origin'), 'http://localhost:4321', 'the event stream too');
  assert.equal(stream.headers.get('x-content-type-options'), 'nosniff');
  assert.ok(stream.headers.get('x-request-id'));
  await stream.text();
});

test('GET /api/ask/stream is gone: 405 with Allow: POST, and nothing is stored', async () => {
  const { url } = await serve();
  const count = async () => Number((await db(turnsTable).count({ n: '*' }))[0]!.n);
  const stored = await count();
  const response = await fetch(`${url}/api/ask/stream?${new URLSearchParams({ question: 'lệ phí khai sinh' })}`);
  assert.equal(response.status, 405);
  assert.equal(response.headers.get('allow'), 'POST');
  assert.equal((await response.json()).error.name, 'MethodNotAllowedError');
  assert.equal(await count(), stored);
});

test('log lines hold neither the questions nor the conversation ids, even when storing a turn fails', async () => {
  const { post, lines } = await serve();
  const question = 'Số điện thoại 0912345678, làm giấy khai sinh cho con cần gì?';
  const first = askResponseSchema.parse(await (await post('/api/ask', { question })).json());
  const stream = await post('/api/ask/stream', { question: 'còn lệ phí thì sao?', conversationId: first.conversationId });
  assert.equal(stream.status, 200);
  await stream.text();
  await post('/api/feedback', { conversationId: first.conversationId, turnId: first.turnId, value: 'up' });
  await db.schema.renameTable(turnsTable, 'assistant_turns_away');
  try {
    const failed = await post('/api/ask', { question, conversationId: first.conversationId });
    assert.equal(failed.status, 500);
  } finally {
    await db.schema.renameTable('assistant_turns_away', turnsTable);
  }
  const log = lines.join('');
  assert.match(log, /"path":"\/api\/ask\/stream"/, 'the requests are logged, by path');
  assert.match(log, /request failed/, 'the failure is logged');
  for (const secret of [first.conversationId, '0912345678', 'giấy khai sinh', 'lệ phí']) assert.ok(!log.includes(secret), `the log holds ${secret}`);
});

test('the OpenAPI document of the app lists the five routes with the contract’s schemas, and no GET stream', async () => {
  const { knowledge, assistant } = await sampleAssistant();
  const app = await buildBotApp({ assistant, knowledge, store, limiter: limiter(1), handoffAgency: 'x', server: { logLevel: 'error', trustedProxies: parseTrustedProxies('') } });
  await app.ready();
  const paths = app.swagger().paths as Record<string, Record<string, any>>;
  assert.deepEqual(Object.keys(paths).sort(), ['/api/ask', '/api/ask/stream', '/api/feedback', '/api/handoff', '/health']);
  assert.deepEqual(Object.keys(paths['/api/ask/stream']!), ['post']);
  const ask = paths['/api/ask']!.post;
  assert.deepEqual(ask.requestBody.content['application/json'].schema.required, ['question']);
  assert.equal(ask.requestBody.content['application/json'].schema.properties.question.maxLength, 4000);
  assert.deepEqual(Object.keys(ask.responses).sort(), ['200', '400', '404', '413', '429', '503']);
  await app.close();
});
