import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { slugify } from './slug';

/**
 * How the catalogue listing's columns map to the content model. Kept as data: another province's
 * listing names its agencies and levels differently.
 */
const serviceLevels: Record<string, string> = {
  'Toàn trình': 'toan-trinh',
  'Mức độ 4': 'toan-trinh',
  'Một phần': 'mot-phan',
  'Mức độ 3': 'mot-phan',
  'Còn lại': 'thong-tin',
  'Mức độ 2': 'thong-tin',
};
const serviceLevelRank = ['thong-tin', 'mot-phan', 'toan-trinh'];

/** Agency named in the listing's `org` column → [agency slug, level]. */
const agencies: Record<string, [string, string]> = {
  'Sở, ban ngành': ['so-ban-nganh', 'cap-tinh'],
  'Cấp Tỉnh/ Thành phố': ['ubnd-cap-tinh', 'cap-tinh'],
  'UBND Tỉnh/ Thành phố': ['ubnd-cap-tinh', 'cap-tinh'],
  'UBND Huyện/Thành phố': ['ubnd-cap-huyen', 'cap-huyen'],
  'UBND Xã/Phường/Thị Trấn': ['ubnd-cap-xa', 'cap-xa'],
  'Ban quản lý các khu Công nghiệp tỉnh Lâm Đồng': ['ban-quan-ly-cac-khu-cong-nghiep', 'cap-tinh'],
  'Sở Khoa học và Công nghệ tỉnh Lâm Đồng': ['so-khoa-hoc-va-cong-nghe', 'cap-tinh'],
  'Sở Công thương tỉnh Lâm Đồng': ['so-cong-thuong', 'cap-tinh'],
};

type Row = { code: string; name: string; field: string; org: string; level: string };
type ListedProcedure = {
  nationalCode: string;
  code: string;
  slug: string;
  serviceLevel: string;
  levels: string[];
  field: string;
  agencies: string[];
  vi: { name: string };
};
export type CatalogueProblem = { row: number; message: string };

/** "THỦ TỤC ĐĂNG KÝ … (CẤP XÃ)" → "Thủ tục đăng ký … (cấp xã)"; a final full stop dropped. */
function tidyName(name: string): string {
  let tidy = name.normalize('NFC').trim().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (tidy === tidy.toUpperCase()) tidy = tidy.charAt(0) + tidy.slice(1).toLowerCase();
  return tidy;
}

/**
 * Reads the catalogue listing (code,name,field,org,level) into procedure seed records: one per
 * procedure code; rows repeating a code (the same procedure listed under two agencies) are merged.
 * Returns the records in listing order and the rows it could not map.
 */
export function readCatalogue(file: string): { records: ListedProcedure[]; rows: number[]; problems: CatalogueProblem[] } {
  const rows = parse<Row>(fs.readFileSync(file), { columns: true, skip_empty_lines: true, trim: true });
  const byCode = new Map<string, { record: ListedProcedure; row: number }>();
  const problems: CatalogueProblem[] = [];
  const slugs = new Set<string>();
  rows.forEach((row, index) => {
    const rowNumber = index + 2; // header is line 1
    const serviceLevel = serviceLevels[row.level];
    const orgs = row.org.split(';').map((o) => o.trim()).filter(Boolean);
    const unknownOrg = orgs.find((o) => !agencies[o]);
    if (!serviceLevel) problems.push({ row: rowNumber, message: `level "${row.level}" is not one of ${Object.keys(serviceLevels).join(', ')}` });
    if (unknownOrg) problems.push({ row: rowNumber, message: `agency "${unknownOrg}" has no mapping in src/catalogue.ts` });
    if (!serviceLevel || unknownOrg) return;
    const mapped = orgs.map((o) => agencies[o]!);
    const existing = byCode.get(row.code);
    if (existing) {
      const r = existing.record;
      r.agencies = [...new Set([...r.agencies, ...mapped.map(([a]) => a)])];
      r.levels = [...new Set([...r.levels, ...mapped.map(([, l]) => l)])];
      if (serviceLevelRank.indexOf(serviceLevel) > serviceLevelRank.indexOf(r.serviceLevel)) r.serviceLevel = serviceLevel;
      return;
    }
    const name = tidyName(row.name);
    let slug = slugify(name.replace(/^Thủ tục /i, ''));
    if (slugs.has(slug)) slug = `${slug}-${row.code.slice(0, 8).replace('.', '-')}`;
    slugs.add(slug);
    byCode.set(row.code, {
      row: rowNumber,
      record: {
        nationalCode: row.code.slice(0, 8),
        code: row.code,
        slug,
        serviceLevel,
        levels: [...new Set(mapped.map(([, l]) => l))],
        field: slugify(row.field.normalize('NFC')),
        agencies: [...new Set(mapped.map(([a]) => a))],
        vi: { name },
      },
    });
  });
  const entries = [...byCode.values()];
  return { records: entries.map((e) => e.record), rows: entries.map((e) => e.row), problems };
}
