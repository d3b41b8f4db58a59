import type { Vote } from './api';
import type { Message } from './conversation';
import type { AssistantText } from './useAssistant';

const votes: readonly Vote[] = ['up', 'down'];

/**
 * "Was this answer helpful?" with a thumb up and a thumb down: toggle buttons (`aria-pressed`), the
 * question as the group's name, and the thanks (or the failure) said beside them.
 */
export function Feedback({ message, t, onVote }: { message: Message; t: AssistantText; onVote: (m: Message, value: Vote) => void }) {
  return (
    <div role="group" aria-label={t('helpful')} className="assistant-feedback">
      <span aria-hidden="true">{t('helpful')}</span>
      <span className="assistant-thumbs">
        {votes.map((v) => (
          <button key={v} type="button" className={`assistant-thumb assistant-${v}`} aria-pressed={message.vote === v} title={t(v)} onClick={() => onVote(message, v)}>
            <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
              <path fill="currentColor" d="M2 10h4v11H2zm6 0 4-7c1.5 0 2.5 1 2 3l-1 4h7a2 2 0 0 1 1.8 2.4l-1.5 7a2 2 0 0 1-2 1.6H8z" />
            </svg>
            <span className="visually-hidden">{t(v)}</span>
          </button>
        ))}
      </span>
      {message.note && <span className="assistant-note">{t(message.note)}</span>}
    </div>
  );
}
