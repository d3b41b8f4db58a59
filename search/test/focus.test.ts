import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EmbeddedEngine } from '../src/engines/embedded';
import { focus } from '../src/focus';
import { Synonyms } from '../src/synonyms';
import type { SearchDocument } from '../src/types';

test('a short question is searched as it is', () => {
  assert.equal(focus('  Làm giấy khai sinh cho con cần gì?  '), 'Làm giấy khai sinh cho con cần gì?');
});

test('a letter is cut to its question: greetings, the story and thanks go', () => {
  const letter =
    'Kính gửi quý cơ quan. Gia đình tôi sống ở xã này đã lâu, năm ngoái bố tôi mất và để lại mảnh vườn cho ba anh em. ' +
    'Các anh em đã thống nhất chia đều, ai cũng đồng ý. Xin hỏi thủ tục tách thửa đất để mỗi người đứng tên riêng như thế nào? Xin cảm ơn.';
  assert.equal(focus(letter), 'Xin hỏi thủ tục tách thửa đất để mỗi người đứng tên riêng như thế nào?');
});

test('a question that names little takes the sentence before it along', () => {
  const letter =
    'Con gái tôi năm nay tròn 14 tuổi và sắp phải làm thẻ căn cước lần đầu theo thông báo của trường. Cháu đang đi học nội trú xa nhà nên rất khó về. Có cách nào không?';
  assert.equal(focus(letter), 'Cháu đang đi học nội trú xa nhà nên rất khó về. Có cách nào không?');
});

test('a letter without a recognisable question keeps every sentence but the courtesy ones', () => {
  const letter = 'Xin chào ban biên tập. Tôi đã nộp hồ sơ cấp giấy phép xây dựng nhà ở riêng lẻ từ tháng trước mà vẫn chưa nhận được kết quả. Đề nghị cơ quan xem xét giải quyết sớm.';
  assert.equal(focus(letter), 'Tôi đã nộp hồ sơ cấp giấy phép xây dựng nhà ở riêng lẻ từ tháng trước mà vẫn chưa nhận được kết quả. Đề nghị cơ quan xem xét giải quyết sớm.');
});

test('a question written without diacritics is found the same way', () => {
  const letter = 'Chao anh chi. Nha em o xa, bo me em gia roi nen em phai lo het moi viec trong nha tu nam ngoai den gio. Cho em hoi dang ky ket hon voi nguoi nuoc ngoai can giay to gi a?';
  assert.equal(focus(letter), 'Cho em hoi dang ky ket hon voi nguoi nuoc ngoai can giay to gi a?');
});

test('however long the text, at most 48 words are ranked on: its first and its last 24', () => {
  const words = Array.from({ length: 300 }, (_, i) => `từ${i}`);
  const focused = focus(words.join(' ')).split(' ');
  assert.equal(focused.length, 48);
  assert.deepEqual(focused.slice(0, 2), ['từ0', 'từ1']);
  assert.deepEqual(focused.slice(-2), ['từ298', 'từ299']);
});

const doc = (id: string, title: string): SearchDocument => ({
  id: `${id}-vi`, type: 'procedure', locale: 'vi', documentId: id, code: null, key: id, title, questions: [], keywords: [], body: '', url: `/x/${id}`,
  field: '', levels: [], serviceLevel: '', audiences: [], agencies: [], complete: true,
});

test('a long one-sentence question still finds the procedure that covers its subject, though not half of its words', async () => {
  const engine = new EmbeddedEngine({ synonyms: new Synonyms({}) });
  await engine.upsert([doc('tach', 'Tách thửa hoặc hợp thửa đất'), doc('xay', 'Cấp giấy phép xây dựng nhà ở riêng lẻ')]);
  const question =
    'Khi gia đình tôi có nhu cầu chia mảnh đất vườn rộng hai nghìn mét vuông mà ông bà để lại ở thôn Đông cho các con cháu đang sinh sống rải rác khắp nơi thì phải làm thủ tục tách thửa đất ra sao';
  const { hits } = await engine.search({ q: question, locale: 'vi' });
  assert.equal(hits[0]?.key, 'tach', JSON.stringify(hits));
});
