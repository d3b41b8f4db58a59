import { defaultLocale, type Failure } from '@portal/cms/contracts/browser';
import type { SearchPageText } from './SearchPage';

/**
 * Why the search failed, in the alert region. The server's message (Vietnamese) names the problem
 * of a refused search (400, 429): on Vietnamese pages it replaces ours, on English pages it follows
 * ours, marked as Vietnamese. Other failures get our own words, and a "Try again" button.
 */
export function FailureMessage({ failure, t, onRetry }: { failure: Failure; t: SearchPageText; onRetry: () => void }) {
  const { status, message, retryAfterSeconds } = failure;
  const own = t(status === 429 ? 'tooMany' : status === 400 ? 'invalid' : 'failed');
  const fromServer = (status === 400 || status === 429) && message ? message : '';
  const serverSpeaksOurs = t.locale === defaultLocale;
  return (
    <>
      <p>{(serverSpeaksOurs && fromServer) || own}</p>
      {!serverSpeaksOurs && fromServer && (
        <p>
          {t('serverSaid')} <span lang={defaultLocale}>{fromServer}</span>
        </p>
      )}
      {retryAfterSeconds !== undefined && retryAfterSeconds > 0 && <p>{t('retryAfter', { count: retryAfterSeconds })}</p>}
      {status !== 400 && (
        <button type="button" className="search-retry" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </>
  );
}
