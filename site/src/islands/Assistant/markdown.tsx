/**
 * The assistant's answers are Markdown: paragraphs, lists, bold, italics, links, bare addresses,
 * e-mail addresses, and phone numbers (as links only in a handoff, where they are the way to reach
 * staff). Rendered as React elements, so all text is escaped; only http(s) and relative links are kept.
 */
import type { ReactNode } from 'react';

/** http(s) and relative addresses only, without the blanks and control characters browsers ignore. */
export function safeUrl(url: string): string | undefined {
  const clean = url.replace(/[\s\p{Cc}]/gu, '');
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(clean);
  return !scheme || /^https?$/i.test(scheme[1]!) ? clean : undefined;
}

/** Bold, link, bare address, e-mail, italics, phone number (no look-behind: older Safari). */
const INLINE =
  /\*\*(.+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>()]*[^\s<>().,;:!?'"])|([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|\*(?![\s*])([^*\n]+?)\*(?!\w)|((?:\+84|\b0|\b1[89]00)[\d .]{6,12}\d)(?![\d,]|\.\d)/g;

function inline(s: string, tel: boolean): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of s.matchAll(INLINE)) {
    const [all, bold, label, url, bare, mail, em, phone] = m;
    if (phone && !tel) continue; // phone numbers become links only in a handoff
    out.push(s.slice(last, m.index));
    last = m.index + all.length;
    const k = out.length;
    const href = label ? safeUrl(url!) : undefined;
    out.push(
      bold ? <strong key={k}>{inline(bold, tel)}</strong>
      : em ? <em key={k}>{inline(em, tel)}</em>
      : label ? (href ? <a key={k} href={href}>{inline(label, tel)}</a> : label)
      : bare ? <a key={k} href={bare}>{bare}</a>
      : mail ? <a key={k} href={`mailto:${mail}`}>{mail}</a>
      : <a key={k} href={`tel:${phone!.replace(/[ .]/g, '')}`}>{phone}</a>,
    );
  }
  out.push(s.slice(last));
  return out;
}

export function markdown(src: string, tel: boolean): ReactNode[] {
  const out: ReactNode[] = [];
  let para: string[] = [];
  let items: string[] = [];
  let ordered = false;
  const flush = () => {
    const k = out.length;
    if (para.length) out.push(<p key={k}>{inline(para.join(' '), tel)}</p>);
    else if (items.length) {
      const List = ordered ? 'ol' : 'ul';
      out.push(<List key={k}>{items.map((item, i) => <li key={i}>{inline(item, tel)}</li>)}</List>);
    }
    para = [];
    items = [];
  };
  for (const line of src.split(/\r?\n/)) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^\s{0,3}(?:([-*+])|\d{1,3}[.)])\s+(.*)$/.exec(line);
    if (!line.trim()) flush();
    else if (heading) {
      flush();
      out.push(<p key={out.length}><strong>{inline(heading[1]!, tel)}</strong></p>);
    } else if (item) {
      if (para.length || (items.length && ordered !== !item[1])) flush();
      ordered = !item[1];
      items.push(item[2]!);
    } else if (items.length && /^\s/.test(line)) items[items.length - 1] += ` ${line.trim()}`;
    else {
      if (items.length) flush();
      para.push(line.trim());
    }
  }
  flush();
  return out;
}
