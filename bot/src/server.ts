/**
 * The assistant's HTTP API (docs/openapi.json, "Assistant"):
 * - `POST /api/ask` `{ question, locale?, conversationId? }` → `{ conversationId, kind, answer, sources, confidence }`
 * - `POST /api/ask/stream` (same body) or `GET /api/ask/stream?question=&locale=&conversationId=`:
 *   Server-Sent Events — `start` (conversation id), `chunk` × n (`{ text }`, in order, together the
 *   answer), then `done` with the same JSON as `/api/ask`; `error` if something fails mid-way.
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
import { ConversationNotFound, type ConversationStore } from './store';

export const questionMaxLength = 500;
const bodyMaxBytes = 16 * 1024;

const askSchema = z.strictObject({
  question: z
    .string({ error: 'Hãy nhập câu hỏi (trường question).' })
    .trim()
    .min(1, 'Hãy nhập câu hỏi (trường question).')
    .max(questionMaxLength, `Câu hỏi quá dài: tối đa ${questionMaxLength} ký tự (trường question).`),
  locale: z.enum(['vi', 'en'], { error: 'Ngôn ngữ (trường locale) phải là vi hoặc en.' }).optional(),
  conversationId: z.uuid({ error: 'Mã hội thoại (trường conversationId) không hợp lệ.' }).optional(),
});
export type AskBody = z.infer<typeof askSchema>;

export type AskResponse = {
  conversationId: string;
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

  function parseAsk(value: unknown): AskBody {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new HttpError(400, 'ValidationError', 'Nội dung yêu cầu phải là một đối tượng JSON có trường question.');
    }
    const parsed = askSchema.safeParse(value);
    if (!parsed.success) throw validation(parsed.error.issues);
    return parsed.data;
  }

  /** Rate limit, readiness, conversation: every check that may refuse the question before it is answered. */
  async function admit(req: http.IncomingMessage, body: AskBody): Promise<TurnContext | undefined> {
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
    if (!knowledge.ready) {
      throw new HttpError(503, 'ServiceUnavailableError', 'Trợ lý đang tải nội dung, vui lòng thử lại sau ít giây.', {}, { 'retry-after': '5' });
    }
    if (!body.conversationId) return undefined;
    const conversation = await store.find(body.conversationId);
    if (!conversation) {
      throw new HttpError(404, 'NotFoundError', 'Không tìm thấy hội thoại có mã này (trường conversationId). Hãy bắt đầu hội thoại mới.', {
        errors: [{ path: ['conversationId'], message: 'Không tìm thấy hội thoại.', name: 'NotFoundError' }],
      });
    }
    return conversation.context;
  }

  async function answer(body: AskBody, context: TurnContext | undefined): Promise<AskResponse> {
    const started = performance.now();
    const reply = await assistant.ask({ question: body.question, locale: body.locale, context });
    let conversationId: string;
    try {
      conversationId = await store.record(body.conversationId, {
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
    } catch (error) {
      if (error instanceof ConversationNotFound) throw new HttpError(404, 'NotFoundError', 'Không tìm thấy hội thoại có mã này (trường conversationId). Hãy bắt đầu hội thoại mới.');
      throw error;
    }
    return {
      conversationId,
      kind: reply.kind,
      answer: reply.answer,
      sources: reply.sources.map(({ type, documentId, code, title, url }) => ({ type, documentId, code, title, url })),
      confidence: reply.confidence,
    };
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
