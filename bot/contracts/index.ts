/**
 * The assistant's wire contracts (DESIGN.md): every shape of ask, stream, feedback, handoff and
 * health, once, as zod schemas. The assistant's routes validate requests and responses with them
 * (and docs/openapi.json is generated from them); the tests parse what they receive with them.
 * Messages name the field at fault, in Vietnamese. Browser code imports `./browser` (no zod).
 */
import { z } from 'zod';
import { errorEnvelopeSchema, locales } from '@portal/cms/contracts';
import { feedbackValues, questionMaxLength, replyKinds } from './browser';

export {
  assistantPaths,
  feedbackValues,
  questionMaxLength,
  replyKinds,
  streamEventNames,
  type AskRequest,
  type AskResponse,
  type AssistantHealth,
  type AssistantSource,
  type ConversationId,
  type FeedbackRequest,
  type HandoffRequest,
  type ReplyKind,
  type StreamEvent,
  type StreamEventData,
} from './browser';

/**
 * A conversation id: 32 random bytes in base64url (43 characters), a bearer secret. A UUID (the ids
 * given before they were secrets) is well formed too, so that a browser still holding one gets the
 * 404 of an unknown conversation, on which the widget starts a new one.
 */
export const conversationIdPattern = /^([A-Za-z0-9_-]{43}|[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})$/;
const conversationIdMessage = 'Mã hội thoại (trường conversationId) không hợp lệ.';
export const conversationIdSchema = z.string({ error: conversationIdMessage }).regex(conversationIdPattern, conversationIdMessage);

const questionMessage = 'Hãy nhập câu hỏi (trường question).';
const turnIdMessage = 'Mã lượt trả lời (trường turnId) không hợp lệ.';

export const askRequestSchema = z.strictObject(
  {
    question: z
      .string({ error: questionMessage })
      .trim()
      .min(1, questionMessage)
      .max(questionMaxLength, `Câu hỏi quá dài: tối đa ${questionMaxLength} ký tự (trường question).`),
    locale: z.enum(locales, { error: 'Ngôn ngữ (trường locale) phải là vi hoặc en.' }).optional(),
    conversationId: conversationIdSchema.optional(),
  },
  { error: 'Nội dung yêu cầu phải là một đối tượng JSON có trường question.' },
);

export const assistantSourceSchema = z.object({
  type: z.enum(['faq', 'procedure']),
  documentId: z.string().min(1),
  code: z.string().nullable(),
  title: z.string().min(1),
  url: z.string().regex(/^\/(thu-tuc|hoi-dap|en\/procedures|en\/faq)\/[a-z0-9-]+$/),
});

export const askResponseSchema = z.object({
  conversationId: z.string().min(1),
  turnId: z.string().min(1),
  kind: z.enum(replyKinds),
  answer: z.string().min(1),
  sources: z.array(assistantSourceSchema),
  confidence: z.number().min(0).max(1),
});

/** The data of each event of `POST /api/ask/stream`. */
export const streamEventSchemas = {
  start: z.object({ conversationId: z.string().min(1) }),
  chunk: z.object({ text: z.string().min(1) }),
  done: askResponseSchema,
  error: errorEnvelopeSchema,
};

export const feedbackRequestSchema = z.strictObject(
  {
    conversationId: conversationIdSchema,
    turnId: z.string({ error: turnIdMessage }).trim().min(1, turnIdMessage).max(64, turnIdMessage),
    value: z.enum(feedbackValues, { error: 'Đánh giá (trường value) phải là up hoặc down.' }),
  },
  { error: 'Nội dung yêu cầu phải là một đối tượng JSON có các trường conversationId, turnId và value.' },
);

export const handoffRequestSchema = z.strictObject(
  { conversationId: conversationIdSchema },
  { error: 'Nội dung yêu cầu phải là một đối tượng JSON có trường conversationId.' },
);

const perLocale = z.record(z.enum(locales), z.number().int().min(0));
export const assistantHealthSchema = z.object({
  status: z.literal('ok'),
  ready: z.boolean(),
  answering: z.boolean(),
  loadedAt: z.string().nullable(),
  content: z.object({ faqs: perLocale, procedures: perLocale }),
});
