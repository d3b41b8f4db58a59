import type { Vote } from './api';
import type { Message as Line } from './conversation';
import { Feedback } from './Feedback';
import { markdown } from './markdown';
import { Choices, Sources } from './Sources';
import type { AssistantText } from './useAssistant';

export type MessageActions = {
  busy: boolean;
  onChoose: (question: string) => void;
  onRetry: (m: Line) => void;
  onVote: (m: Line, value: Vote) => void;
};

/**
 * One line of the conversation. A screen reader hears who speaks ("Bạn:", "Trợ lý:", "Lỗi:"). An
 * answer being streamed is shown but hidden from assistive technology (`aria-busy`, "Đang trả lời…");
 * once complete it replaces that node, so the log announces it once, whole.
 */
export function Message({ m, t, busy, onChoose, onRetry, onVote }: { m: Line; t: AssistantText } & MessageActions) {
  if (m.role === 'user') {
    return (
      <div className="assistant-msg assistant-msg-user">
        <span className="visually-hidden">{t('you')} </span>
        {m.text}
      </div>
    );
  }
  if (m.role === 'error') {
    return (
      <div className="assistant-msg assistant-msg-error">
        <p>
          <span className="visually-hidden">{t('errorPrefix')} </span>
          <span lang={m.lang}>{m.text}</span>
        </p>
        {m.job && (
          <button type="button" className="assistant-button" aria-disabled={busy} onClick={() => onRetry(m)}>
            {t('retry')}
          </button>
        )}
      </div>
    );
  }
  const sources = m.sources ?? [];
  const clarify = m.kind === 'clarify';
  return (
    <div className={`assistant-msg assistant-msg-bot assistant-msg-${m.kind ?? 'answer'}`} aria-busy={m.live || undefined}>
      <span className="visually-hidden">{t('bot')} </span>
      {m.live ? (
        <>
          <div key="live" className="assistant-live" aria-hidden="true">
            {m.text}
          </div>
          <p className="assistant-typing">{t('typing')}</p>
        </>
      ) : (
        <div key="done" className="assistant-text">
          {markdown(m.text, m.kind === 'handoff')}
        </div>
      )}
      {!m.live && clarify && sources.length > 0 && <Choices sources={sources} busy={busy} t={t} onChoose={onChoose} />}
      {/* A handoff lists the procedures it suggests in its text: they are not the sources of an answer. */}
      {!m.live && !clarify && m.kind !== 'handoff' && sources.length > 0 && <Sources id={`assistant-src-${m.n}`} sources={sources} t={t} />}
      {!m.live && m.turnId && m.conversationId && <Feedback message={m} t={t} onVote={onVote} />}
    </div>
  );
}
