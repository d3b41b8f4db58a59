import { z } from 'zod';
import { vocabulary } from '@portal/cms';

const { audiences, channels, codes, levels, newsCategories, serviceLevels } = vocabulary;

/** Non-empty, trimmed, Unicode NFC text: the portal compares and searches text in NFC. */
const text = z
  .string()
  .min(1, 'must not be empty')
  .refine((s) => s === s.trim(), 'has spaces at the start or end')
  .refine((s) => s === s.normalize('NFC'), 'is not Unicode NFC (compose the diacritics)');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case ASCII words joined by hyphens');
const date = z.iso.date('must be a date written YYYY-MM-DD');
const count = z.number().int().min(0);
const list = <T extends z.ZodType>(item: T) => z.array(item);
const slugList = list(slug).refine((l) => new Set(l).size === l.length, 'must not repeat a value');

/** A seed record: attributes shared by every locale at the top, localized ones under `vi` and `en`. */
const localized = <S extends z.ZodRawShape, L extends z.ZodRawShape>(sharedShape: S, localeShape: L) =>
  z.strictObject({ ...sharedShape, vi: z.strictObject(localeShape), en: z.strictObject(localeShape).optional() });

export const nationalCode = z.string().regex(/^\d\.\d{6}$/, 'must be a national code N.NNNNNN');

export const fieldRecord = localized(
  { slug },
  { name: text, description: text.optional() },
);

export const agencyRecord = localized(
  {
    slug,
    code: z.string().regex(/^[0-9A-Z]{1,3}(\.[0-9A-Z]{1,3}){3}$/, 'must be a QCVN 102 code of 4 groups, e.g. 000.00.00.H36'),
    level: z.enum(codes(levels)),
    phone: z.string().regex(/^[0-9 .+()-]{6,20}$/, 'must be a phone number').optional(),
    email: z.email().optional(),
  },
  { name: text, address: text.optional(), openingHours: text.optional() },
);

export const lifeEventRecord = localized(
  { slug, order: count.optional() },
  { name: text, description: text.optional() },
);

const channel = z.strictObject({
  channel: z.enum(codes(channels)),
  timeLimitDays: z.number().min(0).nullable().optional(),
  timeLimitText: text.optional(),
  feeAmount: count.nullable().optional(),
  feeText: text.optional(),
});
const step = z.strictObject({ title: text, description: text.optional() });
const document = z.strictObject({
  name: text,
  /** Slug of the form in `forms/<slug>.json` this document is: its .docx becomes the downloadable template. */
  form: slug.optional(),
  templateUrl: z.url().optional(),
  originals: count.optional(),
  copies: count.optional(),
  note: text.optional(),
});
const legalBasis = z.strictObject({
  number: text,
  title: text,
  issuedOn: date.optional(),
  issuer: text.optional(),
});

export const procedureRecord = localized(
  {
    nationalCode,
    code: z.string().regex(/^\d\.\d{6}(\.[0-9A-Za-z]+)*$/, 'must be a national code with the provincial suffix'),
    slug,
    serviceLevel: z.enum(codes(serviceLevels)),
    levels: list(z.enum(codes(levels))).min(1, 'must name at least one level'),
    audiences: list(z.enum(codes(audiences))).optional(),
    decisionNumber: text.optional(),
    field: slug,
    agencies: slugList.optional(),
    lifeEvents: slugList.optional(),
    relatedProcedures: list(nationalCode).optional(),
  },
  {
    name: text,
    procedureType: text.optional(),
    steps: list(step).optional(),
    channels: list(channel).optional(),
    documents: list(document).optional(),
    requirements: text.optional(),
    result: text.optional(),
    legalBasis: list(legalBasis).optional(),
    keywords: list(text).optional(),
  },
);

export const faqRecord = localized(
  { slug, procedure: nationalCode.optional(), field: slug.optional() },
  {
    question: text,
    alternativeQuestions: list(text).min(1, 'needs at least one way citizens would ask it'),
    answer: text,
    tags: list(text).optional(),
    reviewedAt: z.iso.datetime({ offset: true }).optional(),
  },
).refine((r) => r.procedure || r.field, { message: 'must name its procedure or its field', path: ['procedure'] });

export const newsRecord = localized(
  { slug, category: z.enum(codes(newsCategories)), publishedOn: date },
  { title: text, summary: text.optional(), body: text.optional() },
);

/** One thing a citizen reads or fills in on a form, top to bottom. */
const formItem = z.discriminatedUnion('type', [
  /** A section heading, in bold: "I. THÔNG TIN VỀ NGƯỜI ĐƯỢC KHAI SINH". */
  z.strictObject({ type: z.literal('heading'), text }),
  /** A sentence of the form itself: "Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:". */
  z.strictObject({ type: z.literal('text'), text }),
  /** A label followed by a dotted line to the right margin. */
  z.strictObject({ type: z.literal('line'), label: text }),
  /** Several short labels sharing one dotted line: "Giới tính: …… Dân tộc: …… Quốc tịch: ……". */
  z.strictObject({ type: z.literal('inline'), labels: list(text).min(2, 'needs at least two labels').max(4, 'fits at most four labels') }),
  /** A label followed by several dotted lines, for free text. */
  z.strictObject({ type: z.literal('box'), label: text, lines: z.number().int().min(2).max(12).default(3) }),
  /** A label followed by "ngày …… tháng …… năm ……". */
  z.strictObject({ type: z.literal('date'), label: text }),
  /** A label followed by boxes to tick, one per option. */
  z.strictObject({ type: z.literal('checkboxes'), label: text, options: list(text).min(2, 'needs at least two options') }),
  /**
   * A label followed by a bordered table: a header row, then `rows` empty rows, or one row per
   * `rowLabels` entry with that label in the first column ("Họ, chữ đệm, tên" | Bên nữ | Bên nam).
   */
  z
    .strictObject({
      type: z.literal('table'),
      label: text,
      columns: list(text).min(2, 'needs at least two columns').max(8, 'fits at most eight columns'),
      rows: z.number().int().min(1).max(15).optional(),
      rowLabels: list(text).min(1).max(20).optional(),
    })
    .refine((t) => !(t.rows && t.rowLabels), { message: 'give rows or rowLabels, not both', path: ['rows'] }),
]);

/** A signature block: who signs, and the hint under the title. */
const signer = z.strictObject({ title: text, note: text.default('(Ký, ghi rõ họ, chữ đệm, tên)') });

/**
 * A form a citizen fills in (`forms/<slug>.json`): turned into a .docx by `src/forms.ts` and
 * offered as the template of every procedure document that names it with `form`.
 */
export const formFile = z.strictObject({
  /** As people write it, not in capitals: "Tờ khai đăng ký khai sinh" (the .docx shows it in capitals). */
  title: text,
  /** Which legal document issues the official form: "Mẫu ban hành kèm theo Thông tư số 04/2020/TT-BTP". */
  legalReference: text.optional(),
  /** Whom the form is addressed to, after "Kính gửi:"; a dotted line follows for the name to be completed. */
  addressee: text,
  items: list(formItem).min(1, 'needs at least one field'),
  /** The sentence the citizen signs under: "Tôi cam đoan …". */
  commitment: text,
  signers: list(signer).min(1).max(3).default([{ title: 'Người yêu cầu', note: '(Ký, ghi rõ họ, chữ đệm, tên)' }]),
  /** Short notes printed under the signatures, in italics. */
  notes: list(text).optional(),
});

export type FormItem = z.infer<typeof formItem>;
export type FormFile = z.infer<typeof formFile>;
