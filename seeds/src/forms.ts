/**
 * Forms as data → .docx files laid out like an official Vietnamese form: the national emblem
 * header centred, the title in bold capitals, dotted lines to fill in, bordered tables, and the
 * signature block on the right. Times New Roman 13 pt on A4, margins as for official documents.
 */
import crypto from 'node:crypto';
import {
  AlignmentType,
  BorderStyle,
  CheckBox,
  Document,
  LeaderType,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { FormFile, FormItem } from './schemas';
import { readZip } from './zip';

/** The media type of a .docx file. */
export const docxMimeType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The file name a form's .docx has in the media library. */
export const formFileName = (slug: string) => `${slug}.docx`;

// Sizes in twentieths of a point (twips); font sizes in half-points.
const page = { width: 11906, height: 16838, top: 1134, bottom: 1134, left: 1701, right: 850 }; // A4, 20/20/30/15 mm
const textWidth = page.width - page.left - page.right;
const size = { body: 26, small: 24, title: 28 };
const font = 'Times New Roman';

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) => new TextRun({ text, ...options });

/** A paragraph whose trailing tab runs to the right margin as a dotted line. */
const dotted = (children: ParagraphChild[], options: IParagraphOptions = {}) =>
  new Paragraph({
    ...options,
    tabStops: [{ type: TabStopType.RIGHT, position: textWidth, leader: LeaderType.DOT }],
    children: [...children, new TextRun({ children: [new Tab()] })],
  });

const labelled = (label: string) => (/[:?]$/.test(label) ? `${label} ` : `${label}: `);

const noBorders = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const allThin = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };

/** Column widths: a numbering column ("STT") stays narrow, the others share the rest. */
function columnWidths(columns: string[]): number[] {
  const narrow = 700;
  const isNarrow = columns.map((c) => c.length <= 4);
  const wide = columns.length - isNarrow.filter(Boolean).length;
  const rest = Math.floor((textWidth - narrow * (columns.length - wide)) / Math.max(wide, 1));
  return isNarrow.map((n) => (n ? narrow : rest));
}

function item(entry: FormItem): (Paragraph | Table)[] {
  switch (entry.type) {
    case 'heading':
      return [new Paragraph({ spacing: { before: 160 }, keepNext: true, children: [run(entry.text, { bold: true })] })];
    case 'text':
      return [new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [run(entry.text)] })];
    case 'line':
      return [dotted([run(labelled(entry.label))])];
    case 'inline': {
      const n = entry.labels.length;
      const stops = entry.labels.map((_, k) => ({ type: TabStopType.RIGHT, position: Math.floor((textWidth * (k + 1)) / n), leader: LeaderType.DOT }));
      const children = entry.labels.flatMap((label, k) => [run(`${k > 0 ? ' ' : ''}${labelled(label)}`), new TextRun({ children: [new Tab()] })]);
      return [new Paragraph({ tabStops: stops, children })];
    }
    case 'box':
      return [
        new Paragraph({ keepNext: true, children: [run(labelled(entry.label))] }),
        ...Array.from({ length: entry.lines }, () => dotted([])),
      ];
    case 'date':
      return [new Paragraph({ children: [run(`${labelled(entry.label)}ngày …… tháng …… năm ………`)] })];
    case 'checkboxes': {
      const box = (option: string) => [new CheckBox({ checked: false }), run(` ${option}`)];
      const short = entry.options.join('').length + entry.options.length * 6 <= 60;
      if (short) {
        return [new Paragraph({ children: [run(labelled(entry.label)), ...entry.options.flatMap((o, k) => [...(k > 0 ? [run('    ')] : []), ...box(o)])] })];
      }
      return [
        new Paragraph({ keepNext: true, children: [run(labelled(entry.label))] }),
        ...entry.options.map((o) => new Paragraph({ indent: { left: 567, hanging: 340 }, children: box(o) })),
      ];
    }
    case 'table': {
      const widths = columnWidths(entry.columns);
      const cell = (text: string, width: number, bold = false, alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER) =>
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          margins: { left: 80, right: 80, top: 40, bottom: 40 },
          children: [new Paragraph({ alignment, spacing: { before: 0, after: 0 }, children: [run(text, { bold, size: size.small })] })],
        });
      return [
        new Paragraph({ keepNext: true, children: [run(labelled(entry.label))] }),
        new Table({
          width: { size: textWidth, type: WidthType.DXA },
          columnWidths: widths,
          borders: allThin,
          rows: [
            new TableRow({ tableHeader: true, children: entry.columns.map((c, k) => cell(c, widths[k]!, true)) }),
            ...(entry.rowLabels ?? Array.from({ length: entry.rows ?? 3 }, () => undefined)).map(
              (rowLabel, r) =>
                new TableRow({
                  height: { value: 440, rule: 'atLeast' },
                  children: entry.columns.map((c, k) => {
                    if (k === 0 && rowLabel) return cell(rowLabel, widths[k]!, false, AlignmentType.LEFT);
                    return cell(!rowLabel && c.length <= 4 ? String(r + 1) : '', widths[k]!);
                  }),
                }),
            ),
          ],
        }),
        new Paragraph({ spacing: { before: 0, after: 0 }, children: [] }),
      ];
    }
  }
}

/** "…, ngày … tháng … năm …" and one column per signer, on the right when there is one signer. */
function signatureBlock(form: FormFile): (Paragraph | Table)[] {
  const centred = (text: string, options: { bold?: boolean; italics?: boolean } = {}, keepNext = false) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, keepNext, children: [run(text, options)] });
  const signerCell = (title: string, note: string, width: number, withDate: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: noBorders,
      children: [
        ...(withDate ? [centred('…………, ngày …… tháng …… năm ………', { italics: true }, true)] : []),
        centred(title, { bold: true }, true),
        centred(note, { italics: true }, true),
        ...Array.from({ length: 4 }, () => centred('')),
      ],
    });
  const signers = form.signers;
  let row: TableRow;
  let widths: number[];
  if (signers.length === 1) {
    widths = [Math.floor(textWidth * 0.4), textWidth - Math.floor(textWidth * 0.4)];
    row = new TableRow({
      children: [new TableCell({ width: { size: widths[0]!, type: WidthType.DXA }, borders: noBorders, children: [centred('')] }), signerCell(signers[0]!.title, signers[0]!.note, widths[1]!, true)],
    });
  } else {
    const width = Math.floor(textWidth / signers.length);
    widths = signers.map(() => width);
    row = new TableRow({ children: signers.map((s) => signerCell(s.title, s.note, width, false)) });
  }
  const date = signers.length > 1
    ? [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 120 }, keepNext: true, children: [run('…………, ngày …… tháng …… năm ………', { italics: true })] })]
    : [];
  return [...date, new Table({ width: { size: textWidth, type: WidthType.DXA }, columnWidths: widths, borders: noBorders, rows: [row] })];
}

/** The form as a Word document. */
export function formDocument(form: FormFile): Document {
  const centred = (children: ParagraphChild[], options: IParagraphOptions = {}) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0 }, ...options, children });
  const rule = Math.floor(textWidth / 2 - 1200);
  const children: (Paragraph | Table)[] = [
    ...(form.legalReference
      ? [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 120 }, children: [run(form.legalReference, { italics: true, size: size.small })] })]
      : []),
    centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true })]),
    centred([run('Độc lập - Tự do - Hạnh phúc', { bold: true, size: size.title })]),
    new Paragraph({
      indent: { left: rule, right: rule },
      spacing: { before: 0, after: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      children: [run('', { size: 4 })],
    }),
    centred([run(form.title.toLocaleUpperCase('vi'), { bold: true, size: size.title })], { spacing: { before: 240, after: 120 } }),
    centred([run('Kính gửi: ', { bold: true }), run(form.addressee)], { spacing: { before: 120, after: 240 } }),
    ...form.items.flatMap(item),
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 160 }, keepNext: true, children: [run(form.commitment)] }),
    ...signatureBlock(form),
    ...(form.notes ?? []).map((note) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [run(note, { italics: true, size: size.small })] })),
  ];
  return new Document({
    title: form.title,
    subject: form.legalReference,
    creator: 'Cổng Dịch vụ công tỉnh Lâm Đồng',
    styles: {
      default: {
        document: {
          run: { font, size: size.body, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 60, after: 60, line: 300 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: page.top, bottom: page.bottom, left: page.left, right: page.right },
          },
        },
        children,
      },
    ],
  });
}

/** The form as the bytes of a .docx file. */
export async function formDocx(form: FormFile): Promise<Buffer> {
  return Packer.toBuffer(formDocument(form));
}

/**
 * A fingerprint of what a .docx says, equal for equal content: the docx library stamps each file
 * with the time it was made (in its properties and in the zip), so the bytes differ on every run.
 * The hash covers every part but the document properties, read back from the zip.
 */
export function docxContentHash(docx: Buffer): string {
  const hash = crypto.createHash('sha256');
  for (const [name, data] of [...readZip(docx)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (name === 'docProps/core.xml') continue;
    hash.update(name).update('\0').update(data).update('\0');
  }
  return hash.digest('hex');
}
