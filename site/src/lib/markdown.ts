/**
 * Rich text from the CMS (Markdown) as HTML. Raw HTML inside the Markdown is shown as text,
 * never interpreted, and only http(s), mailto and tel links and site paths are kept.
 */
import { Marked } from 'marked';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link({ href, tokens }) {
      const label = this.parser.parseInline(tokens);
      if (!/^(https?:|mailto:|tel:|\/)/.test(href)) return label;
      const external = /^https?:/.test(href) ? ' rel="noopener"' : '';
      return `<a href="${escapeHtml(href)}"${external}>${label}</a>`;
    },
    image: ({ text }) => escapeHtml(text),
  },
});

export const markdown = (source: string | null | undefined): string => (source ? (marked.parse(source) as string) : '');
