import { useRef, useState, type ChangeEvent, type KeyboardEvent, type RefObject } from 'react';
import { questionMaxLength } from './api';
import type { AssistantText } from './useAssistant';

/** Remaining lengths at which the count is announced, once per step. */
const steps = [0, 10, 25, 50];

/** The announcement for a draft of `length` characters, and its step (-1: far from the limit, nothing said). */
export function lengthNotice(length: number, t: AssistantText): { step: number; text: string } {
  const left = questionMaxLength - length;
  const step = steps.find((s) => left <= s) ?? -1;
  return { step, text: step < 0 ? '' : left ? t('left', { count: left }) : t('full', { max: questionMaxLength }) };
}

/**
 * The question box: Enter sends, Shift + Enter starts a new line (not while an input method is
 * composing Vietnamese), a visible count, and a polite announcement only near the limit.
 */
export function Composer({ t, busy, input, onSend }: { t: AssistantText; busy: boolean; input: RefObject<HTMLTextAreaElement | null>; onSend: (question: string) => void }) {
  const [draft, setDraft] = useState('');
  const [notice, setNotice] = useState('');
  const step = useRef(-1);

  function submit() {
    if (!draft.trim() || busy) return;
    onSend(draft);
    setDraft('');
    step.current = -1;
    setNotice('');
    input.current?.focus();
  }

  function onChange(event: ChangeEvent<HTMLTextAreaElement>) {
    const value = event.target.value.slice(0, questionMaxLength);
    setDraft(value);
    const next = lengthNotice(value.length, t);
    if (next.step !== step.current) {
      step.current = next.step;
      setNotice(next.text);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing && event.keyCode !== 229 /* Safari: the Enter that ends a composition has isComposing false but keyCode 229 */) {
      event.preventDefault();
      submit();
    }
  }

  return (
    <form
      className="assistant-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor="assistant-input" className="visually-hidden">
        {t('label')}
      </label>
      <div className="assistant-row">
        <textarea
          ref={input}
          id="assistant-input"
          className="assistant-input"
          rows={2}
          maxLength={questionMaxLength}
          value={draft}
          placeholder={t('placeholder')}
          aria-describedby="assistant-hint"
          enterKeyHint="send"
          onChange={onChange}
          onKeyDown={onKeyDown}
        />
        <button type="submit" className="assistant-send" aria-disabled={busy || !draft.trim()}>
          {t('send')}
        </button>
      </div>
      <p className="assistant-meta">
        <span id="assistant-hint">{t('hint', { max: questionMaxLength })}</span>
        <span aria-hidden="true" className="assistant-count">
          {draft.length}/{questionMaxLength}
        </span>
      </p>
      <p className="visually-hidden" role="status">
        {notice}
      </p>
    </form>
  );
}
