import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertValidInput, normalizeText } from '../src/portal/input';

const problemPaths = (uid: string, data: Record<string, unknown>): string[] => {
  try {
    assertValidInput(uid, data);
    return [];
  } catch (error) {
    return (error as { details: { errors: { path: string[] }[] } }).details.errors.map((e) => e.path.join('.'));
  }
};

test('normalizeText composes decomposed Vietnamese in nested data', () => {
  const decomposed = 'Hộ tịch'.normalize('NFD');
  const result = normalizeText({ name: decomposed, steps: [{ title: decomposed }], count: 3 });
  assert.deepEqual(result, { name: 'Hộ tịch', steps: [{ title: 'Hộ tịch' }], count: 3 });
});

test('accepts known levels and audiences', () => {
  assert.deepEqual(problemPaths('api::procedure.procedure', { levels: ['cap-tinh', 'cap-xa'], audiences: ['cong-dan'] }), []);
});

test('names each wrong item of a list', () => {
  assert.deepEqual(problemPaths('api::procedure.procedure', { levels: ['cap-xa', 'cap-sao-hoa'], audiences: 'cong-dan' }), ['levels.1', 'audiences']);
});

test('refuses a repeated keyword and an empty alternative question', () => {
  assert.deepEqual(problemPaths('api::procedure.procedure', { keywords: ['khai sinh', 'khai sinh'] }), ['keywords']);
  assert.deepEqual(problemPaths('api::faq.faq', { alternativeQuestions: ['lam giay khai sinh', ' '] }), ['alternativeQuestions.1']);
});

test('leaves absent or null lists alone, and other content types unchecked', () => {
  assert.deepEqual(problemPaths('api::procedure.procedure', { name: 'x', levels: null }), []);
  assert.deepEqual(problemPaths('api::news.news-item', { levels: ['nonsense'] }), []);
});

test('checks an agency level against the configured levels', () => {
  assert.deepEqual(problemPaths('api::agency.agency', { level: 'cap-bo' }), ['level']);
});
