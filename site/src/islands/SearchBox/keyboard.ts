/**
 * The combobox's keyboard model (WAI-ARIA APG, "combobox with list autocomplete"), as a pure
 * function of what is on screen: which key does what. Focus never leaves the input.
 */
export type ComboboxState = {
  /** Suggestions fetched for the current text. */
  count: number;
  open: boolean;
  /** The highlighted option, -1 for none. */
  active: number;
  /** The text in the box. */
  value: string;
  /** The shortest text worth asking suggestions for. */
  minChars: number;
};

export type KeyResult =
  /** Open (if closed) and highlight an option. */
  | { do: 'highlight'; active: number }
  /** Nothing fetched yet: ask for suggestions now. */
  | { do: 'fetch' }
  /** Put this suggestion in the box and submit. */
  | { do: 'choose'; index: number }
  | { do: 'close' }
  /** Escape with the list closed: empty the box. */
  | { do: 'clear' }
  /** Not ours: the browser's default happens (typing, Enter submitting the typed text, Tab moving on). */
  | { do: 'nothing' };

/** What a key does, and whether the browser's own action must be prevented. */
export function keyAction(state: ComboboxState, key: string, altKey = false): KeyResult & { prevent: boolean } {
  const { count, open, active, value } = state;
  const expanded = open && count > 0;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowUp': {
      const down = key === 'ArrowDown';
      if (count === 0) return value.trim().length >= state.minChars ? { do: 'fetch', prevent: true } : { do: 'nothing', prevent: false };
      // Alt + Down opens without highlighting; otherwise the first (Down) or last (Up) option.
      if (!open) return { do: 'highlight', active: altKey ? -1 : down ? 0 : count - 1, prevent: true };
      return { do: 'highlight', active: down ? (active + 1) % count : active <= 0 ? count - 1 : active - 1, prevent: true };
    }
    case 'Enter':
      return expanded && active >= 0 && active < count ? { do: 'choose', index: active, prevent: true } : { do: 'close', prevent: false };
    case 'Escape':
      if (expanded) return { do: 'close', prevent: true };
      return value !== '' ? { do: 'clear', prevent: true } : { do: 'nothing', prevent: false };
    case 'Tab':
      return { do: 'close', prevent: false };
    default:
      return { do: 'nothing', prevent: false };
  }
}
