/**
 * Suggestions for the search box from `/api/search/suggest`: asked after a pause in typing, each
 * new text abandoning the older request, opened only for someone still in the box. Suggestions only
 * help: when they fail the list stays closed and the form still submits.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Locale, SuggestResponse } from '@portal/cms/contracts/browser';

/** Shorter texts suggest too much to be useful. */
export const minChars = 2;
const debounceMs = 200;
const maxSuggestions = 8;

/** The distinct, non-blank suggestions of an answer, at most eight. */
export function toSuggestions(body: unknown): string[] {
  const raw = (body as Partial<SuggestResponse> | null)?.suggestions;
  return Array.isArray(raw) ? [...new Set(raw.filter((s): s is string => typeof s === 'string' && s.trim() !== ''))].slice(0, maxSuggestions) : [];
}

export function useSuggestions(locale: Locale, input: RefObject<HTMLInputElement | null>, announce: (count: number) => void) {
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inflight = useRef<AbortController | null>(null);
  /** Bumped for every change of the text: an answer carrying an older number is stale. */
  const generation = useRef(0);

  function cancel() {
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
  function request(typed: string, delay = debounceMs) {
    cancel();
    setActive(-1);
    const q = typed.trim();
    if (q.length < minChars) {
      setSuggestions([]);
      close();
      return;
    }
    const mine = generation.current;
    timer.current = setTimeout(() => {
      const controller = new AbortController();
      inflight.current = controller;
      fetch(`/api/search/suggest?${new URLSearchParams({ q, locale })}`, { signal: controller.signal, headers: { Accept: 'application/json' } })
        .then((res) => (res.ok ? (res.json() as Promise<unknown>) : Promise.reject(new Error(`HTTP ${res.status}`))))
        .then((body) => {
          if (mine !== generation.current) return;
          inflight.current = null;
          const list = toSuggestions(body);
          setSuggestions(list);
          setActive(-1);
          // Only open for someone still in the box: a late answer must not pop up elsewhere.
          const focused = document.activeElement === input.current;
          setOpen(focused && list.length > 0);
          if (focused && list.length > 0) announce(list.length);
        })
        .catch(() => {
          if (mine !== generation.current) return;
          inflight.current = null;
          setSuggestions([]);
          close();
        });
    }, delay);
  }

  useEffect(() => cancel, []);

  return {
    suggestions,
    open,
    active,
    request,
    cancel,
    close,
    /** Opens the list (if closed) with this option highlighted (-1: none). */
    highlight(index: number) {
      setOpen(true);
      setActive(index);
    },
    clear() {
      cancel();
      setSuggestions([]);
    },
  };
}
