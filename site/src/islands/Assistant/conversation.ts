/**
 * The conversation as the widget shows it: its messages and the server's conversation id, changed
 * only through `reduce`, kept in sessionStorage per language so it survives following a source link.
 */
import type { Locale } from '@portal/cms/contracts/browser';
import type { AskKind, AskResponse, AskSource, ConversationId, Vote } from './api';

/** What a request asked, kept on an error line so "Try again" can repeat it: a question, or a handoff. */
export type Job = { question: string } | { handoff: true };

export type Message = {
  /** Order and identity; a question and its answer take two consecutive numbers. */
  n: number;
  role: 'user' | 'bot' | 'error';
  text: string;
  kind?: AskKind;
  sources?: AskSource[];
  /** The conversation and turn an answer belongs to, for feedback. */
  conversationId?: ConversationId;
  turnId?: string;
  vote?: Vote;
  note?: 'thanks' | 'voteFailed';
  /** Still streaming: shown, not yet announced, never stored. */
  live?: boolean;
  job?: Job;
  /** Language of the text when it is not the page's (the server's Vietnamese message on an English page). */
  lang?: Locale;
};

export type Conversation = { conversationId?: ConversationId; messages: Message[] };

export type Action =
  | { type: 'asked'; n: number; echo?: string }
  | { type: 'chunk'; n: number; text: string }
  | { type: 'started'; conversationId: ConversationId }
  | { type: 'expired'; n: number }
  | { type: 'answered'; n: number; reply: AskResponse; empty: string }
  | { type: 'failed'; n: number; text: string; job: Job; lang?: Locale }
  | { type: 'voted'; n: number; vote?: Vote; note: 'thanks' | 'voteFailed' }
  | { type: 'removed'; n: number }
  | { type: 'restarted' };

const patch = (messages: Message[], n: number, change: (m: Message) => Partial<Message>) => messages.map((m) => (m.n === n ? { ...m, ...change(m) } : m));

export function reduce(state: Conversation, action: Action): Conversation {
  const { messages } = state;
  switch (action.type) {
    case 'asked': {
      const echo: Message[] = action.echo === undefined ? [] : [{ n: action.n - 1, role: 'user', text: action.echo }];
      return { ...state, messages: [...messages, ...echo, { n: action.n, role: 'bot', text: '', live: true }] };
    }
    case 'chunk':
      return { ...state, messages: patch(messages, action.n, (m) => ({ text: m.text + action.text })) };
    case 'started':
      return { ...state, conversationId: action.conversationId };
    case 'expired':
      // The server forgot the conversation: the question is asked again in a new one, from an empty answer.
      return { conversationId: undefined, messages: patch(messages, action.n, () => ({ text: '' })) };
    case 'answered': {
      const { reply } = action;
      const conversationId = reply.conversationId ?? state.conversationId;
      return {
        conversationId,
        messages: patch(messages, action.n, () => ({ live: false, kind: reply.kind, text: reply.answer || action.empty, sources: reply.sources, conversationId, turnId: reply.turnId })),
      };
    }
    case 'failed':
      return { ...state, messages: patch(messages, action.n, () => ({ live: false, role: 'error', text: action.text, job: action.job, lang: action.lang })) };
    case 'voted':
      return { ...state, messages: patch(messages, action.n, () => ({ vote: action.vote, note: action.note })) };
    case 'removed':
      return { ...state, messages: messages.filter((m) => m.n !== action.n) };
    case 'restarted':
      return { messages: [] };
  }
}

/** The highest message number, so new messages follow the restored ones. */
export const lastNumber = (messages: Message[]): number => messages.reduce((n, m) => Math.max(n, m.n), 0);

/** Messages kept across pages: the last 40, without one still streaming. */
const KEPT = 40;

export const storageKey = (locale: Locale) => `portal-assistant-${locale}`;

/** The saved conversation, or an empty one (no storage: server rendering, private mode; or a damaged entry). */
export function load(storage: Pick<Storage, 'getItem'> | undefined, locale: Locale): Conversation {
  try {
    const saved = JSON.parse(storage?.getItem(storageKey(locale)) ?? 'null') as { id?: unknown; msgs?: unknown } | null;
    if (saved && Array.isArray(saved.msgs)) {
      const messages = (saved.msgs as Message[]).filter((m) => m && !m.live && typeof m.text === 'string' && typeof m.n === 'number');
      return { conversationId: typeof saved.id === 'string' ? saved.id : undefined, messages };
    }
  } catch {
    // a damaged entry: start afresh
  }
  return { messages: [] };
}

export function save(storage: Pick<Storage, 'setItem'>, locale: Locale, state: Conversation): void {
  try {
    storage.setItem(storageKey(locale), JSON.stringify({ id: state.conversationId, msgs: state.messages.filter((m) => !m.live).slice(-KEPT) }));
  } catch {
    // storage full or disabled: the conversation lasts as long as the page
  }
}
