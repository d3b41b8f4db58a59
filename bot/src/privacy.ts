/**
 * Personal data in what citizens type, masked before a question is stored (the assistant still
 * answers the question as typed; see docs/decisions, the assistant's data). What is masked:
 * identity numbers (CCCD 12 digits, CMND 9, any number after an identity word), phone numbers
 * (0…, +84…, 84…, with spaces, dots or dashes), e-mail addresses and street addresses (a house
 * number with a street word: "số 12 đường Trần Phú", "45/3 hẻm 7", "ngõ 10 phố Huế"). Matching is
 * on a folded shadow of the text (lower case, tones and đ removed, same length), so "so nha 12 duong
 * tran phu" is found as well; the replacement is cut from the text as typed.
 *
 * A heuristic: it masks too much rather than too little (a street name after the house number, up
 * to four words), and it cannot see an address written without a number or a street word.
 */
export const masks = { identity: '[số định danh]', phone: '[số điện thoại]', email: '[email]', address: '[địa chỉ]' } as const;

const number = String.raw`\d{1,5}[a-z]?(?:[/-]\d{1,5}[a-z]?)*`;
const street = String.raw`(?:duong|pho|ngo|ngach|hem|kiet)`;
// Not inside a longer number or a code ("1.001193.000.00.00.H36", "123/2015").
const before = String.raw`(?<![\p{L}\p{N}.,/+-])`;
const after = String.raw`(?![\p{L}\p{N}]|[.,/-]\p{N})`;

/** Anchors in the folded text, in order of precedence; an address anchor is extended by the street's name. */
const patterns: { label: keyof typeof masks; pattern: RegExp; name?: 'any' | 'capitalised' }[] = [
  { label: 'email', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu },
  {
    label: 'identity',
    pattern: new RegExp(String.raw`(?<=(?:cccd|cmnd|can cuoc(?: cong dan)?|chung minh(?: nhan dan| thu)?|dinh danh(?: ca nhan)?|ho chieu|passport)[^\p{N}\n]{0,16})[a-z]?\d(?:[ .]?\d){5,14}${after}`, 'gu'),
  },
  { label: 'identity', pattern: new RegExp(String.raw`${before}(?:\d{12}|\d{4} \d{4} \d{4}|\d{3} \d{3} \d{3} \d{3})${after}`, 'gu') },
  { label: 'phone', pattern: new RegExp(String.raw`${before}(?:\+\s?84|84|0)(?:[ .-]?\d){8,10}${after}`, 'gu') },
  { label: 'identity', pattern: new RegExp(String.raw`${before}\d{9}${after}`, 'gu') },
  { label: 'address', name: 'any', pattern: new RegExp(String.raw`${before}(?:so nha|nha so)\s*${number}(?:\s*,?\s*${street}${after})?`, 'gu') },
  { label: 'address', name: 'any', pattern: new RegExp(String.raw`${before}(?:so\s*)?${number}\s*,?\s+${street}${after}`, 'gu') },
  { label: 'address', name: 'any', pattern: new RegExp(String.raw`${before}${street}\s+(?:so\s*)?${number}${after}(?:\s*,?\s*${street}${after})?`, 'gu') },
  // "ở 123 Nguyễn Thị Minh Khai": a number after "ở", "tại", "địa chỉ", then a capitalised name.
  { label: 'address', name: 'capitalised', pattern: new RegExp(String.raw`(?<=(?:${before}(?:o|tai|dia chi)\s*:?\s*))(?:so\s*)?${number}${after}`, 'gu') },
  { label: 'address', pattern: new RegExp(String.raw`${before}\d{1,5}(?:\s+\p{L}+){1,3}\s+(?:street|st|road|rd|lane|avenue)${after}`, 'gu') },
];

/** Words that end a street's name when typed in lower case (a capitalised word is taken as part of the name). */
const nameStops = new Set('phuong quan xa huyen tinh tp thanh thi va ma de can muon lam co khong duoc cho cua toi em o tai la nhu the nao gi bao ward district city'.split(' '));

/** One folded character per character of `text` (lower case, no tones, đ→d). */
function shadow(text: string): string {
  let out = '';
  for (const c of text) {
    const folded = c.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace('đ', 'd');
    out += folded.length === c.length ? folded : c;
  }
  return out;
}

/**
 * Where a street's name after `end` stops: up to four words, not across punctuation; with
 * `capitalised`, only capitalised words, and undefined when there is none.
 */
function nameEnd(text: string, folded: string, end: number, kind: 'any' | 'capitalised'): number | undefined {
  const word = /^(\s+)([\p{L}\p{N}]+)/u;
  let taken = 0;
  for (; taken < 4; taken++) {
    const match = word.exec(folded.slice(end));
    if (!match) break;
    const start = end + match[1]!.length;
    const capitalised = /^\p{Lu}/u.test(text.slice(start));
    if (kind === 'capitalised' ? !capitalised : !capitalised && nameStops.has(match[2]!)) break;
    end = start + match[2]!.length;
  }
  return kind === 'capitalised' && taken === 0 ? undefined : end;
}

/**
 * The text with identity numbers, phone numbers, e-mail addresses and street addresses replaced by
 * `[số định danh]`, `[số điện thoại]`, `[email]` and `[địa chỉ]`.
 * @example maskPersonalData('CCCD 001234567890, sđt 0912 345 678') // 'CCCD [số định danh], sđt [số điện thoại]'
 */
export function maskPersonalData(input: string): string {
  const text = input.normalize('NFC');
  const folded = shadow(text);
  const spans: { start: number; end: number; label: keyof typeof masks }[] = [];
  for (const { label, pattern, name } of patterns) {
    for (const match of folded.matchAll(pattern)) {
      let start = match.index;
      let end = name ? nameEnd(text, folded, start + match[0].length, name) : start + match[0].length;
      if (end === undefined) continue;
      // Two anchors of one address ("ngõ 10" and "10 phố Huế") become one span; another kind of data keeps its own.
      const overlapping = spans.filter((s) => end! > s.start && start < s.end);
      if (overlapping.some((s) => s.label !== label)) continue;
      for (const s of overlapping) {
        start = Math.min(start, s.start);
        end = Math.max(end, s.end);
        spans.splice(spans.indexOf(s), 1);
      }
      spans.push({ start, end, label });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += text.slice(at, span.start) + masks[span.label];
    at = span.end;
  }
  return out + text.slice(at);
}
