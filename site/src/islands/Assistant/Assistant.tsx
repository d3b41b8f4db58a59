/**
 * The virtual assistant (hydrated with `client:focus`, on every page).
 *
 * Server-rendered it is only the launcher button, fixed at the bottom right; the code loads the
 * first time the launcher is focused or pressed, and a press made while it loads still opens the
 * panel (`early-open.ts`). The panel takes focus when it opens and gives it back to the launcher
 * when it closes (the dialog pattern). The conversation is kept in sessionStorage per language.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Locale } from '@portal/cms/contracts/browser';
import type { Messages } from '../../i18n';
import { translator } from '../../i18n/translate';
import { pressedEarly } from './early-open';
import { Panel } from './Panel';
import { useAssistant } from './useAssistant';

export type AssistantProps = { locale: Locale; messages: Messages<'assistant'> };

export default function Assistant({ locale, messages }: AssistantProps) {
  const t = useMemo(() => translator(locale, messages), [locale, messages]);
  const assistant = useAssistant(locale, t);
  const [hydrated, setHydrated] = useState(false);
  const [open, setOpen] = useState(false);
  const launcher = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    setHydrated(true);
    if (pressedEarly(launcher.current)) setOpen(true);
  }, []);

  // Closing gives focus back to the launcher (the panel takes it when it opens).
  useEffect(() => {
    if (!open && wasOpen.current) launcher.current?.focus();
    wasOpen.current = open;
  }, [open]);

  return (
    <div className="assistant">
      <button ref={launcher} type="button" id="open-assistant" className="assistant-launcher" aria-expanded={open} hidden={open} onClick={() => setOpen(true)}>
        <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
          <path
            fill="currentColor"
            d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2h-9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z"
          />
        </svg>
        {t('launcher')}
      </button>
      {hydrated && open && <Panel t={t} assistant={assistant} onClose={() => setOpen(false)} />}
    </div>
  );
}
