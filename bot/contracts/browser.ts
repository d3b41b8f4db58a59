/**
 * The assistant's wire contracts without zod, for the portal's assistant island: paths, limits and
 * the types of what goes over the wire. Node code (the assistant, the tests) imports
 * `@portal/bot/contracts`, whose zod schemas validate exactly these shapes.
 */
import type { ErrorEnvelope, Locale } from '@portal/cms/contracts/browser';

/**
 * Longest question, in characters (after trimming): a letter with greetings and a story fits; the
 * assistant finds the question in it.
 */
export const questionMaxLength = 4000;

/** Where the assistant answers (the site server proxies the same paths on the portal's origin). */
export const assistantPaths = {
  ask: '/api/ask',
  /** Server-Sent Events, POST only: `start`, `chunk` × n, `done`, or `error`. */
  stream: '/api/ask/stream',
  feedback: '/api/feedback',
  handoff: '/api/handoff',
  health: '/health',
} as const;

/** What the assistant decided: answer with sources, ask which subject, pass to staff, or refuse. */
export const replyKinds = ['answer', 'clarify', 'handoff', 'refuse'] as const;
export type ReplyKind = (typeof replyKinds)[number];

/** Opaque, and a secret: whoever holds it continues the conversation. Keep it out of URLs and logs. */
export type ConversationId = string;

export type AskRequest = {
  question: string;
  locale?: Locale;
  /** From an earlier reply, to continue that conversation. Opaque, and a secret: whoever holds it continues the conversation. */
  conversationId?: string;
};

/** A document an answer comes from, or a choice of a clarification. */
export type AssistantSource = {
  type: 'faq' | 'procedure';
  documentId: string;
  /** The procedure's full code; for a FAQ its procedure's code; else null. */
  code: string | null;
  title: string;
  /** Portal path, e.g. `/thu-tuc/dang-ky-khai-sinh`. */
  url: string;
};

export type AskResponse = {
  /** Opaque secret of the conversation: send it back to continue, rate or hand off; keep it from others. */
  conversationId: string;
  /** The stored turn of this reply, for feedback. */
  turnId: string;
  kind: ReplyKind;
  /** Markdown. */
  answer: string;
  sources: AssistantSource[];
  /** Calibrated probability that the first source is the right one (for refusals and handoffs: of the rule). */
  confidence: number;
};

/** The events of `POST /api/ask/stream`, in order: `start`, `chunk` × n (joined: the answer), then `done`; `error` ends a failed stream. */
export const streamEventNames = ['start', 'chunk', 'done', 'error'] as const;
export type StreamEvent =
  | { event: 'start'; data: { conversationId: string } }
  | { event: 'chunk'; data: { text: string } }
  | { event: 'done'; data: AskResponse }
  | { event: 'error'; data: ErrorEnvelope };
/** The data of each event, by name: `StreamEventData['done']` is an `AskResponse`. */
export type StreamEventData = { [E in StreamEvent as E['event']]: E['data'] };

export const feedbackValues = ['up', 'down'] as const;
export type FeedbackRequest = { conversationId: string; turnId: string; value: (typeof feedbackValues)[number] };

export type HandoffRequest = { conversationId: string };

export type AssistantHealth = {
  status: 'ok';
  /** Whether the content is loaded (before that, questions get 503). */
  ready: boolean;
  /** Whether the assistant answers by itself; false: every question goes to staff (the kill switch). */
  answering: boolean;
  /** ISO 8601 time of the last content load. */
  loadedAt: string | null;
  content: { faqs: Record<Locale, number>; procedures: Record<Locale, number> };
};
