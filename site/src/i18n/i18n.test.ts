import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dictionaries, translate } from './index';
import { format, parts, translator } from './translate';

type Entry = { key: string; texts: string[]; list: boolean };

/** Every text of a language by `namespace.key`: a plain text, each plural form, or each list item. */
function entries(locale: 'vi' | 'en'): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const [namespace, texts] of Object.entries(dictionaries[locale])) {
    for (const [name, value] of Object.entries(texts as Record<string, unknown>)) {
      const key = `${namespace}.${name}`;
      const list = Array.isArray(value);
      const all = typeof value === 'string' ? [value] : list ? (value as string[]) : Object.values(value as Record<string, string>);
      out.set(key, { key, texts: all, list });
    }
  }
  return out;
}
const vi = entries('vi');
const en = entries('en');
const placeholders = (texts: string[]) => [...new Set(texts.flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

describe('the translation files', () => {
  test('Vietnamese and English have the same keys', () => {
    assert.deepEqual([...en.keys()].sort(), [...vi.keys()].sort());
  });

  test('a key is a list in both languages or in neither', () => {
    const mismatched = [...vi.values()].filter((e) => e.list !== en.get(e.key)?.list).map((e) => e.key);
    assert.deepEqual(mismatched, []);
  });

  test('no text is empty or only blanks', () => {
    const empty = [...vi.values(), ...en.values()].filter((e) => e.texts.length === 0 || e.texts.some((s) => !s.trim())).map((e) => e.key);
    assert.deepEqual(empty, []);
  });

  test('every text is in Unicode NFC, so Vietnamese letters compare and search as typed', () => {
    const decomposed = [...vi.values(), ...en.values()].filter((e) => e.texts.some((s) => s !== s.normalize('NFC'))).map((e) => e.key);
    assert.deepEqual(decomposed, []);
  });

  test('both languages fill the same placeholders', () => {
    const differ = [...vi.values()].filter((e) => placeholders(e.texts).join() !== placeholders(en.get(e.key)?.texts ?? []).join()).map((e) => e.key);
    assert.deepEqual(differ, []);
  });

  test('plural texts have an "other" form, only CLDR forms, and a {count} to choose by', () => {
    const bad: string[] = [];
    for (const locale of ['vi', 'en'] as const) {
      for (const [namespace, texts] of Object.entries(dictionaries[locale])) {
        for (const [name, value] of Object.entries(texts as Record<string, unknown>)) {
          if (typeof value !== 'object' || Array.isArray(value)) continue;
          const forms = Object.keys(value as object);
          if (!forms.includes('other') || forms.some((f) => !['one', 'other'].includes(f)) || !placeholders(Object.values(value as object)).includes('count')) {
            bad.push(`${locale}: ${namespace}.${name}`);
          }
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  test('Vietnamese needs no plural forms', () => {
    const plural = [...vi.values()].filter((e) => !e.list && e.texts.length > 1).map((e) => e.key);
    assert.deepEqual(plural, []);
  });
});

describe('formatting a text', () => {
  test('fills placeholders and formats numbers the Vietnamese way', () => {
    assert.equal(format('vi', 'Xem toàn bộ {count} thủ tục', { count: 1294 }), 'Xem toàn bộ 1.294 thủ tục');
  });

  test('formats numbers the English way on English pages', () => {
    assert.equal(format('en', 'See all {count} procedures', { count: 1294 }), 'See all 1,294 procedures');
  });

  test('chooses the English plural form by {count}', () => {
    const text = { one: '{count} result', other: '{count} results' };
    assert.deepEqual([format('en', text, { count: 1 }), format('en', text, { count: 0 }), format('en', text, { count: 2 })], ['1 result', '0 results', '2 results']);
  });

  test('leaves a placeholder without a value visible', () => {
    assert.equal(format('vi', 'Tìm “{q}”'), 'Tìm “{q}”');
  });

  test('returns the pieces around a placeholder filled with an element', () => {
    const link = { element: 'a' };
    assert.deepEqual(parts('vi', 'Hoặc tra cứu trong {link}.', { link }), ['Hoặc tra cứu trong ', link, '.']);
  });

  test("an island's translator reads its own slice", () => {
    const t = translator('en', dictionaries.en.assistant);
    assert.equal(t('left', { count: 1 }), '1 character left.');
    assert.deepEqual(t.list('examples'), dictionaries.en.assistant.examples);
  });

  test('a page translator reads any namespace by `namespace.key`', () => {
    assert.equal(translate('vi')('procedures.count', { count: 3 }), '3 thủ tục');
    assert.equal(translate('en').list('apply.options').length, 3);
  });

  test('a key that does not exist does not compile', () => {
    const t = translate('vi');
    // @ts-expect-error: the type check fails if this key ever exists, or if keys stop being checked
    const missing = () => t('home.noSuchKey');
    assert.equal(typeof missing, 'function');
  });
});
