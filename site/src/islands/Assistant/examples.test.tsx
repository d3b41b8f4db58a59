import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderToStaticMarkup } from 'react-dom/server';
import { messages } from '../../i18n';
import { translator } from '../../i18n/translate';
import { attr, render, text } from '../../testing/html';
import Assistant from './Assistant';
import { Composer } from './Composer';
import { conversationExample } from './examples';
import { MessageList } from './MessageList';

const noop = () => undefined;
const conversation = (locale: 'vi' | 'en') => {
  const t = translator(locale, messages(locale, 'assistant'));
  return render(renderToStaticMarkup(<MessageList messages={conversationExample} t={t} busy={false} onChoose={noop} onRetry={noop} onVote={noop} />));
};
const vi = conversation('vi');

describe('the assistant’s examples, rendered on the server', () => {
  test('before hydration the widget is only its launcher, collapsed', () => {
    const page = render(renderToStaticMarkup(<Assistant locale="vi" messages={messages('vi', 'assistant')} />));
    const buttons = page.byRole('button');
    assert.deepEqual(buttons.map(page.name), ['Hỏi trợ lý ảo']);
    assert.equal(attr(buttons[0]!, 'aria-expanded'), 'false');
    assert.equal(page.byRole('dialog').length, 0);
  });

  test('the conversation is a log named for screen readers', () => {
    const [log] = vi.byRole('log');
    assert.equal(vi.name(log!), 'Cuộc trò chuyện với trợ lý ảo');
    assert.equal(attr(log!, 'aria-live'), 'polite');
  });

  test('each answer offers thumbs as toggle buttons in a group named by the question', () => {
    const groups = vi.byRole('group').filter((g) => vi.name(g) === 'Câu trả lời này có hữu ích không?');
    assert.equal(groups.length, 3, 'the answer, the clarification and the handoff');
    const pressed = vi.byRole('button').filter((b) => attr(b, 'aria-pressed') !== undefined);
    assert.deepEqual(pressed.slice(0, 2).map((b) => [vi.name(b), attr(b, 'aria-pressed')]), [
      ['Hữu ích', 'true'],
      ['Chưa hữu ích', 'false'],
    ]);
  });

  test('sources are a list named "Nguồn:" of links to portal pages, with the procedure code', () => {
    const lists = vi.byRole('list').filter((l) => vi.name(l) === 'Nguồn:');
    assert.equal(lists.length, 1);
    assert.match(text(lists[0]!), /Thủ tục đăng ký khai sinh \(mã 1\.001193\)/);
    const links = vi.byRole('link').filter((a) => attr(a, 'href') === '/thu-tuc/dang-ky-khai-sinh');
    assert.equal(links.length, 2, 'the source and the link in the answer');
  });

  test('a clarifying answer offers its questions as buttons in a named group', () => {
    const [choices] = vi.byRole('group').filter((g) => vi.name(g) === 'Chọn câu hỏi phù hợp');
    assert.ok(choices);
    assert.match(text(choices), /Đăng ký kết hôn cần giấy tờ gì\?.*Đăng ký kết hôn mất bao lâu\?/);
  });

  test('a handoff lists the procedures it suggests as links in its text, not as the sources of an answer', () => {
    const links = vi.byRole('link').filter((a) => attr(a, 'href') === '/thu-tuc/dang-ky-ket-hon');
    assert.equal(links.length, 1);
    assert.equal(text(links[0]!), 'Thủ tục đăng ký kết hôn');
    assert.equal(vi.byRole('list').filter((l) => vi.name(l) === 'Nguồn:').length, 1, 'only the answer has a sources list');
  });

  test('a phone number is a tel: link in a handoff only', () => {
    const tel = vi.byRole('link').filter((a) => attr(a, 'href')?.startsWith('tel:'));
    assert.deepEqual(tel.map((a) => attr(a, 'href')), ['tel:02633555036']);
  });

  test('an error line says it is an error and offers to try again', () => {
    const error = vi.all.find((el) => attr(el, 'class')?.includes('assistant-msg-error'))!;
    assert.match(text(error), /^Lỗi: Không kết nối được với trợ lý\.Thử lại$/);
  });

  test('an answer still streaming is busy and its partial text hidden from screen readers', () => {
    const live = vi.all.find((el) => attr(el, 'aria-busy') === 'true')!;
    const partial = vi.all.find((el) => attr(el, 'class') === 'assistant-live')!;
    assert.equal(attr(partial, 'aria-hidden'), 'true');
    assert.match(text(live), /Đang trả lời…/);
  });

  test('every button and link has a name, in both languages', () => {
    for (const page of [vi, conversation('en')]) {
      const unnamed = [...page.byRole('button'), ...page.byRole('link')].filter((el) => !page.name(el));
      assert.deepEqual(unnamed, []);
    }
  });

  test('the question box is labelled and described by its hint with the length limit', () => {
    const t = translator('vi', messages('vi', 'assistant'));
    const page = render(renderToStaticMarkup(<Composer t={t} busy={false} input={{ current: null }} onSend={noop} />));
    const [box] = page.byRole('textbox');
    assert.equal(page.name(box!), 'Câu hỏi của bạn');
    assert.equal(attr(box!, 'maxlength'), '4000');
    const hint = page.all.find((el) => attr(el, 'id') === attr(box!, 'aria-describedby'))!;
    assert.equal(text(hint), 'Nhấn Enter để gửi, Shift + Enter để xuống dòng. Tối đa 4.000 ký tự.');
  });
});
