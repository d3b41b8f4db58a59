/**
 * The search page's states for the render tests (`examples.test.tsx`) and any gallery: results
 * with filters (page 2 of 3, one field chosen), nothing found, and two refusals.
 */
import type { Failure, SearchHit } from '@portal/cms/contracts/browser';
import type { FacetName } from './url-state';
import type { Shown } from './useSearch';

const hit = (n: number): SearchHit => ({
  type: n % 3 === 0 ? 'faq' : 'procedure',
  documentId: `doc-${n}`,
  code: n % 3 === 0 ? null : `1.00${n}`,
  title: `Thủ tục số ${n} về khai sinh`,
  url: `/thu-tuc/thu-tuc-${n}`,
  snippet: `Đăng ký <mark>khai sinh</mark> lần ${n}`,
  key: `thu-tuc-${n}`,
});

export const labelsExample: Record<FacetName, Record<string, string>> = {
  type: { procedure: 'Thủ tục', faq: 'Hỏi đáp', news: 'Tin tức' },
  field: { 'ho-tich': 'Hộ tịch', 'chung-thuc': 'Chứng thực' },
  levels: { 'cap-xa': 'Cấp xã', 'cap-tinh': 'Cấp tỉnh' },
  serviceLevel: { 'toan-trinh': 'Dịch vụ công trực tuyến toàn trình' },
};

export const resultsExample: Shown = {
  params: { q: 'khai sinh', page: 2, field: 'ho-tich' },
  result: {
    hits: Array.from({ length: 10 }, (_, i) => hit(i + 11)),
    total: 23,
    facets: { type: { procedure: 16, faq: 7 }, field: { 'ho-tich': 23 }, levels: { 'cap-xa': 20, 'cap-tinh': 3 }, serviceLevel: {} },
  },
};

export const nothingFoundExample: Shown = { params: { q: 'xyzzy', page: 1, type: 'faq' }, result: { hits: [], total: 0, facets: {} } };

export const tooManyExample: Failure = { status: 429, name: 'TooManyRequestsError', message: 'Bạn tìm kiếm quá nhiều lần.', retryAfterSeconds: 30, problems: [] };
export const unavailableExample: Failure = { status: 502, name: 'Error', message: '', problems: [] };
