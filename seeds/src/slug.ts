/**
 * Vietnamese text as an ASCII slug: tones removed, đ → d, words joined by hyphens.
 * @example slugify('Thủ tục đăng ký khai sinh') // 'thu-tuc-dang-ky-khai-sinh'
 */
export function slugify(text: string, maxLength = 80): string {
  const ascii = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (ascii.length <= maxLength) return ascii;
  const cut = ascii.slice(0, maxLength + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : maxLength);
}
