import type { MouseEvent, ReactNode } from 'react';
import { toQuery, type Params } from './url-state';

/** A plain left click, which the island handles itself; anything else (new tab…) is the browser's. */
const isPlainClick = (e: MouseEvent) => !e.defaultPrevented && e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;

export type Go = (next: Params, moveFocus: boolean) => void;

/**
 * A link to another search (a filter, a page, an example): a real link, so it also opens in a new
 * tab, that the island follows itself on a plain click.
 */
export function SearchLink(props: { to: Params; go: Go; children: ReactNode; moveFocus?: boolean; className?: string; current?: 'page' | 'true'; label?: string }) {
  const { to, go, children, moveFocus = false, className, current, label } = props;
  const query = toQuery(to);
  return (
    <a
      href={`${typeof location === 'undefined' ? '' : location.pathname}${query ? `?${query}` : ''}`}
      className={className}
      aria-current={current}
      aria-label={label}
      onClick={(e) => {
        if (!isPlainClick(e)) return;
        e.preventDefault();
        go(to, moveFocus);
      }}
    >
      {children}
    </a>
  );
}
