/**
 * A press on the launcher while the widget's code is still loading. This module is evaluated when
 * `client:focus` starts loading the island (focus or press on the launcher), before React hydrates
 * it: a click on the launcher from then on is remembered here, so the panel opens once hydrated.
 */
let clicked = false;
const onClick = (event: Event) => {
  if (event.target instanceof Element && event.target.closest('#open-assistant')) clicked = true;
};
if (typeof document !== 'undefined') document.addEventListener('click', onClick, true);

const matches = (el: Element, selector: string) => {
  try {
    return el.matches(selector);
  } catch {
    return false; // an old browser without :focus-visible
  }
};

/**
 * Whether the launcher was pressed before hydration: clicked since this module ran, or focused or
 * hovered without keyboard focus (Tab alone does not open it). Asked once; listening stops.
 */
export function pressedEarly(launcher: HTMLElement | null): boolean {
  document.removeEventListener('click', onClick, true);
  const pressed = clicked || (!!launcher && (matches(launcher, ':focus') || matches(launcher, ':hover')) && !matches(launcher, ':focus-visible'));
  clicked = false;
  return pressed;
}
