/**
 * The widget's requests: a question (streamed), a handoff to staff, a vote. The conversation id
 * travels only in JSON bodies, never in a URL (it is a bearer secret).
 */
import { readError, type Failure } from '@portal/cms/contracts/browser';
import { askEndpoints, type AskRequest, type AskResponse, type ConversationId, type FeedbackRequest, type HandoffRequest } from './api';
import { readEvents } from './sse';

/** The assistant refused or failed; `failure.message` is the server's (Vietnamese) message, or '' when it sent none. */
export class AskError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = 'AskError';
  }
}

export type StreamHandlers = {
  /** The conversation the answer belongs to, as soon as the server knows it. */
  onStart?: (conversationId: ConversationId) => void;
  onChunk: (text: string) => void;
};

/** `base` is '' in the browser (same origin); tests give their server's address. */
const post = (base: string, path: string, body: AskRequest | FeedbackRequest | HandoffRequest) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream, application/json' },
    body: JSON.stringify(body),
  });

async function refusal(res: Response): Promise<AskError> {
  const body: unknown = await res.json().catch(() => null);
  return new AskError(readError(body, res.status, '', res.headers.get('Retry-After')));
}

/** The answer with what the widget renders always present, whatever the JSON lacks. */
function toReply(data: unknown): AskResponse {
  const reply = (data ?? {}) as Partial<AskResponse>;
  const sources = Array.isArray(reply.sources) ? reply.sources.filter((s) => typeof s?.title === 'string' && typeof s.url === 'string') : [];
  return { ...reply, kind: reply.kind ?? 'answer', answer: typeof reply.answer === 'string' ? reply.answer : '', sources } as AskResponse;
}

/** Asks a question; the answer's text arrives in `onChunk` pieces, then the whole answer resolves. */
export async function ask(request: AskRequest, handlers: StreamHandlers, base = ''): Promise<AskResponse> {
  const res = await post(base, askEndpoints.stream, request);
  if (!res.ok) throw await refusal(res);
  if (!res.body || !/event-stream/.test(res.headers.get('content-type') ?? '')) return toReply(await res.json());
  let outcome: AskResponse | AskError | undefined;
  await readEvents(res.body, (name, data) => {
    if (name === 'start') handlers.onStart?.(String((data as { conversationId?: unknown }).conversationId));
    else if (name === 'chunk') {
      const text = (data as { text?: unknown } | null)?.text;
      handlers.onChunk(typeof text === 'string' ? text : '');
    }
    else if (name === 'done') outcome = toReply(data);
    else if (name === 'error') outcome = new AskError(readError(data, 500, ''));
    return outcome !== undefined;
  });
  if (outcome instanceof AskError) throw outcome;
  return outcome ?? Promise.reject(new AskError(readError(null, 0, ''))); // the stream ended without an answer
}

/** Hands the conversation to staff; the reply (kind `handoff`) says how to reach them. */
export async function handoff(conversationId: ConversationId, base = ''): Promise<AskResponse> {
  const res = await post(base, askEndpoints.handoff, { conversationId });
  if (!res.ok) throw await refusal(res);
  return toReply(await res.json());
}

export async function sendFeedback(request: FeedbackRequest, base = ''): Promise<void> {
  const res = await post(base, askEndpoints.feedback, request);
  if (!res.ok) throw await refusal(res);
}
