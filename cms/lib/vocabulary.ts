/**
 * Controlled vocabularies of the catalogue. The law changes these (districts were abolished in
 * 2025 in most provinces), so they live here as data: a province edits this file, not the code.
 */
export type Term = { code: string; vi: string; en: string };

/** Cấp thực hiện. `cap-huyen` is kept for records published before the 2025 reorganisation. */
export const levels: readonly Term[] = [
  { code: 'cap-tinh', vi: 'Cấp tỉnh', en: 'Provincial level' },
  { code: 'cap-huyen', vi: 'Cấp huyện', en: 'District level' },
  { code: 'cap-xa', vi: 'Cấp xã', en: 'Commune level' },
];

/** Đối tượng thực hiện. */
export const audiences: readonly Term[] = [
  { code: 'cong-dan', vi: 'Công dân Việt Nam', en: 'Vietnamese citizens' },
  { code: 'nguoi-viet-nam-o-nuoc-ngoai', vi: 'Người Việt Nam định cư ở nước ngoài', en: 'Overseas Vietnamese' },
  { code: 'nguoi-nuoc-ngoai', vi: 'Người nước ngoài', en: 'Foreigners' },
  { code: 'doanh-nghiep', vi: 'Doanh nghiệp', en: 'Enterprises' },
  { code: 'to-chuc', vi: 'Tổ chức', en: 'Organisations' },
  { code: 'hop-tac-xa', vi: 'Hợp tác xã', en: 'Cooperatives' },
  { code: 'ho-kinh-doanh', vi: 'Hộ kinh doanh', en: 'Household businesses' },
];

/** Mức độ dịch vụ công trực tuyến. */
export const serviceLevels: readonly Term[] = [
  { code: 'toan-trinh', vi: 'Dịch vụ công trực tuyến toàn trình', en: 'Fully online' },
  { code: 'mot-phan', vi: 'Dịch vụ công trực tuyến một phần', en: 'Partly online' },
  { code: 'thong-tin', vi: 'Cung cấp thông tin', en: 'Information only' },
];

/** Cách thức thực hiện. */
export const channels: readonly Term[] = [
  { code: 'truc-tiep', vi: 'Trực tiếp', en: 'In person' },
  { code: 'truc-tuyen', vi: 'Trực tuyến', en: 'Online' },
  { code: 'buu-chinh', vi: 'Dịch vụ bưu chính', en: 'By post' },
];

export const newsCategories: readonly Term[] = [
  { code: 'tin-tuc', vi: 'Tin tức', en: 'News' },
  { code: 'thong-bao', vi: 'Thông báo', en: 'Announcements' },
];

export const codes = (terms: readonly Term[]) => terms.map((t) => t.code) as [string, ...string[]];
