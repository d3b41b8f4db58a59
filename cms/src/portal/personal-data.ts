/**
 * Citizens type their own details into the search box ("tôi tên Nguyễn Văn An ở số 12 đường Trần
 * Hưng Đạo…"). Before a search that found nothing is stored for editors, identity and phone numbers,
 * e-mail addresses, personal names and street addresses are replaced by placeholders. Ordinary
 * procedure queries ("đăng ký khai sinh", "nghị định số 15/2020/NĐ-CP", "nghỉ lễ 2/9", "thành phố
 * Đà Lạt") must come out unchanged: the rules want a clear cue (a street or hamlet word followed by a
 * name or number, "tôi tên", an honorific before a capitalised name), not just any capital letter.
 */

/** Word boundaries that know Vietnamese letters (`\b` only knows ASCII). */
const start = '(?<![\\p{L}\\p{M}\\d])';
const end = '(?![\\p{L}\\p{M}\\d])';
/** A capitalised word (Trần, Đạo), and a run of one to five of them: a name. */
const upper = '\\p{Lu}[\\p{Ll}\\p{M}]*';
const capitalised = `${upper}(?:\\s+${upper}){0,4}`;
/** 12, 12A, 12/3, 45/7/2 */
const houseNumber = '\\d+[A-Za-z]?(?:\\/\\d+[A-Za-z]?)*';
/** Either case for the first letter of each cue: "Thôn Phú Hòa" at the start of a sentence too. */
const cues = (words: string[]) => words.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|');

const streets = 'đường|phố|ngõ|ngách|hẻm|kiệt';
const hamlets = cues(['tổ dân phố', 'khu phố', 'thôn', 'ấp', 'xóm', 'khóm', 'bản', 'tổ']);
const foldedHamlets = 'to dan pho|khu pho|thon|xom|khom';
/** Someone giving their own name: what follows is a name, typed in capitals or not. */
const ownNameCues = 'tôi tên là|tôi tên|tên tôi là|tên là|em tên là|em tên|con tên là|con tên|cháu tên là|cháu tên|toi ten la|toi ten|ten toi la|ten la';
/** A form-like label: a name follows when it is capitalised or after a colon ("họ và tên bố mẹ" is a question). */
const nameLabels = 'họ và tên|họ tên|tên|ho va ten|ho ten|ten';
const honorifics = 'ông|bà|anh|chị|cô|chú|bác|cháu|em|Ông|Chị';
/** Words that end a lower-case name typed after "tôi tên": what people write next. */
const afterName = new Set(
  ('muốn cần làm xin hỏi ở tại sinh thì có là và cho đăng nộp đi đến được không phải bị năm ngày tháng gì nào đâu thế như với của ' +
    'mới đã sẽ đang hiện nay ạ nhé vậy đây này bố mẹ cha con vợ chồng người trẻ trên trong muon can lam hoi o tai thi co la va den duoc khong bo me')
    .split(' '),
);

/** How many of the words after a name cue are the name: a capitalised run, or lower-case words up to what people write next (at most four). */
function nameLength(words: string[]): number {
  const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
  const stop = isCapitalised(words[0]!) ? words.findIndex((w) => !isCapitalised(w)) : words.findIndex((w) => afterName.has(w.toLowerCase()));
  return Math.min(isCapitalised(words[0]!) ? 5 : 4, stop === -1 ? words.length : stop);
}

/** Up to five words after a name cue; `maskName` decides how many are the name. */
const words = '[\\p{L}\\p{M}]+(?:\\s+[\\p{L}\\p{M}]+){0,4}';
const maskName = (_match: string, cue: string, gap: string, following: string) => {
  const list = following.split(/\s+/);
  const length = nameLength(list);
  return length === 0 ? `${cue}${gap}${following}` : [`${cue}${gap}[tên]`, ...list.slice(length)].join(' ');
};

type Rule = { pattern: RegExp; replace: string | ((...match: string[]) => string) };

const rules: Rule[] = [
  { pattern: /[^\s@]+@[^\s@]+/g, replace: '[email]' },
  // Identity and phone numbers: six or more digits, spaced or not.
  { pattern: /\d[\d .-]{4,}\d/g, replace: '[số]' },
  // "địa chỉ: …" as in a form: everything up to the next punctuation.
  { pattern: /(địa chỉ|dia chi)\s*:\s*[^,;.]+/giu, replace: '$1: [địa chỉ]' },
  // "số nhà 12", "nhà số 45/7"
  { pattern: new RegExp(`${start}(?:số nhà|nhà số|so nha|nha so)\\s+${houseNumber}${end}`, 'giu'), replace: '[địa chỉ]' },
  // "12 đường Lê Lợi", "số 12 đường Trần Hưng Đạo", "45/7 hẻm 3" (not "số 15/2020/NĐ-CP": no street follows)
  { pattern: new RegExp(`${start}(?:số\\s+)?${houseNumber}\\s+(?:${streets})\\s+(?:${houseNumber}(?:\\s+${capitalised})?|${capitalised})${end}`, 'gu'), replace: '[địa chỉ]' },
  // "thôn Phú Hòa", "ấp 3", "khu phố 2", "tổ dân phố 7", "thon 3"
  { pattern: new RegExp(`${start}(?:${hamlets})\\s+(?:${capitalised}|\\d+[A-Za-z]?)${end}`, 'gu'), replace: '[địa chỉ]' },
  { pattern: new RegExp(`${start}(?:${foldedHamlets})\\s+\\d+[A-Za-z]?${end}`, 'giu'), replace: '[địa chỉ]' },
  // "đường Lê Lợi", "phố Huế", "kiệt 45", "đường 3/2" (not "thành phố Đà Lạt", not "đường bộ")
  { pattern: new RegExp(`${start}(?<!thành\\s)(?<!Thành\\s)(?:${streets})\\s+(?:${houseNumber}(?:\\s+${capitalised})?|${capitalised})${end}`, 'gu'), replace: '[địa chỉ]' },
  // "tôi tên Nguyễn Văn An", "tên là hoàng thị mai"
  { pattern: new RegExp(`${start}(${ownNameCues})(\\s*:?\\s+)(${words})`, 'giu'), replace: maskName },
  // "họ tên: Trần Minh Khoa", "họ và tên Trần Minh Khoa"
  { pattern: new RegExp(`${start}(${nameLabels})(\\s*:\\s*)(${words})`, 'giu'), replace: maskName },
  { pattern: new RegExp(`${start}(${nameLabels})(\\s+)(${capitalised})${end}`, 'gu'), replace: maskName },
  // "chị Lê Thị Hoa", "ông Nguyễn" (lower-case honorific: "Bà Rịa" stays a province)
  { pattern: new RegExp(`${start}(${honorifics})\\s+${capitalised}${end}`, 'gu'), replace: '$1 [tên]' },
];

/** `text` with identity and phone numbers, e-mail addresses, personal names and street addresses masked. */
export function maskPersonalData(text: string): string {
  return rules.reduce((masked, { pattern, replace }) => masked.replace(pattern, replace as string), text.normalize('NFC'));
}
