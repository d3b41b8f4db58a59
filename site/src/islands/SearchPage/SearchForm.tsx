import type { SubmitEvent } from 'react';
import { searchRules } from '@portal/cms/contracts/browser';
import type { SearchPageText } from './SearchPage';

/** The search field with its visible label; a GET form to this page, so it works before the script arrives. */
export function SearchForm({ action, draft, t, onDraft, onSearch }: { action: string; draft: string; t: SearchPageText; onDraft: (q: string) => void; onSearch: (q: string) => void }) {
  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = draft.trim();
    if (q) onSearch(q);
    else document.getElementById('search-page-q')?.focus();
  }
  return (
    <form role="search" aria-label={t('region')} action={action} method="get" className="search-form" onSubmit={onSubmit}>
      <label htmlFor="search-page-q" className="search-form-label">
        {t('label')}
      </label>
      <div className="search-form-row">
        <input
          id="search-page-q"
          className="search-form-input"
          name="q"
          type="search"
          value={draft}
          onChange={(e) => onDraft(e.target.value)}
          placeholder={t('placeholder')}
          maxLength={searchRules.maxQueryLength}
          enterKeyHint="search"
        />
        <button type="submit" className="search-form-submit">
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
