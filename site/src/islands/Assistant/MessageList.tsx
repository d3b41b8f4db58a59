import { useEffect, useRef } from 'react';
import type { Message as Line } from './conversation';
import { Message, type MessageActions } from './Message';
import type { AssistantText } from './useAssistant';

/**
 * The conversation as a `role="log"` live region: the introduction (which also describes the
 * dialog), example questions while it is empty, then the messages, the newest kept in view.
 */
export function MessageList({ messages, t, ...actions }: { messages: Line[]; t: AssistantText } & MessageActions) {
  const log = useRef<HTMLDivElement>(null);

  // Keep the newest message in view; a long one from its start.
  useEffect(() => {
    const l = log.current;
    const last = l?.lastElementChild as HTMLElement | null | undefined;
    if (l && last) l.scrollTop = last.offsetHeight > l.clientHeight ? last.offsetTop - 8 : l.scrollHeight;
  }, [messages]);

  return (
    <div ref={log} role="log" aria-live="polite" aria-label={t('log')} className="assistant-log" tabIndex={0}>
      <p id="assistant-intro" className="assistant-intro">
        {t('intro')}
      </p>
      {messages.length === 0 && (
        <div className="assistant-welcome">
          <p>{t('welcome')}</p>
          {t.list('examples').map((q) => (
            <button key={q} type="button" className="assistant-button assistant-choice" onClick={() => actions.onChoose(q)}>
              {q}
            </button>
          ))}
        </div>
      )}
      {messages.map((m) => (
        <Message key={m.n} m={m} t={t} {...actions} />
      ))}
    </div>
  );
}
