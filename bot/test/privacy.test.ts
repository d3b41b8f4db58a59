import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskPersonalData } from '../src/privacy';

const cases: [string, string][] = [
  ['CCCD của tôi là 001234567890, sđt 0912 345 678', 'CCCD của tôi là [số định danh], sđt [số điện thoại]'],
  ['căn cước 0012 3456 7890 bị mất', 'căn cước [số định danh] bị mất'],
  ['Số CMND 123456789 bị mất thì làm lại thế nào?', 'Số CMND [số định danh] bị mất thì làm lại thế nào?'],
  ['hộ chiếu số B1234567 hết hạn', 'hộ chiếu số [số định danh] hết hạn'],
  ['gọi +84 912.345.678 hoặc 0263 3555 036 hoặc 84912345678', 'gọi [số điện thoại] hoặc [số điện thoại] hoặc [số điện thoại]'],
  ['email nguyen.van.a@gmail.com nhé', 'email [email] nhé'],
  ['Tôi ở số 12 đường Trần Hưng Đạo, phường 5, muốn đăng ký thường trú', 'Tôi ở [địa chỉ], phường 5, muốn đăng ký thường trú'],
  ['nha so 45/3 hem 7 nguyen trai quan 1 can lam gi', '[địa chỉ] quan 1 can lam gi'],
  ['ngõ 10 phố Huế, Hà Nội', '[địa chỉ], Hà Nội'],
  ['Tôi ở 123 Nguyễn Thị Minh Khai thì đăng ký tạm trú ở đâu', 'Tôi ở [địa chỉ] thì đăng ký tạm trú ở đâu'],
  ['I live at 12 Nguyen Trai Street, how do I register?', 'I live at [địa chỉ], how do I register?'],
];

test('identity numbers, phone numbers, e-mail and street addresses are masked, with or without diacritics', () => {
  for (const [typed, stored] of cases) assert.equal(maskPersonalData(typed), stored, typed);
});

test('what the content speaks of is left alone: fees, codes, legal references, day counts, hotlines without a number', () => {
  for (const text of [
    'lệ phí 1.000.000 đồng, thủ tục 1.001193, mã 2.000748.000.00.00.H36, trong 60 ngày',
    'Nghị định số 123/2015/NĐ-CP về đăng ký hộ tịch',
    'đường dây nóng là số nào',
    'giấy phép lái xe đường bộ hạng B2 cấp lại mất bao lâu',
    'ở 2 nơi khác nhau thì đăng ký thường trú ở đâu',
  ]) {
    assert.equal(maskPersonalData(text), text);
  }
});

test('masking twice changes nothing more, and the result is NFC', () => {
  const typed = 'Tôi ở số 12 đường Trần Phú, CCCD 001234567890'.normalize('NFD');
  const once = maskPersonalData(typed);
  assert.equal(once, 'Tôi ở [địa chỉ], CCCD [số định danh]');
  assert.equal(maskPersonalData(once), once);
  assert.equal(once, once.normalize('NFC'));
});
