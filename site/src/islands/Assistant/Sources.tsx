import type { AskSource } from './api';
import { safeUrl } from './markdown';
import type { AssistantText } from './useAssistant';

/** The pages an answer comes from, as links the citizen can check ("Nguồn:"). */
export function Sources({ id, sources, t }: { id: string; sources: AskSource[]; t: AssistantText }) {
  return (
    <div className="assistant-sources">
      <p id={id}>{t('sources')}</p>
      <ul aria-labelledby={id}>
        {sources.map((s, i) => {
          const href = safeUrl(s.url);
          return (
            <li key={i}>
              {href ? <a href={href}>{s.title}</a> : s.title}
              {s.code && <span className="assistant-code"> {t('sourceCode', { code: s.code })}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** A clarifying answer's candidate questions: choosing one asks it. */
export function Choices({ sources, busy, t, onChoose }: { sources: AskSource[]; busy: boolean; t: AssistantText; onChoose: (question: string) => void }) {
  return (
    <div role="group" aria-label={t('choices')} className="assistant-choices">
      {sources.map((s, i) => (
        <button key={i} type="button" className="assistant-button assistant-choice" aria-disabled={busy} onClick={() => onChoose(s.title)}>
          {s.title}
        </button>
      ))}
    </div>
  );
}
