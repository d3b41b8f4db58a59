import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { z } from 'zod';
import { parseTrustedProxies } from '@portal/cms/client-address';
import { createLimiter } from '@portal/cms/limits';
import { createServer, HttpError, limitByAddress, type ServerOptions } from '../src';

/** A server with one route of each kind, its log lines collected. */
async function server(options: Partial<ServerOptions> = {}) {
  const lines: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  const app = await createServer({ name: 'test', logLevel: 'http', trustedProxies: parseTrustedProxies('127.0.0.0/8,::1'), logStream, ...options });
  app.post('/echo', { schema: { body: z.strictObject({ question: z.string({ error: 'Hãy nhập câu hỏi (trường question).' }).min(1, 'Hãy nhập câu hỏi (trường question).') }) } }, async (request) => ({
    question: request.body.question,
  }));
  app.get('/who', async (request) => ({ ip: request.ip, id: request.id }));
  app.get('/teapot', async () => {
    throw new HttpError(418, 'TeapotError', 'Tôi là ấm trà.', { errors: [{ path: ['x'], message: 'ấm', name: 'TeapotError' }] }, { 'x-teapot': 'yes' });
  });
  app.get('/boom', async () => {
    throw new Error('secret internals');
  });
  const limited = createLimiter({ keyPrefix: 'test', points: 2, durationSeconds: 60 });
  app.get('/limited', { preHandler: limitByAddress(limited, 'Quá nhiều lần.') }, async () => ({ ok: true }));
  return { app, lines };
}

test('a body its schema refuses gets 400 in the envelope, naming the field, and unknown fields by name', async () => {
  const { app } = await server();
  const missing = await app.inject({ method: 'POST', url: '/echo', payload: {} });
  assert.equal(missing.statusCode, 400);
  assert.deepEqual(missing.json(), {
    error: { status: 400, name: 'ValidationError', message: 'Hãy nhập câu hỏi (trường question).', details: { errors: [{ path: ['question'], message: 'Hãy nhập câu hỏi (trường question).', name: 'ValidationError' }] } },
  });
  const extra = await app.inject({ method: 'POST', url: '/echo', payload: { question: 'a', evil: 1 } });
  assert.equal(extra.statusCode, 400);
  assert.equal(extra.json().error.message, 'Trường không được hỗ trợ: evil.');
  assert.deepEqual(extra.json().error.details.errors[0].path, ['evil']);
  assert.equal((await app.inject({ method: 'POST', url: '/echo', payload: { question: 'xin chào' } })).json().question, 'xin chào');
});

test('malformed JSON, an empty body, a wrong media type and an over-large body get 400, 400, 415 and 413 in the envelope', async () => {
  const { app } = await server({ bodyLimit: 100 });
  const post = (payload: string, type = 'application/json') => app.inject({ method: 'POST', url: '/echo', payload, headers: { 'content-type': type } });
  const malformed = await post('{"question":');
  assert.equal(malformed.statusCode, 400);
  assert.equal(malformed.json().error.message, 'Nội dung yêu cầu phải là JSON hợp lệ.');
  assert.equal((await post('')).statusCode, 400);
  const media = await post('question=a', 'application/x-www-form-urlencoded');
  assert.equal(media.statusCode, 415);
  assert.equal(media.json().error.name, 'UnsupportedMediaTypeError');
  const large = await post(JSON.stringify({ question: 'a'.repeat(200) }));
  assert.equal(large.statusCode, 413);
  assert.equal(large.json().error.name, 'PayloadTooLargeError');
});

test('an unknown path is 404 and a known path with another method is 405 with Allow, both in the envelope', async () => {
  const { app } = await server();
  const unknown = await app.inject({ method: 'GET', url: '/nowhere' });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().error.name, 'NotFoundError');
  const wrongMethod = await app.inject({ method: 'GET', url: '/echo' });
  assert.equal(wrongMethod.statusCode, 405);
  assert.equal(wrongMethod.headers.allow, 'POST');
  assert.equal(wrongMethod.json().error.status, 405);
});

test('an HttpError answers its status, details and headers; any other error is a logged 500 that reveals nothing', async () => {
  const { app, lines } = await server();
  const teapot = await app.inject({ method: 'GET', url: '/teapot' });
  assert.equal(teapot.statusCode, 418);
  assert.equal(teapot.headers['x-teapot'], 'yes');
  assert.equal(teapot.json().error.details.errors[0].message, 'ấm');
  const boom = await app.inject({ method: 'GET', url: '/boom' });
  assert.equal(boom.statusCode, 500);
  assert.doesNotMatch(boom.body, /secret internals/);
  assert.equal(boom.json().error.name, 'InternalServerError');
  assert.ok(lines.some((l) => l.msg === 'request failed' && JSON.stringify(l).includes('secret internals')));
});

test('X-Forwarded-For and X-Request-Id are believed from a trusted proxy only', async () => {
  const { app } = await server({ trustedProxies: parseTrustedProxies('10.0.0.1') });
  const headers = { 'x-forwarded-for': '203.0.113.7', 'x-request-id': 'req-from-proxy' };
  const viaProxy = await app.inject({ method: 'GET', url: '/who', headers, remoteAddress: '10.0.0.1' });
  assert.deepEqual(viaProxy.json(), { ip: '203.0.113.7', id: 'req-from-proxy' });
  assert.equal(viaProxy.headers['x-request-id'], 'req-from-proxy');
  const forged = await app.inject({ method: 'GET', url: '/who', headers, remoteAddress: '198.51.100.9' });
  assert.equal(forged.json().ip, '198.51.100.9');
  assert.notEqual(forged.json().id, 'req-from-proxy');
  assert.match(forged.headers['x-request-id'] as string, /^[0-9a-f-]{36}$/);
});

test('the rate limit counts clients by their trusted address: a forged X-Forwarded-For does not reset it', async () => {
  const { app } = await server({ trustedProxies: parseTrustedProxies('127.0.0.0/8,::1') });
  const from = (ip: string) => app.inject({ method: 'GET', url: '/limited', remoteAddress: '198.51.100.9', headers: { 'x-forwarded-for': ip } });
  assert.equal((await from('1.1.1.1')).statusCode, 200);
  assert.equal((await from('2.2.2.2')).statusCode, 200);
  const refused = await from('3.3.3.3');
  assert.equal(refused.statusCode, 429);
  assert.ok(Number(refused.headers['retry-after']) >= 1);
  assert.equal(refused.json().error.details.retryAfterSeconds, Number(refused.headers['retry-after']));
});

test('one log line per request at LOG_LEVEL=http, with the path but not the query; none at info', async () => {
  const verbose = await server();
  await verbose.app.inject({ method: 'GET', url: '/who?q=0912345678' });
  const requests = verbose.lines.filter((l) => l.msg === 'request');
  assert.equal(requests.length, 1);
  assert.equal(requests[0]!.path, '/who');
  assert.doesNotMatch(JSON.stringify(verbose.lines), /0912345678/);
  const quiet = await server({ logLevel: 'info' });
  await quiet.app.inject({ method: 'GET', url: '/who' });
  assert.equal(quiet.lines.length, 0);
});

test('security headers are on by default, and CORS answers only the configured origins', async () => {
  const { app } = await server({ corsOrigins: ['http://localhost:4321'] });
  const own = await app.inject({ method: 'GET', url: '/who', headers: { origin: 'http://localhost:4321' } });
  assert.equal(own.headers['access-control-allow-origin'], 'http://localhost:4321');
  assert.equal(own.headers['access-control-allow-credentials'], undefined);
  assert.equal(own.headers['x-content-type-options'], 'nosniff');
  assert.ok(own.headers['content-security-policy']);
  const foreign = await app.inject({ method: 'GET', url: '/who', headers: { origin: 'https://evil.example' } });
  assert.equal(foreign.headers['access-control-allow-origin'], undefined);
});
