// Replaced by @portal/bot/contracts/browser when it lands
/**
 * The assistant's HTTP API as the widget uses it (bot/, proxied by the site server on the same
 * origin). Errors come in the portal's one envelope (`readError` from `@portal/cms/contracts/browser`).
 */
import type { DocumentType, ErrorEnvelope, Locale } from '@portal/cms/contracts/browser';

export const askEndpoints = {
  /** `AskRequest` → `AskResponse`. */
  ask: '/api/ask',
  /** `AskRequest` → `text/event-stream` of `StreamEvents`. */
  stream: '/api/ask/stream',
  /** `FeedbackRequest` → 204. */
  feedback: '/api/feedback',
  /** `HandoffRequest` → `AskResponse` (kind `handoff`). */
  handoff: '/api/handoff',
} as const;

/** The longest question the assistant accepts, in characters. */
export { questionMaxLength } from '@portal/bot/contracts/browser';

export type AskKind = 'answer' | 'clarify' | 'handoff' | 'refuse';
/** An opaque bearer secret: kept in sessionStorage only, never put in a URL. */
export type ConversationId = string;

export type AskRequest = { question: string; locale?: Locale; conversationId?: ConversationId };
export type AskSource = { type: DocumentType; documentId: string; code: string | null; title: string; url: string };
export type AskResponse = {
  conversationId: ConversationId;
  turnId: string;
  kind: AskKind;
  answer: string;
  sources: AskSource[];
  confidence: number;
};

/** The stream's events, by name: `start`, then `chunk`s, then `done` or `error`. */
export type StreamEvents = {
  start: { conversationId: ConversationId };
  chunk: { text: string };
  done: AskResponse;
  error: ErrorEnvelope;
};

export type Vote = 'up' | 'down';
export type FeedbackRequest = { conversationId: ConversationId; turnId: string; value: Vote };
export type HandoffRequest = { conversationId: ConversationId };
