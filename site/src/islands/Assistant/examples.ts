/**
 * The widget's conversation in each of its states, for the render tests (`examples.test.tsx`) and
 * any gallery: a question, a cited answer already voted on, a clarifying answer, a handoff with
 * the hotline, an error that can be retried, and an answer still streaming.
 */
import type { AskResponse } from './api';
import type { Message } from './conversation';

const conversationId = 'ZXhhbXBsZS1jb252ZXJzYXRpb24';

export const conversationExample: Message[] = [
  { n: 1, role: 'user', text: 'làm giấy khai sinh cần gì' },
  {
    n: 2,
    role: 'bot',
    kind: 'answer',
    text: 'Bạn cần:\n\n- **Tờ khai** đăng ký khai sinh;\n- Giấy chứng sinh.\n\nXem thêm [thủ tục](/thu-tuc/dang-ky-khai-sinh).',
    sources: [{ type: 'procedure', documentId: 'p1', code: '1.001193', title: 'Thủ tục đăng ký khai sinh', url: '/thu-tuc/dang-ky-khai-sinh' }],
    conversationId,
    turnId: 't1',
    vote: 'up',
    note: 'thanks',
  },
  { n: 3, role: 'user', text: 'kết hôn' },
  {
    n: 4,
    role: 'bot',
    kind: 'clarify',
    text: 'Bạn muốn hỏi về việc nào?',
    sources: [
      { type: 'faq', documentId: 'f1', code: null, title: 'Đăng ký kết hôn cần giấy tờ gì?', url: '/hoi-dap/ket-hon-giay-to' },
      { type: 'faq', documentId: 'f2', code: null, title: 'Đăng ký kết hôn mất bao lâu?', url: '/hoi-dap/ket-hon-thoi-gian' },
    ],
    conversationId,
    turnId: 't2',
  },
  { n: 5, role: 'user', text: 'Tôi muốn gặp nhân viên hỗ trợ.' },
  {
    n: 6,
    role: 'bot',
    kind: 'handoff',
    text: 'Gọi đường dây nóng 0263 3555 036 trong giờ hành chính.\n\nTrong khi chờ, bạn có thể xem các thủ tục có thể liên quan:\n- [Thủ tục đăng ký kết hôn](/thu-tuc/dang-ky-ket-hon)',
    sources: [{ type: 'procedure', documentId: 'p2', code: '1.000894.000.00.00.H36', title: 'Thủ tục đăng ký kết hôn', url: '/thu-tuc/dang-ky-ket-hon' }],
    conversationId,
    turnId: 't3',
  },
  { n: 8, role: 'error', text: 'Không kết nối được với trợ lý.', job: { question: 'lệ phí khai sinh' } },
  { n: 10, role: 'bot', text: 'Lệ phí đăng ký khai sinh', live: true },
];

/** An answer as the assistant sends it (the `done` event, `POST /api/ask`). */
export const answerExample: AskResponse = {
  conversationId,
  turnId: 't1',
  kind: 'answer',
  answer: 'Cần Giấy chứng sinh.',
  sources: [{ type: 'faq', documentId: 'd1', code: null, title: 'Khai sinh cần giấy tờ gì?', url: '/hoi-dap/khai-sinh-can-giay-to-gi' }],
  confidence: 0.9,
};
