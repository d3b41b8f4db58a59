/**
 * What the assistant's tests share: the assistant on the full sample content (seeds/data, no CMS),
 * small hand-made content for decisions that need a controlled catalogue, and a throw-away SQLite
 * database for the conversations.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseSettings } from '@portal/cms/environment';
import type { SearchDocument } from '@portal/search';
import { Assistant } from '../src/assistant';
import type { Agency, Content, ContentSource, Faq, Procedure } from '../src/content/types';
import { Knowledge } from '../src/knowledge';
import { SeedContentSource } from './support/seed-content';

/** A new SQLite file in a temporary folder, and the function that removes it. */
export function temporaryDatabase(): { database: DatabaseSettings; dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-test-'));
  return { database: { client: 'sqlite', filename: path.join(dir, 'portal.db') }, dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

let sample: Promise<{ knowledge: Knowledge; assistant: Assistant }> | undefined;

/** The assistant on seeds/data, loaded once per test file. */
export function sampleAssistant(): Promise<{ knowledge: Knowledge; assistant: Assistant }> {
  sample ??= (async () => {
    const knowledge = new Knowledge(new SeedContentSource());
    await knowledge.refresh();
    return { knowledge, assistant: new Assistant(knowledge) };
  })();
  return sample;
}

export class FixedContent implements ContentSource {
  readonly name = 'fixed';
  constructor(public content: Content) {}
  async load(): Promise<Content> {
    return structuredClone(this.content);
  }
}

export const procedure = (nationalCode: string, name: string, extra: Partial<Procedure> = {}): Procedure => ({
  documentId: `p-${nationalCode}`,
  locale: 'vi',
  code: `${nationalCode}.000.00.00.H36`,
  nationalCode,
  slug: name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''),
  name,
  levels: ['cap-xa'],
  audiences: ['cong-dan'],
  serviceLevel: 'thong-tin',
  procedureType: null,
  decisionNumber: null,
  keywords: null,
  steps: [],
  channels: [],
  documents: [],
  requirements: null,
  result: null,
  legalBasis: [],
  field: { documentId: 'x-ho-tich', slug: 'ho-tich', name: 'Hộ tịch' },
  agencies: [{ documentId: 'x-ubnd-cap-xa', slug: 'ubnd-cap-xa', name: 'Ủy ban nhân dân cấp xã' }],
  relatedProcedures: [],
  lifeEvents: [],
  ...extra,
});

export const faq = (slug: string, question: string, answer: string, extra: Partial<Faq> = {}): Faq => ({
  documentId: `f-${slug}`,
  locale: 'vi',
  slug,
  question,
  alternativeQuestions: null,
  answer,
  tags: null,
  reviewedAt: null,
  updatedAt: '2026-11-01T00:00:00.000Z',
  procedure: null,
  field: null,
  ...extra,
});

export const centre: Agency = {
  documentId: 'a-centre',
  locale: 'vi',
  slug: 'trung-tam-phuc-vu-hanh-chinh-cong',
  name: 'Trung tâm Phục vụ hành chính công tỉnh',
  code: 'H36.01.00.00',
  level: 'cap-tinh',
  address: 'Số 12 đường Mẫu, tỉnh Lâm Đồng',
  phone: '0263 3555 036',
  email: 'ttphvhcc@example.gov.vn',
  openingHours: 'Thứ Hai đến thứ Sáu: 7:30–11:30, 13:30–17:00.',
};

export async function assistantOn(content: Partial<Content['vi']>, en: Partial<Content['en']> = {}): Promise<Assistant> {
  const full: Content = {
    vi: { procedures: [], faqs: [], agencies: [centre], ...content },
    en: { procedures: [], faqs: [], agencies: [], ...en },
  };
  const knowledge = new Knowledge(new FixedContent(full));
  await knowledge.refresh();
  return new Assistant(knowledge);
}

/** A FAQ search document with only a title (and what `extra` sets): retrievers' own tests. */
export const searchDocument = (documentId: string, title: string, extra: Partial<SearchDocument> = {}): SearchDocument => ({
  id: `${documentId}-${extra.locale ?? 'vi'}`,
  type: 'faq',
  locale: 'vi',
  documentId,
  code: null,
  key: documentId,
  title,
  questions: [],
  keywords: [],
  body: '',
  url: `/hoi-dap/${documentId}`,
  field: '',
  levels: [],
  serviceLevel: '',
  audiences: [],
  agencies: [],
  complete: true,
  ...extra,
});
