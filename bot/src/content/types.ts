/**
 * The content the assistant answers from: the CMS's published documents in the contract's shapes
 * (`@portal/cms/contracts`, as the REST API returns them). A source loads all of it; the knowledge
 * base indexes it.
 */
import type { Agency, Faq, Locale, Procedure } from '@portal/cms/contracts';

export type { Agency, Faq, Procedure };

export type LocaleContent = { procedures: Procedure[]; faqs: Faq[]; agencies: Agency[] };
export type Content = Record<Locale, LocaleContent>;

/** Where the content comes from: the CMS REST API in production, the seed files in the evaluation and tests. */
export interface ContentSource {
  readonly name: string;
  load(): Promise<Content>;
}
