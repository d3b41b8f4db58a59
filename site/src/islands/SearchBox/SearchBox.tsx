/**
 * The header and home search box (hydrated with `client:focus`).
 *
 * Server-rendered, it is a plain GET form to the search page. Once hydrated it becomes an ARIA 1.2
 * combobox with suggestions (`useSuggestions.ts`): the input keeps focus, the highlighted option is
 * exposed with `aria-activedescendant` (keys in `keyboard.ts`), and a polite live region says how
 * many suggestions there are.
 */
import { useEffect, useEffectEvent, useMemo, useRef, useState, type ChangeEvent, type SubmitEvent, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { searchRules, type Locale } from '@portal/cms/contracts/browser';
import type { Messages } from '../../i18n';
import { translator } from '../../i18n/translate';
import { keyAction } from './keyboard';
import { minChars, useSuggestions } from './useSuggestions';

export type SearchBoxProps = {
  locale: Locale;
  messages: Messages<'searchBox'>;
  /** The search page path (`pathTo('search', locale)`). */
  action: string;
  initialQuery?: string;
  /** Base for the element ids; give each search box on a page its own. */
  id?: string;
};

export default function SearchBox({ locale, messages, action, initialQuery = '', id = 'site-search' }: SearchBoxProps) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  const inputId = `${id}-input`;
  const listId = `${id}-listbox`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const [hydrated, setHydrated] = useState(false);
  const [value, setValue] = useState(initialQuery);
  const [status, setStatus] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Alternate a trailing no-break space so the same count is announced again.
  const announce = (count: number) => setStatus((previous) => (previous === t('count', { count }) ? `${previous}\u00a0` : t('count', { count })));
  const list = useSuggestions(locale, inputRef, announce);
  const { suggestions, open, active } = list;
  const expanded = hydrated && open && suggestions.length > 0;

  // Hydration: keep whatever was typed before the script arrived, and carry on from there.
  const onHydrated = useEffectEvent(() => {
    const input = inputRef.current;
    setHydrated(true);
    if (!input) return;
    if (input.value !== value) setValue(input.value);
    if (document.activeElement === input && input.value.trim().length >= minChars) list.request(input.value);
  });
  useEffect(() => onHydrated(), []);

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    setValue(event.target.value);
    list.request(event.target.value);
  }

  /** Puts the chosen suggestion in the box and submits the form with it. */
  function choose(suggestion: string) {
    list.cancel();
    flushSync(() => {
      setValue(suggestion);
      list.close();
      setStatus('');
    });
    const form = formRef.current;
    if (!form) return;
    if (typeof form.requestSubmit === 'function') form.requestSubmit();
    else form.submit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return; // typing Vietnamese with an input method
    const result = keyAction({ count: suggestions.length, open, active, value, minChars }, event.key, event.altKey);
    if (result.prevent) event.preventDefault();
    if (result.do === 'fetch') list.request(value, 0);
    else if (result.do === 'highlight') list.highlight(result.active);
    else if (result.do === 'choose') choose(suggestions[result.index]!);
    else if (result.do === 'close') {
      if (expanded) list.cancel();
      list.close();
    } else if (result.do === 'clear') {
      list.clear();
      setValue('');
      setStatus('');
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    list.cancel();
    list.close();
    // The box's own text, not the state: text typed while the script was arriving may not be in the state yet.
    if ((inputRef.current?.value ?? value).trim() === '') {
      // Nothing to look for: stay here and let the user type.
      event.preventDefault();
      inputRef.current?.focus();
    }
  }

  const activeId = expanded && active >= 0 && active < suggestions.length ? optionId(active) : undefined;

  return (
    <form ref={formRef} role="search" aria-label={t('region')} action={action} method="get" className="searchbox" onSubmit={onSubmit}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('label')}
      </label>
      <div className="searchbox-row">
        <div className="searchbox-field">
          <input
            ref={inputRef}
            id={inputId}
            className="searchbox-input"
            name="q"
            type="search"
            value={value}
            onChange={onChange}
            onKeyDown={onKeyDown}
            onBlur={list.close}
            placeholder={t('placeholder')}
            maxLength={searchRules.maxQueryLength}
            enterKeyHint="search"
            {...(hydrated
              ? { role: 'combobox', autoComplete: 'off', 'aria-autocomplete': 'list' as const, 'aria-expanded': expanded, 'aria-controls': listId, 'aria-activedescendant': activeId }
              : {})}
          />
          {hydrated && (
            <ul
              id={listId}
              role="listbox"
              aria-label={t('listbox')}
              className="searchbox-listbox"
              hidden={!expanded}
              // Keep focus in the input (and the list open) while an option or the scroll bar is pressed.
              onMouseDown={(e) => e.preventDefault()}
            >
              {suggestions.map((suggestion, i) => (
                <li key={suggestion} id={optionId(i)} role="option" aria-selected={i === active} className="searchbox-option" onClick={() => choose(suggestion)}>
                  {suggestion}
                </li>
              ))}
            </ul>
          )}
        </div>
        <button type="submit" className="searchbox-submit">
          {t('submit')}
        </button>
      </div>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {expanded ? status : ''}
      </div>
    </form>
  );
}
