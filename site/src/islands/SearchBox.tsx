import { useEffect, useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';

/**
 * The header search box (hydrated with `client:focus`).
 *
 * Server-rendered, it is a plain GET form to the search page. Once hydrated it becomes an ARIA 1.2
 * combobox with a list of suggestions from `/api/search/suggest`: the input keeps focus, the
 * highlighted option is exposed with `aria-activedescendant`, and a polite live region says how
 * many suggestions there are. Suggestions only help; when they fail the form still submits.
 */
export type SearchBoxProps = {
  locale: 'vi' | 'en';
  /** The search page path (`pathTo('search', locale)`). */
  action: string;
  initialQuery?: string;
  /** Base for the element ids; give each search box on a page its own. */
  id?: string;
};

const text = {
  vi: {
    region: 'Tìm kiếm trên cổng',
    label: 'Tìm thủ tục, hỏi đáp, tin tức',
    placeholder: 'Ví dụ: khai sinh, cấp đổi sổ đỏ',
    submit: 'Tìm kiếm',
    listbox: 'Gợi ý tìm kiếm',
    count: (n: number) => `${n} gợi ý. Dùng phím mũi tên lên xuống để chọn.`,
  },
  en: {
    region: 'Site search',
    label: 'Search procedures, questions and news',
    placeholder: 'For example: birth registration',
    submit: 'Search',
    listbox: 'Search suggestions',
    count: (n: number) => `${n} ${n === 1 ? 'suggestion' : 'suggestions'}. Use the up and down arrow keys to choose.`,
  },
} as const;

const MIN_CHARS = 2;
const DEBOUNCE_MS = 200;
const MAX_SUGGESTIONS = 8;

export default function SearchBox({ locale, action, initialQuery = '', id = 'site-search' }: SearchBoxProps) {
  const t = text[locale];
  const inputId = `${id}-input`;
  const listId = `${id}-listbox`;
  const optionId = (i: number) => `${id}-option-${i}`;

  const [hydrated, setHydrated] = useState(false);
  const [value, setValue] = useState(initialQuery);
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');

  const formRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inflight = useRef<AbortController | null>(null);
  /** Bumped for every change of the text: a response carrying an older number is stale. */
  const generation = useRef(0);

  const expanded = hydrated && open && suggestions.length > 0;

  function cancelPending() {
    clearTimeout(timer.current);
    inflight.current?.abort();
    inflight.current = null;
    generation.current += 1;
  }

  function close() {
    setOpen(false);
    setActive(-1);
  }

  /** Asks for suggestions for `typed` after a pause in typing; anything older is abandoned. */
  function requestSuggestions(typed: string, delay = DEBOUNCE_MS) {
    cancelPending();
    const q = typed.trim();
    if (q.length < MIN_CHARS) {
      setSuggestions([]);
      close();
      return;
    }
    const mine = generation.current;
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      inflight.current = controller;
      const params = new URLSearchParams({ q, locale });
      fetch(`/api/search/suggest?${params}`, { signal: controller.signal, headers: { Accept: 'application/json' } })
        .then((res) => (res.ok ? (res.json() as Promise<unknown>) : Promise.reject(new Error(`HTTP ${res.status}`))))
        .then((body) => {
          if (mine !== generation.current) return;
          inflight.current = null;
          const raw = (body as { suggestions?: unknown } | null)?.suggestions;
          const list = Array.isArray(raw)
            ? [...new Set(raw.filter((s): s is string => typeof s === 'string' && s.trim() !== ''))].slice(0, MAX_SUGGESTIONS)
            : [];
          setSuggestions(list);
          setActive(-1);
          // Only open for someone still in the box: a late answer must not pop up elsewhere.
          const focused = document.activeElement === inputRef.current;
          setOpen(focused && list.length > 0);
          if (focused && list.length > 0) {
            // Alternate a trailing no-break space so the same count is announced again.
            setStatus((previous) => (previous === t.count(list.length) ? `${t.count(list.length)}\u00a0` : t.count(list.length)));
          }
        })
        .catch(() => {
          if (mine !== generation.current) return;
          inflight.current = null;
          setSuggestions([]);
          close();
        });
    }, delay);
  }

  // Hydration: keep whatever was typed before the script arrived, and carry on from there.
  useEffect(() => {
    const input = inputRef.current;
    setHydrated(true);
    if (input) {
      if (input.value !== value) setValue(input.value);
      if (document.activeElement === input && input.value.trim().length >= MIN_CHARS) requestSuggestions(input.value);
    }
    return cancelPending;
  }, []); // once, on hydration

  function onChange(event: ChangeEvent<HTMLInputElement>) {
    setValue(event.target.value);
    setActive(-1);
    requestSuggestions(event.target.value);
  }

  /** Puts the chosen suggestion in the box and submits the form with it. */
  function choose(suggestion: string) {
    cancelPending();
    flushSync(() => {
      setValue(suggestion);
      setOpen(false);
      setActive(-1);
      setStatus('');
    });
    const form = formRef.current;
    if (!form) return;
    if (typeof form.requestSubmit === 'function') form.requestSubmit();
    else form.submit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.nativeEvent.isComposing) return; // typing Vietnamese with an input method
    const count = suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        const down = event.key === 'ArrowDown';
        if (count === 0) {
          // Nothing fetched yet (or the list was cleared): ask now.
          if (value.trim().length >= MIN_CHARS) {
            event.preventDefault();
            requestSuggestions(value, 0);
          }
          return;
        }
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(event.altKey ? -1 : down ? 0 : count - 1);
          return;
        }
        if (down) setActive((i) => (i + 1) % count);
        else setActive((i) => (i <= 0 ? count - 1 : i - 1));
        return;
      }
      case 'Enter': {
        const chosen = expanded && active >= 0 ? suggestions[active] : undefined;
        if (chosen !== undefined) {
          event.preventDefault();
          choose(chosen);
        } else {
          close();
        }
        return;
      }
      case 'Escape': {
        if (expanded) {
          event.preventDefault();
          cancelPending();
          close();
        } else if (value !== '') {
          event.preventDefault();
          cancelPending();
          setValue('');
          setSuggestions([]);
          setStatus('');
        }
        return;
      }
      case 'Tab':
        close();
        return;
      default:
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    cancelPending();
    close();
    if (value.trim() === '') {
      // Nothing to look for: stay here and let the user type.
      event.preventDefault();
      inputRef.current?.focus();
    }
  }

  const activeId = expanded && active >= 0 && active < suggestions.length ? optionId(active) : undefined;

  return (
    <form ref={formRef} role="search" aria-label={t.region} action={action} method="get" className="searchbox" onSubmit={onSubmit}>
      <label htmlFor={inputId} className="searchbox-label">
        {t.label}
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
            onBlur={close}
            placeholder={t.placeholder}
            maxLength={200}
            enterKeyHint="search"
            {...(hydrated
              ? {
                  role: 'combobox',
                  autoComplete: 'off',
                  'aria-autocomplete': 'list' as const,
                  'aria-expanded': expanded,
                  'aria-controls': listId,
                  'aria-activedescendant': activeId,
                }
              : {})}
          />
          {hydrated && (
            <ul
              id={listId}
              role="listbox"
              aria-label={t.listbox}
              className="searchbox-listbox"
              hidden={!expanded}
              // Keep focus in the input (and the list open) while an option or the scroll bar is pressed.
              onMouseDown={(e) => e.preventDefault()}
            >
              {suggestions.map((suggestion, i) => (
                <li
                  key={suggestion}
                  id={optionId(i)}
                  role="option"
                  aria-selected={i === active}
                  className="searchbox-option"
                  onClick={() => choose(suggestion)}
                >
                  {suggestion}
                </li>
              ))}
            </ul>
          )}
        </div>
        <button type="submit" className="searchbox-submit">
          {t.submit}
        </button>
      </div>
      <div className="searchbox-status" role="status" aria-live="polite" aria-atomic="true">
        {expanded ? status : ''}
      </div>
    </form>
  );
}
