/**
 * The content the assistant answers from, in the shapes the CMS REST API returns (published
 * documents, relations populated). A source loads all of it; the knowledge base indexes it.
 */
import type { Locale } from '@portal/search';

export type Text = string | null;
export type Ref = { documentId?: string; slug: string; name?: Text };

export type Channel = {
  channel: string;
  timeLimitDays: number | null;
  timeLimitText: Text;
  feeAmount: number | null;
  feeText: Text;
};

export type RequiredDocument = { name: string; originals: number | null; copies: number | null; note: Text };

export type Procedure = {
  documentId: string;
  locale: Locale;
  code: string;
  nationalCode: string;
  slug: string;
  name: string;
  levels: string[] | null;
  audiences: string[] | null;
  serviceLevel: string;
  procedureType: Text;
  keywords: string[] | null;
  steps: { title: string; description: Text }[] | null;
  channels: Channel[] | null;
  documents: RequiredDocument[] | null;
  requirements: Text;
  result: Text;
  field: Ref | null;
  agencies: Ref[] | null;
};

export type Faq = {
  documentId: string;
  locale: Locale;
  slug: string;
  question: string;
  alternativeQuestions: string[] | null;
  answer: string;
  tags: string[] | null;
  procedure: (Ref & { code?: Text; nationalCode?: Text }) | null;
  field: Ref | null;
};

export type Agency = {
  documentId: string;
  locale: Locale;
  slug: string;
  name: string;
  code: Text;
  level: Text;
  address: Text;
  phone: Text;
  email: Text;
  openingHours: Text;
};

export type LocaleContent = { procedures: Procedure[]; faqs: Faq[]; agencies: Agency[] };
export type Content = Record<Locale, LocaleContent>;

/** Where the content comes from: the CMS REST API in production, the seed files in the evaluation. */
export interface ContentSource {
  readonly name: string;
  load(): Promise<Content>;
}
