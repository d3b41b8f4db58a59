/**
 * The assistant's HTTP API (docs/openapi.json, "Assistant"):
 * - `POST /api/ask` `{ question, locale?, conversationId? }` → `{ conversationId, turnId, kind, answer, sources, confidence }`
 * - `POST /api/ask/stream` (same body) or `GET /api/ask/stream?question=&locale=&conversationId=`:
 *   Server-Sent Events — `start` (conversation id), `chunk` × n (`{ text }`, in order, together the
 *   answer), then `done` with the same JSON as `/api/ask`; `error` if something fails mid-way.
 * - `POST /api/feedback` `{ conversationId, turnId, value: 'up' | 'down' }` → 204: the citizen's rating of a reply, stored on its turn.
 * - `POST /api/handoff` `{ conversationId }` → the JSON of `/api/ask` of kind `handoff`: the
 *   conversation waits for staff; the reply gives the centre's hotline, e-mail and hours.
 * - `GET /health` → 200.
 * Errors use the CMS's envelope `{ data: null, error: { status, name, message, details } }`, with
 * messages in Vietnamese that name the field at fault.
 */
import http from 'node:http';
import { z } from 'zod';
import type { Assistant, TurnContext } from './assistant';
import type { Source } from './compose';
import type { Knowledge } from './knowledge';
import { RateLimiter } from './rate-limit';
import { ConversationNotFound, type ConversationStore, type RecordedTurn, type TurnRecord } from './store';

export const questionMaxLength = 500;
const bodyMaxBytes = 16 * 1024;

const conversationIdField = z.uuid({ error: 'Mã hội thoại (trường conversationId) không hợp lệ.' });

const askSchema = z.strictObject({
  question: z
    .string({ error: 'Hãy nhập câu hỏi (trường question).' })
    .trim()
    .min(1, 'Hãy nhập câu hỏi (trường question).')
    .max(questionMaxLength, `Câu hỏi quá dài: tối đa ${questionMaxLength} ký tự (trường question).`),
  locale: z.enum(['vi', 'en'], { error: 'Ngôn ngữ (trường locale) phải là vi hoặc en.' }).optional(),
  conversationId: conversationIdField.optional(),
});
export type AskBody = z.infer<typeof askSchema>;

const turnIdMessage = 'Mã lượt trả lời (trường turnId) không hợp lệ.';
const feedbackSchema = z.strictObject({
  conversationId: conversationIdField,
  turnId: z.string({ error: turnIdMessage }).trim().min(1, turnIdMessage).max(64, turnIdMessage),
  value: z.enum(['up', 'down'], { error: 'Đánh giá (trường value) phải là up hoặc down.' }),
});
export type FeedbackBody = z.infer<typeof feedbackSchema>;

const handoffSchema = z.strictObject({ conversationId: conversationIdField });
export type HandoffBody = z.infer<typeof handoffSchema>;

/** What a handoff asked with the button is stored as, in the conversation's language (questions are otherwise stored as typed). */
const handoffQuestion = { vi: 'Yêu cầu gặp nhân viên hỗ trợ.', en: 'Request to talk to a member of staff.' } as const;

export type AskResponse = {
  conversationId: string;
  /** The stored turn, for `/api/feedback`. */
  turnId: string;
  kind: 'answer' | 'clarify' | 'handoff' | 'refuse';
  answer: string;
  sources: Omit<Source, 'key'>[];
  confidence: number;
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    override readonly name: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function validation(issues: z.core.$ZodIssue[]): HttpError {
  const errors = issues.map((i) => ({
    path: i.code === 'unrecognized_keys' ? [...i.path.map(String), ...i.keys] : i.path.map(String),
    message: i.code === 'unrecognized_keys' ? `Trường không được hỗ trợ: ${i.keys.join(', ')}.` : i.message,
    name: 'ValidationError',
  }));
  return new HttpError(400, 'ValidationError', errors[0]!.message, { errors });
}

export type ServerOptions = {
  assistant: Assistant;
  knowledge: Knowledge;
  store: ConversationStore;
  ratePerMinute: number;
  trustProxy: boolean;
  corsOrigin: string;
  /** Slug of the agency whose hotline, e-mail and hours `/api/handoff` gives. @default trung-tam-phuc-vu-hanh-chinh-cong */
  handoffAgency?: string;
  log?: (message: string) => void;
};

/** The answer in pieces for streaming: whole words, about `size` characters each; joined they give the answer back exactly. */
export function chunks(answer: string, size = 48): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const token of answer.split(/(?<=\s)/)) {
    if (current && current.length + token.length > size) {
      pieces.push(current);
      current = '';
    }
    current += token;
  }
  if (current) pieces.push(current);
  return pieces;
}

export function createBotServer(options: ServerOptions): http.Server {
  const { assistant, knowledge, store } = options;
  const limiter = new RateLimiter(options.ratePerMinute);
  const log = options.log ?? ((m: string) => console.error(`[bot] ${m}`));
  const handoffAgency = options.handoffAgency ?? 'trung-tam-phuc-vu-hanh-chinh-cong';

  const cors = (res: http.ServerResponse) => {
    res.setHeader('access-control-allow-origin', options.corsOrigin);
    if (options.corsOrigin !== '*') res.setHeader('vary', 'Origin');
    res.setHeader('access-control-expose-headers', 'Retry-After');
  };

  const sendJson = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  const sendError = (res: http.ServerResponse, error: HttpError) =>
    sendJson(res, error.status, { data: null, error: { status: error.status, name: error.name, message: error.message, details: error.details } }, error.headers);

  const clientAddress = (req: http.IncomingMessage): string => {
    const forwarded = options.trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]!.trim() : '';
    return forwarded || req.socket.remoteAddress || 'unknown';
  };

  async function readJson(req: http.IncomingMessage): Promise<unknown> {
    const parts: Buffer[] = [];
    let size = 0;
    for await (const part of req) {
      size += (part as Buffer).length;
      if (size > bodyMaxBytes) throw new HttpError(413, 'PayloadTooLargeError', `Nội dung yêu cầu quá lớn: tối đa ${bodyMaxBytes / 1024} KB.`);
      parts.push(part as Buffer);
    }
    const text = Buffer.concat(parts).toString('utf8');
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpError(400, 'ValidationError', 'Nội dung yêu cầu phải là JSON hợp lệ, ví dụ {"question": "Làm giấy khai sinh cần gì?"}.');
    }
  }

  function parse<T>(schema: z.ZodType<T>, value: unknown, fields: string): T {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new HttpError(400, 'ValidationError', `Nội dung yêu cầu phải là một đối tượng JSON có ${fields}.`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw validation(parsed.error.issues);
    return parsed.data;
  }
  const parseAsk = (value: unknown): AskBody => parse(askSchema, value, 'trường question');

  const conversationNotFound = () =>
    new HttpError(404, 'NotFoundError', 'Không tìm thấy hội thoại có mã này (trường conversationId). Hãy bắt đầu hội thoại mới.', {
      errors: [{ path: ['conversationId'], message: 'Không tìm thấy hội thoại.', name: 'NotFoundError' }],
    });

  /** The per-address limit, shared by questions, feedback and handoffs. */
  function limit(req: http.IncomingMessage): void {
    const wait = limiter.take(clientAddress(req));
    if (wait !== undefined) {
      throw new HttpError(
        429,
        'TooManyRequestsError',
        'Bạn đã hỏi quá nhiều lần trong một phút. Vui lòng thử lại sau ít giây.',
        { retryAfterSeconds: wait },
        { 'retry-after': String(wait) },
      );
    }
  }

  function requireContent(): void {
    if (!knowledge.ready) {
      throw new HttpError(503, 'ServiceUnavailableError', 'Trợ lý đang tải nội dung, vui lòng thử lại sau ít giây.', {}, { 'retry-after': '5' });
    }
  }

  /** Rate limit, readiness, conversation: every check that may refuse the question before it is answered. */
  async function admit(req: http.IncomingMessage, body: AskBody): Promise<TurnContext | undefined> {
    limit(req);
    requireContent();
    if (!body.conversationId) return undefined;
    const conversation = await store.find(body.conversationId);
    if (!conversation) throw conversationNotFound();
    return conversation.context;
  }

  async function record(conversationId: string | undefined, turn: TurnRecord): Promise<AskResponse> {
    let recorded: RecordedTurn;
    try {
      recorded = await store.record(conversationId, turn);
    } catch (error) {
      if (error instanceof ConversationNotFound) throw conversationNotFound();
      throw error;
    }
    return {
      conversationId: recorded.conversationId,
      turnId: recorded.turnId,
      kind: turn.kind,
      answer: turn.answer,
      sources: turn.sources.map(({ type, documentId, code, title, url }) => ({ type, documentId, code, title, url })),
      confidence: turn.confidence,
    };
  }

  async function answer(body: AskBody, context: TurnContext | undefined): Promise<AskResponse> {
    const started = performance.now();
    const reply = await assistant.ask({ question: body.question, locale: body.locale, context });
    return record(body.conversationId, {
      question: body.question,
      answer: reply.answer,
      kind: reply.kind,
      reason: reply.reason,
      confidence: reply.confidence,
      sources: reply.sources,
      locale: reply.locale,
      latencyMs: performance.now() - started,
      // Only an answer changes what a follow-up refers to.
      context: reply.kind === 'answer' ? reply.context : undefined,
    });
  }

  /** The citizen asked for a person (the widget's button): the conversation waits for staff, in its own language. */
  async function handoff(req: http.IncomingMessage, body: HandoffBody): Promise<AskResponse> {
    limit(req);
    requireContent();
    const started = performance.now();
    const conversation = await store.find(body.conversationId);
    if (!conversation) throw conversationNotFound();
    const locale = conversation.locale;
    return record(conversation.id, {
      question: handoffQuestion[locale],
      answer: assistant.composer.handoff(locale, 'handoffRequested', knowledge.agency(locale, handoffAgency)),
      kind: 'handoff',
      reason: 'handoff:requested',
      confidence: 1,
      sources: [],
      locale,
      latencyMs: performance.now() - started,
    });
  }

  /** Stores 'up' (+1) or 'down' (−1) on a turn of the conversation; a second vote replaces the first. */
  async function feedback(req: http.IncomingMessage, body: FeedbackBody): Promise<void> {
    limit(req);
    if (!(await store.find(body.conversationId))) throw conversationNotFound();
    if (!(await store.feedback(body.conversationId, body.turnId, body.value === 'up' ? 1 : -1))) {
      throw new HttpError(404, 'NotFoundError', 'Không tìm thấy lượt trả lời này trong hội thoại (trường turnId).', {
        errors: [{ path: ['turnId'], message: 'Không tìm thấy lượt trả lời.', name: 'NotFoundError' }],
      });
    }
  }

  async function stream(req: http.IncomingMessage, res: http.ServerResponse, body: AskBody): Promise<void> {
    const context = await admit(req, body);
    const result = await answer(body, context);
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send('start', { conversationId: result.conversationId });
    for (const text of chunks(result.answer)) {
      if (res.destroyed) return;
      send('chunk', { text });
      await new Promise((r) => setImmediate(r));
    }
    send('done', result);
    res.end();
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://assistant');
    cors(res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' });
      res.end();
      return;
    }
    const allow = (methods: string[]) => {
      if (!methods.includes(req.method ?? '')) throw new HttpError(405, 'MethodNotAllowedError', `Phương thức ${req.method} không được hỗ trợ ở ${url.pathname}.`, {}, { allow: methods.join(', ') });
    };
    switch (url.pathname) {
      case '/health': {
        allow(['GET']);
        const counts = knowledge.counts();
        sendJson(res, 200, { status: 'ok', ready: knowledge.ready, loadedAt: knowledge.loadedAt?.toISOString() ?? null, content: counts });
        return;
      }
      case '/api/ask': {
        allow(['POST']);
        const body = parseAsk(await readJson(req));
        const context = await admit(req, body);
        sendJson(res, 200, await answer(body, context));
        return;
      }
      case '/api/feedback': {
        allow(['POST']);
        await feedback(req, parse(feedbackSchema, await readJson(req), 'các trường conversationId, turnId và value'));
        res.writeHead(204);
        res.end();
        return;
      }
      case '/api/handoff': {
        allow(['POST']);
        sendJson(res, 200, await handoff(req, parse(handoffSchema, await readJson(req), 'trường conversationId')));
        return;
      }
      case '/api/ask/stream': {
        allow(['GET', 'POST']);
        const body =
          req.method === 'POST'
            ? parseAsk(await readJson(req))
            : parseAsk(Object.fromEntries(url.searchParams));
        await stream(req, res, body);
        return;
      }
      default:
        throw new HttpError(404, 'NotFoundError', `Không có địa chỉ ${url.pathname}. Hãy dùng POST /api/ask.`);
    }
  }

  return http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) {
        // Mid-stream: tell the client, then close.
        const message = 'Trợ lý gặp sự cố khi trả lời. Vui lòng thử lại.';
        if (!(error instanceof HttpError)) log(`error while streaming: ${(error as Error).stack ?? String(error)}`);
        res.end(`event: error\ndata: ${JSON.stringify({ data: null, error: { status: 500, name: 'InternalServerError', message } })}\n\n`);
        return;
      }
      if (error instanceof HttpError) return sendError(res, error);
      log(`error: ${(error as Error).stack ?? String(error)}`);
      sendError(res, new HttpError(500, 'InternalServerError', 'Trợ lý đang gặp sự cố. Vui lòng thử lại sau ít phút hoặc gọi đường dây nóng.'));
    });
  });
}
