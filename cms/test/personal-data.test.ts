import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskPersonalData } from '../src/portal/personal-data';

test('masks the names and street addresses citizens type into the search box', () => {
  const cases: [string, string][] = [
    ['tôi tên Nguyễn Văn An ở số 12 đường Trần Hưng Đạo muốn làm khai sinh', 'tôi tên [tên] ở [địa chỉ] muốn làm khai sinh'],
    ['chị Lê Thị Hoa thôn Phú Hòa xin cấp lại giấy khai sinh', 'chị [tên] [địa chỉ] xin cấp lại giấy khai sinh'],
    ['nhà 45/7 hẻm 3 ấp 2 đăng ký tạm trú', 'nhà [địa chỉ] [địa chỉ] đăng ký tạm trú'],
    ['họ tên: Trần Minh Khoa, địa chỉ: 12/3 Lê Lợi, phường 1', 'họ tên: [tên], địa chỉ: [địa chỉ], phường 1'],
    ['tên là hoàng thị mai cần làm căn cước', 'tên là [tên] cần làm căn cước'],
    ['toi ten la tran van binh muon dang ky ket hon', 'toi ten la [tên] muon dang ky ket hon'],
    ['Thôn Đông Hà tổ 5 xã Tà Nung hỏi về sổ đỏ', '[địa chỉ] [địa chỉ] xã Tà Nung hỏi về sổ đỏ'],
    ['số nhà 7 khu phố 3 phường 2 Đà Lạt', '[địa chỉ] [địa chỉ] phường 2 Đà Lạt'],
    ['đăng ký tạm trú ở đường Phan Đình Phùng', 'đăng ký tạm trú ở [địa chỉ]'],
    ['ông Phạm Văn Đồng mất cần khai tử', 'ông [tên] mất cần khai tử'],
    ['thon 4 xa ta nung lam so do', '[địa chỉ] xa ta nung lam so do'],
    ['kiệt 45 Trần Phú cấp phép xây dựng', '[địa chỉ] cấp phép xây dựng'],
    ['Ông Nguyễn Văn A hỏi về hưu trí', 'Ông [tên] hỏi về hưu trí'],
  ];
  for (const [typed, masked] of cases) assert.equal(maskPersonalData(typed), masked, typed);
});

test('keeps identity numbers, phone numbers and e-mail addresses masked as before', () => {
  assert.equal(maskPersonalData('cccd 079203001234 sdt 0912 345 678 mail an.nguyen@example.vn'), 'cccd [số] sdt [số] mail [email]');
});

test('leaves ordinary procedure queries unchanged', () => {
  const ordinary = [
    'đăng ký khai sinh',
    'Đăng ký khai sinh cho con',
    'dang ky khai sinh',
    'thủ tục cấp đổi sổ đỏ',
    'nghị định số 15/2020/NĐ-CP',
    'lịch nghỉ lễ 2/9 Quốc khánh',
    'giấy phép lái xe đường bộ',
    'ủy ban thành phố Đà Lạt',
    'đăng ký thường trú tại phường 1',
    'thành lập tổ chức hội',
    'Bản sao giấy khai sinh',
    'anh chị cho hỏi thủ tục kết hôn',
    'áp dụng cho người nước ngoài',
    'tỉnh Bà Rịa - Vũng Tàu',
    'xin phép xây nhà 3 tầng',
    'thay đổi tên cho con',
    'họ và tên bố mẹ trên giấy khai sinh',
    'tên là gì',
    'địa chỉ UBND phường ở đâu',
    'birth registration for my child',
    'Cấp Giấy chứng nhận quyền sử dụng đất',
  ];
  for (const query of ordinary) assert.equal(maskPersonalData(query), query);
});

test('works on text typed in decomposed Unicode', () => {
  assert.equal(maskPersonalData('tôi tên Nguyễn Văn An'.normalize('NFD')), 'tôi tên [tên]');
});
