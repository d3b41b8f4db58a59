import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answerExample } from './examples';
import { lastNumber, load, reduce, save, storageKey, type Conversation } from './conversation';

const reply = answerExample;
const empty: Conversation = { messages: [] };
const asked = reduce(empty, { type: 'asked', n: 2, echo: 'khai sinh' });

/** A Storage stand-in backed by a Map (sessionStorage is a browser object). */
const memory = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
};

describe('the conversation reducer', () => {
  test('a question adds the echo and an empty answer being streamed', () => {
    assert.deepEqual(asked.messages, [
      { n: 1, role: 'user', text: 'khai sinh' },
      { n: 2, role: 'bot', text: '', live: true },
    ]);
  });

  test('chunks append to the answer being streamed', () => {
    const state = [{ type: 'chunk', n: 2, text: 'Cần ' } as const, { type: 'chunk', n: 2, text: 'Giấy' } as const].reduce(reduce, asked);
    assert.equal(state.messages[1]!.text, 'Cần Giấy');
  });

  test('the answer replaces the streamed text, ends streaming and remembers the conversation', () => {
    const state = reduce(reduce(asked, { type: 'chunk', n: 2, text: 'Cần' }), { type: 'answered', n: 2, reply, empty: '—' });
    assert.equal(state.conversationId, answerExample.conversationId);
    assert.deepEqual(state.messages[1], { n: 2, role: 'bot', text: reply.answer, live: false, kind: 'answer', sources: reply.sources, conversationId: answerExample.conversationId, turnId: 't1' });
  });

  test('an answer without text shows the given "no answer" text', () => {
    const state = reduce(asked, { type: 'answered', n: 2, reply: { ...reply, answer: '' }, empty: 'Chưa có câu trả lời.' });
    assert.equal(state.messages[1]!.text, 'Chưa có câu trả lời.');
  });

  test('the start event sets the conversation before the answer is complete', () => {
    assert.equal(reduce(asked, { type: 'started', conversationId: 'new-one' }).conversationId, 'new-one');
  });

  test('an expired conversation is forgotten and the streamed text starts over', () => {
    const state = reduce({ ...reduce(asked, { type: 'chunk', n: 2, text: 'Cần' }), conversationId: 'old' }, { type: 'expired', n: 2 });
    assert.equal(state.conversationId, undefined);
    assert.equal(state.messages[1]!.text, '');
  });

  test('a failure turns the answer into an error line that remembers what to retry', () => {
    const state = reduce(asked, { type: 'failed', n: 2, text: 'Lỗi mạng', job: { question: 'khai sinh' }, lang: 'vi' });
    assert.deepEqual(state.messages[1], { n: 2, role: 'error', text: 'Lỗi mạng', live: false, job: { question: 'khai sinh' }, lang: 'vi' });
  });

  test('a vote is recorded with its note, and a failed vote restores the earlier one', () => {
    const voted = reduce(asked, { type: 'voted', n: 2, vote: 'up', note: 'thanks' });
    assert.deepEqual([voted.messages[1]!.vote, voted.messages[1]!.note], ['up', 'thanks']);
    const undone = reduce(voted, { type: 'voted', n: 2, vote: undefined, note: 'voteFailed' });
    assert.deepEqual([undone.messages[1]!.vote, undone.messages[1]!.note], [undefined, 'voteFailed']);
  });

  test('retrying removes the error line', () => {
    assert.deepEqual(reduce(asked, { type: 'removed', n: 2 }).messages.map((m) => m.n), [1]);
  });

  test('a new chat forgets the messages and the conversation', () => {
    assert.deepEqual(reduce({ ...asked, conversationId: 'x' }, { type: 'restarted' }), { messages: [] });
  });

  test('new messages are numbered after the restored ones', () => {
    assert.equal(lastNumber(asked.messages), 2);
  });
});

describe('keeping the conversation in sessionStorage', () => {
  test('saves per language and loads it back without the answer still streaming', () => {
    const store = memory();
    const answered = reduce(asked, { type: 'answered', n: 2, reply, empty: '' });
    save(store, 'vi', reduce(answered, { type: 'asked', n: 4, echo: 'thêm' }));
    const restored = load(store, 'vi');
    assert.equal(restored.conversationId, answerExample.conversationId);
    assert.deepEqual(restored.messages.map((m) => m.n), [1, 2, 3]);
    assert.deepEqual(load(store, 'en'), { messages: [] }, 'the English widget has its own conversation');
  });

  test('keeps the last 40 messages', () => {
    const store = memory();
    const messages = Array.from({ length: 50 }, (_, i) => ({ n: i + 1, role: 'user' as const, text: `q${i}` }));
    save(store, 'vi', { messages });
    assert.deepEqual(load(store, 'vi').messages.map((m) => m.n), messages.slice(-40).map((m) => m.n));
  });

  test('a damaged entry or no storage at all gives an empty conversation', () => {
    const store = memory();
    store.items.set(storageKey('vi'), '{not json');
    assert.deepEqual(load(store, 'vi'), { messages: [] });
    assert.deepEqual(load(undefined, 'vi'), { messages: [] });
  });

  test('a full or disabled storage does not break the widget', () => {
    assert.doesNotThrow(() => save({ setItem: () => { throw new Error('QuotaExceededError'); } }, 'vi', asked));
  });
});
