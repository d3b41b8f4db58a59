/**
 * Server-rendered island examples, queried the way assistive technology sees them: by role and
 * accessible name. Covers the roles and naming rules our islands use (explicit `role`, the implicit
 * roles of links, buttons, form controls, lists and headings; `aria-label`, `aria-labelledby`,
 * `<label for>`, text content) — not the whole of ARIA; the browser suite runs axe-core for that.
 */
import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
export type El = DefaultTreeAdapterMap['element'];

const elements = (node: Node): El[] => {
  const children = 'childNodes' in node ? node.childNodes.flatMap(elements) : [];
  return 'tagName' in node ? [node, ...children] : children;
};
export const attr = (el: El, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
export const text = (node: Node): string =>
  node.nodeName === '#text' ? (node as DefaultTreeAdapterMap['textNode']).value : 'childNodes' in node ? node.childNodes.map(text).join('') : '';

const implicit: Record<string, (el: El) => string | undefined> = {
  a: (el) => (attr(el, 'href') === undefined ? undefined : 'link'),
  button: () => 'button',
  textarea: () => 'textbox',
  input: (el) => (attr(el, 'type') === 'search' ? 'searchbox' : 'textbox'),
  ul: () => 'list',
  ol: () => 'list',
  li: () => 'listitem',
  fieldset: () => 'group',
  nav: () => 'navigation',
  form: () => 'form',
  ...Object.fromEntries(['h1', 'h2', 'h3', 'h4'].map((h) => [h, () => 'heading'])),
};

export type Rendered = {
  all: El[];
  /** Elements with this role, in document order. */
  byRole: (role: string) => El[];
  /** The accessible name: aria-labelledby, aria-label, a `<label for>`, or the text (hidden parts included). */
  name: (el: El) => string;
};

export function render(html: string): Rendered {
  const all = elements(parseFragment(html));
  const byId = (id: string) => all.find((el) => attr(el, 'id') === id);
  const role = (el: El) => attr(el, 'role') ?? implicit[el.tagName]?.(el);
  const name = (el: El): string => {
    const labelledBy = attr(el, 'aria-labelledby');
    if (labelledBy) return labelledBy.split(/\s+/).map((id) => (byId(id) ? text(byId(id)!) : '')).join(' ').trim();
    const label = attr(el, 'aria-label') ?? all.find((l) => l.tagName === 'label' && attr(l, 'for') === attr(el, 'id') && attr(el, 'id'));
    if (label !== undefined) return (typeof label === 'string' ? label : text(label)).trim();
    return ['button', 'link', 'heading', 'option'].includes(role(el) ?? '') ? text(el).replace(/\s+/g, ' ').trim() : '';
  };
  return { all, byRole: (r) => all.filter((el) => role(el) === r), name };
}
