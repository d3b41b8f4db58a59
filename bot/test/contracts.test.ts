/**
 * The assistant's contracts: the zod schemas (Node) and the browser types (the island) describe the
 * same shapes — checked by the type checker below — and refuse bad input naming the field.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { z } from 'zod';
import {
  askRequestSchema,
  askResponseSchema,
  assistantHealthSchema,
  feedbackRequestSchema,
  handoffRequestSchema,
  streamEventSchemas,
  type AskRequest,
  type AskResponse,
  type AssistantHealth,
  type FeedbackRequest,
  type HandoffRequest,
  type StreamEventData,
} from '../contracts';

/** `true` only when A and B are the same type; a mismatch fails `npm run typecheck`. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree: [
  Same<z.output<typeof askRequestSchema>, AskRequest>,
  Same<z.output<typeof askResponseSchema>, AskResponse>,
  Same<z.output<typeof feedbackRequestSchema>, FeedbackRequest>,
  Same<z.output<typeof handoffRequestSchema>, HandoffRequest>,
  Same<z.output<typeof assistantHealthSchema>, AssistantHealth>,
  Same<{ [E in keyof typeof streamEventSchemas]: z.output<(typeof streamEventSchemas)[E]> }['done'], StreamEventData['done']>,
] = [true, true, true, true, true, true];

test('the schemas and the browser types describe the same shapes', () => {
  assert.ok(agree.every(Boolean));
});

test('a question is trimmed; an empty, over-long or unknown field is refused in Vietnamese, naming it', () => {
  assert.deepEqual(askRequestSchema.parse({ question: '  khai sinh  ' }), { question: 'khai sinh' });
  const issue = (value: unknown) => askRequestSchema.safeParse(value).error!.issues[0]!;
  assert.equal(issue({ question: ' ' }).message, 'Hãy nhập câu hỏi (trường question).');
  assert.match(issue({ question: 'x'.repeat(4001) }).message, /tối đa 4000 ký tự \(trường question\)/);
  assert.match(issue({ question: 'a', conversationId: 'abc' }).message, /trường conversationId/);
  assert.equal(issue({ question: 'a', topic: 1 }).code, 'unrecognized_keys');
  assert.ok(askRequestSchema.safeParse({ question: 'a', conversationId: 'A'.repeat(43) }).success);
});
