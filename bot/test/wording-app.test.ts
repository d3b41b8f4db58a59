/**
 * LLM wording switched on in the running assistant (LLM_PROVIDER=openai), with the model server
 * unreachable — no model can run here: the answer falls back to the extractive one, cited, and
 * the fallback is logged. The wording itself is tested with LangChain's fake chat models in
 * wording.test.ts; this proves the app wires the configuration through.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, test } from 'node:test';
import { startBot, type RunningBot } from '../src/app';
import type { LlmConfig } from '../src/wording/types';
import { temporaryDatabase } from './helpers';
import { SeedContentSource } from './support/seed-content';

const running: RunningBot[] = [];
const database = temporaryDatabase();
after(async () => {
  await Promise.all(running.map((bot) => bot.close()));
  database.remove();
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function ask(bot: RunningBot, question: string) {
  const response = await fetch(`${bot.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  assert.equal(response.status, 200);
  return (await response.json()) as { kind: string; answer: string; sources: { url: string }[] };
}

test('with LLM wording configured but its server unreachable, the app answers with the extractive, cited answer and logs the fallback', async () => {
  const start = async (llm: LlmConfig | undefined, logs: string[]) => {
    const bot = await startBot({
      config: { port: 0, host: '127.0.0.1', refreshSeconds: 3600, database: database.database, ...(llm ? { llm } : {}) },
      content: new SeedContentSource(),
      waitForContent: true,
      embeddings: false,
      log: (m) => logs.push(m),
    });
    running.push(bot);
    return bot;
  };
  const plain = await start(undefined, []);
  const logs: string[] = [];
  const worded = await start({ provider: 'openai', baseUrl: `http://127.0.0.1:${await closedPort()}/v1`, model: 'unreachable-test-model', apiKey: 'test', timeoutMs: 2000 }, logs);

  const question = 'làm giấy khai sinh cần gì';
  const expected = await ask(plain, question);
  const answer = await ask(worded, question);
  assert.equal(answer.kind, 'answer');
  assert.equal(answer.answer, expected.answer, 'the extractive answer, unchanged');
  assert.deepEqual(answer.sources, expected.sources);
  assert.ok(logs.some((l) => /LLM wording/.test(l)), `the fallback is logged: ${logs.join(' | ')}`);
});
