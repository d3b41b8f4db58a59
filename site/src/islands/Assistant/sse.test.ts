import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readEvents } from './sse';

/** A body delivering exactly these byte chunks. */
function body(...chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>, stopAt?: string) {
  const events: [string, unknown][] = [];
  const stopped = await readEvents(stream, (name, data) => {
    events.push([name, data]);
    return name === stopAt;
  });
  return { events, stopped };
}

describe('reading the assistant’s event stream', () => {
  test('reads named events with JSON data in order', async () => {
    const { events } = await collect(body('event: start\ndata: {"conversationId":"abc"}\n\nevent: chunk\ndata: {"text":"Xin "}\n\n'));
    assert.deepEqual(events, [
      ['start', { conversationId: 'abc' }],
      ['chunk', { text: 'Xin ' }],
    ]);
  });

  test('joins an event split across chunks, even inside a field name', async () => {
    const { events } = await collect(body('ev', 'ent: chu', 'nk\nda', 'ta: {"text":"chào"', '}\n', '\n'));
    assert.deepEqual(events, [['chunk', { text: 'chào' }]]);
  });

  test('keeps a Vietnamese letter whose bytes are split between two chunks', async () => {
    const bytes = new TextEncoder().encode('event: chunk\ndata: {"text":"Đăng ký"}\n\n');
    const cut = bytes.indexOf(0xc4) + 1; // inside the two bytes of "Đ"
    const { events } = await collect(body(bytes.slice(0, cut), bytes.slice(cut)));
    assert.deepEqual(events, [['chunk', { text: 'Đăng ký' }]]);
  });

  test('accepts CRLF line endings and ignores comments', async () => {
    const { events } = await collect(body(': keep-alive\r\n\r\nevent: done\r\ndata: {"kind":"answer"}\r\n\r\n'));
    assert.deepEqual(events, [['done', { kind: 'answer' }]]);
  });

  test('skips an event whose data is not JSON', async () => {
    const { events } = await collect(body('event: chunk\ndata: not json\n\nevent: chunk\ndata: {"text":"ok"}\n\n'));
    assert.deepEqual(events, [['chunk', { text: 'ok' }]]);
  });

  test('stops when asked and reports it, leaving later events unread', async () => {
    const { events, stopped } = await collect(body('event: done\ndata: {}\n\nevent: chunk\ndata: {"text":"late"}\n\n'), 'done');
    assert.equal(stopped, true);
    assert.deepEqual(events, [['done', {}]]);
  });

  test('reports a body that ends without the awaited event', async () => {
    const { stopped } = await collect(body('event: chunk\ndata: {"text":"half"}\n\n'), 'done');
    assert.equal(stopped, false);
  });
});
