/**
 * Reads a Server-Sent Events body from `fetch` (EventSource cannot POST). Parsing follows the
 * specification through `eventsource-parser` (line endings, comments, multi-line data); each
 * event's data is JSON.
 */
import { createParser } from 'eventsource-parser';

/** Called for each event in order; return `true` to stop reading (the rest of the body is cancelled). */
export type OnEvent = (name: string, data: unknown) => boolean | void;

/**
 * Feeds `onEvent` until it asks to stop or the body ends. Events whose data is not JSON are skipped.
 * @returns whether `onEvent` stopped the reading (false: the body ended first)
 */
export async function readEvents(body: ReadableStream<Uint8Array>, onEvent: OnEvent): Promise<boolean> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let stopped = false;
  const parser = createParser({
    onEvent(event) {
      if (stopped) return;
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      stopped = onEvent(event.event ?? 'message', data) === true;
    },
  });
  try {
    while (!stopped) {
      const { value, done } = await reader.read();
      // A character split between two chunks is held back by the decoder until its second half arrives.
      parser.feed(decoder.decode(value, { stream: !done }));
      if (done) break;
    }
  } finally {
    if (stopped) void reader.cancel().catch(() => undefined);
    else reader.releaseLock();
  }
  return stopped;
}
