import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import type { AssistantState, AssistantText } from './useAssistant';

/**
 * The open widget: a non-modal `role="dialog"` named by its title and described by the
 * introduction; Escape or "Đóng" closes it. It is not `aria-modal` because the page stays usable
 * beside it (the citizen may follow a source link or read on while it is open).
 */
export function Panel({ t, assistant, onClose }: { t: AssistantText; assistant: AssistantState; onClose: () => void }) {
  const input = useRef<HTMLTextAreaElement>(null);
  const { messages, busy } = assistant;
  /** Focus starts in the question box, and returns there after any button of the conversation. */
  const focusInput = () => input.current?.focus();
  useEffect(() => input.current?.focus(), []);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onClose();
    }
  }

  return (
    <div role="dialog" aria-labelledby="assistant-title" aria-describedby="assistant-intro" className="assistant-panel" onKeyDown={onKeyDown}>
      <div className="assistant-head">
        <h2 id="assistant-title">{t('title')}</h2>
        <button type="button" className="assistant-close" aria-label={t('closeLabel')} onClick={onClose}>
          <span aria-hidden="true">×</span> {t('close')}
        </button>
      </div>
      <MessageList
        messages={messages}
        t={t}
        busy={busy}
        onChoose={(q) => {
          assistant.ask(q);
          focusInput();
        }}
        onRetry={(m) => {
          assistant.retry(m);
          focusInput();
        }}
        onVote={assistant.vote}
      />
      <Composer t={t} busy={busy} input={input} onSend={assistant.ask} />
      <div className="assistant-actions">
        <button type="button" className="assistant-button" aria-disabled={busy} onClick={assistant.handoff}>
          {t('handoff')}
        </button>
        {messages.length > 0 && (
          <button type="button" className="assistant-button assistant-restart" aria-disabled={busy} onClick={() => {
              assistant.restart();
              focusInput();
            }}>
            {t('restart')}
          </button>
        )}
      </div>
    </div>
  );
}
