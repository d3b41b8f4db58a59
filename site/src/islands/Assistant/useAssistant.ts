/**
 * The widget's behaviour without its markup: the conversation (a reducer, saved in sessionStorage)
 * and the requests that change it. One request at a time; a conversation the server has forgotten
 * is replaced by a new one and the question asked again.
 */
import { useEffect, useReducer, useRef, useState } from 'react';
import { defaultLocale, type Locale } from '@portal/cms/contracts/browser';
import type { Messages } from '../../i18n';
import type { Translator } from '../../i18n/translate';
import { questionMaxLength, type AskResponse, type Vote } from './api';
import { lastNumber, load, reduce, save, type Job, type Message } from './conversation';
import { AskError, ask, handoff, sendFeedback } from './transport';

export type AssistantText = Translator<Messages<'assistant'>>;

/** sessionStorage, or nothing where it cannot be had (server rendering; some browsers' private mode throw). */
function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

export function useAssistant(locale: Locale, t: AssistantText) {
  const [state, dispatch] = useReducer(reduce, locale, (l) => load(storage(), l));
  const [busy, setBusy] = useState(false);
  /** Read by requests in flight, which outlive the render that started them. */
  const latest = useRef(state);
  const busyNow = useRef(false);
  const seq = useRef(lastNumber(state.messages));

  useEffect(() => {
    latest.current = state;
    const store = storage();
    if (store) save(store, locale, state);
  }, [state, locale]);

  function send(job: Job, n: number, conversationId: string | undefined): Promise<AskResponse> {
    if ('handoff' in job && conversationId) return handoff(conversationId);
    const question = 'question' in job ? job.question : t('handoffQuestion');
    return ask(
      { question, locale, ...(conversationId ? { conversationId } : {}) },
      { onStart: (id) => dispatch({ type: 'started', conversationId: id }), onChunk: (text) => dispatch({ type: 'chunk', n, text }) },
    );
  }

  async function run(job: Job, echo?: string) {
    if (busyNow.current) return;
    busyNow.current = true;
    setBusy(true);
    const n = (seq.current += 2);
    dispatch({ type: 'asked', n, echo });
    try {
      const conversationId = latest.current.conversationId;
      let reply: AskResponse;
      try {
        reply = await send(job, n, conversationId);
      } catch (error) {
        if (!(error instanceof AskError && error.failure.status === 404 && conversationId)) throw error;
        dispatch({ type: 'expired', n });
        reply = await send(job, n, undefined);
      }
      dispatch({ type: 'answered', n, reply, empty: t('empty') });
    } catch (error) {
      // The server's message is in Vietnamese; ours is in the page's language.
      const message = error instanceof AskError ? error.message : '';
      dispatch({ type: 'failed', n, text: message || t('error'), job, lang: message && locale !== defaultLocale ? defaultLocale : undefined });
    } finally {
      busyNow.current = false;
      setBusy(false);
    }
  }

  async function vote(m: Message, value: Vote) {
    if (m.vote === value || !m.conversationId || !m.turnId) return;
    dispatch({ type: 'voted', n: m.n, vote: value, note: 'thanks' });
    try {
      await sendFeedback({ conversationId: m.conversationId, turnId: m.turnId, value });
    } catch {
      dispatch({ type: 'voted', n: m.n, vote: m.vote, note: 'voteFailed' });
    }
  }

  return {
    messages: state.messages,
    busy,
    /** Asks a question (trimmed, at most `questionMaxLength` characters); ignored while busy or blank. */
    ask: (question: string) => {
      const q = question.trim().slice(0, questionMaxLength);
      if (q && !busyNow.current) void run({ question: q }, q);
    },
    handoff: () => void run({ handoff: true }, t('handoffQuestion')),
    retry(m: Message) {
      if (busyNow.current || !m.job) return;
      dispatch({ type: 'removed', n: m.n });
      void run(m.job);
    },
    vote: (m: Message, value: Vote) => void vote(m, value),
    restart() {
      if (!busyNow.current) dispatch({ type: 'restarted' });
    },
    /** Whether a request is under way right now (not waiting for a render). */
    isBusy: () => busyNow.current,
  };
}
export type AssistantState = ReturnType<typeof useAssistant>;
