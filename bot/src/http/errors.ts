/** The assistant's own refusals, in the envelope, in Vietnamese, naming the field at fault. */
import { HttpError } from '@portal/platform';

/** The same answer for an unknown conversation and for a wrong secret: nothing tells them apart. */
export const conversationNotFound = (): HttpError =>
  new HttpError(404, 'NotFoundError', 'Không tìm thấy hội thoại có mã này (trường conversationId). Hãy bắt đầu hội thoại mới.', {
    errors: [{ path: ['conversationId'], message: 'Không tìm thấy hội thoại.', name: 'NotFoundError' }],
  });

export const turnNotFound = (): HttpError =>
  new HttpError(404, 'NotFoundError', 'Không tìm thấy lượt trả lời này trong hội thoại (trường turnId).', {
    errors: [{ path: ['turnId'], message: 'Không tìm thấy lượt trả lời.', name: 'NotFoundError' }],
  });

export const contentNotReady = (): HttpError =>
  new HttpError(503, 'ServiceUnavailableError', 'Trợ lý đang tải nội dung, vui lòng thử lại sau ít giây.', { retryAfterSeconds: 5 }, { 'retry-after': '5' });

export const tooManyMessage = 'Bạn đã hỏi quá nhiều lần trong một phút. Vui lòng thử lại sau ít giây.';

/** What the envelope answers for the platform's generic failures. */
export const serverMessages = {
  notFound: 'Không có địa chỉ này. Hãy dùng POST /api/ask.',
  methodNotAllowed: 'Phương thức này không được hỗ trợ ở địa chỉ này.',
  invalidJson: 'Nội dung yêu cầu phải là JSON hợp lệ, ví dụ {"question": "Làm giấy khai sinh cần gì?"}.',
  tooLarge: 'Nội dung yêu cầu quá lớn: tối đa 16 KB.',
  unsupportedMediaType: 'Nội dung yêu cầu phải có kiểu application/json.',
  internal: 'Trợ lý đang gặp sự cố. Vui lòng thử lại sau ít phút hoặc gọi đường dây nóng.',
};
