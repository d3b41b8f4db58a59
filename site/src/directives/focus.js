/**
 * `client:focus`: hydrates the island the first time the user focuses something inside it
 * (keyboard or mouse) or starts pressing it (mouse, pen or touch). Until then the island is its
 * server-rendered HTML, which must work on its own (the search box is a plain GET form).
 *
 * Idempotent: the first trigger removes every listener, later triggers do nothing. If the island's
 * code cannot be loaded (offline, for example), the listeners come back so a later interaction
 * tries again; the HTML keeps working meanwhile.
 *
 * @type {import('astro').ClientDirective}
 */
const focusDirective = (load, _options, el) => {
  /** Capture phase so a child that stops propagation cannot hide the interaction from us. */
  const listenerOptions = { capture: true, passive: true };
  const events = /** @type {const} */ (['focusin', 'pointerdown', 'touchstart']);
  let started = false;

  const listen = () => {
    for (const type of events) el.addEventListener(type, trigger, listenerOptions);
  };
  const unlisten = () => {
    for (const type of events) el.removeEventListener(type, trigger, listenerOptions);
  };

  async function trigger() {
    if (started) return;
    started = true;
    unlisten();
    let hydrate;
    try {
      hydrate = await load();
    } catch (error) {
      // The script could not be fetched: stay a plain HTML form and try again next time.
      started = false;
      listen();
      console.warn('client:focus: could not load the island', error);
      return;
    }
    await hydrate();
  }

  listen();
  // Focus may already be inside (autofocus, or the user got there before this script ran).
  const focused = el.ownerDocument.activeElement;
  if (focused && el.contains(focused)) void trigger();
};

export default focusDirective;
