/**
 * The Fastify server our own services start from (the assistant, the site server): routes declared
 * with zod schemas (validation, typed handlers and the OpenAPI document from the same schema), the
 * one error envelope for every failure, request ids tied across services, the client's address
 * believed from `X-Forwarded-For` only when a trusted proxy sent it, security headers, one log line
 * per request at `LOG_LEVEL=http`. Routes are registered by the caller.
 */
import crypto from 'node:crypto';
import cors from '@fastify/cors';
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import swagger from '@fastify/swagger';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorEnvelope, validationEnvelope } from '@portal/cms/contracts';
import { isTrustedPeer, type TrustedProxies } from '@portal/cms/client-address';
import type { LogLevel } from '@portal/cms/environment';
import { HttpError, RequestValidationError } from './errors';

export type Server = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export type ServerOptions = {
  /** The service's name in logs and in the OpenAPI document, e.g. `assistant`. */
  name: string;
  /** LOG_LEVEL: `http` and above log one line per request. */
  logLevel: LogLevel;
  /** TRUSTED_PROXIES: only these may set the client address (X-Forwarded-For) and the request id (X-Request-Id). */
  trustedProxies: TrustedProxies;
  /** Largest request body in bytes. @default 16384 */
  bodyLimit?: number;
  /** Security headers (helmet); `false` when the caller sets its own (the site server's per-build CSP). @default helmet's defaults */
  securityHeaders?: FastifyHelmetOptions | false;
  /** Origins allowed to call from a browser (CORS, no credentials); none: no CORS headers. */
  corsOrigins?: string[];
  /** Messages for the generic failures, in the service's language. */
  messages?: Partial<typeof defaultMessages>;
  /** Where log lines go (tests collect them). @default standard error */
  logStream?: NodeJS.WritableStream;
};

const defaultMessages = {
  notFound: 'Không có địa chỉ này.',
  methodNotAllowed: 'Phương thức này không được hỗ trợ ở địa chỉ này.',
  invalidJson: 'Nội dung yêu cầu phải là JSON hợp lệ.',
  tooLarge: 'Nội dung yêu cầu quá lớn.',
  unsupportedMediaType: 'Nội dung yêu cầu phải có kiểu application/json.',
  internal: 'Hệ thống đang gặp sự cố. Vui lòng thử lại sau ít phút.',
};

const pinoLevels: Record<LogLevel, string> = { error: 'error', warn: 'warn', info: 'info', http: 'info', verbose: 'debug', debug: 'debug' };
const requestIdPattern = /^[A-Za-z0-9._:-]{1,100}$/;
const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** Where zod's issues came from, for the wording of unknown keys. */
const partWords = (part: string) => (part === 'querystring' || part === 'params' ? 'query' : 'body');

/** A Fastify server with the portal's conventions; register routes, then `listen` or `inject`. */
export async function createServer(options: ServerOptions): Promise<Server> {
  const messages = { ...defaultMessages, ...options.messages };
  const logRequests = ['http', 'verbose', 'debug'].includes(options.logLevel);

  const app = Fastify({
    logger: { level: pinoLevels[options.logLevel], name: options.name, ...(options.logStream ? { stream: options.logStream } : {}) },
    trustProxy: options.trustedProxies.trusts,
    bodyLimit: options.bodyLimit ?? 16 * 1024,
    // Fastify's two lines per request are replaced by ours (one line, path only), at LOG_LEVEL=http.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    // A proxy we trust passes its request id on, so one id ties the site server's, CMS's and assistant's lines together.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      if (typeof given === 'string' && requestIdPattern.test(given) && isTrustedPeer(req.socket.remoteAddress, options.trustedProxies)) return given;
      return crypto.randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  // Our own validator: it keeps zod's issues, which become the envelope's `details.errors`.
  app.setValidatorCompiler(({ schema, httpPart }) => (data: unknown) => {
    const result = (schema as z.ZodType).safeParse(data);
    return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  });
  app.setSerializerCompiler(serializerCompiler);

  await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: options.name, version: '1' } }, transform: jsonSchemaTransform });
  if (options.securityHeaders !== false) await app.register(helmet, options.securityHeaders ?? {});
  if (options.corsOrigins?.length) {
    await app.register(cors, { origin: options.corsOrigins, credentials: false, exposedHeaders: ['Retry-After', 'X-Request-Id'], maxAge: 600 });
  }

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  if (logRequests) {
    // The path only: query strings may hold what citizens typed.
    app.addHook('onResponse', async (request, reply) => {
      request.log.info({ method: request.method, path: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    });
  }

  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = methods.filter((method) => method !== request.method && app.hasRoute({ method, url: path }));
    if (allowed.length > 0) {
      return reply.code(405).header('allow', allowed.join(', ')).send(errorEnvelope(405, 'MethodNotAllowedError', messages.methodNotAllowed));
    }
    return reply.code(404).send(errorEnvelope(404, 'NotFoundError', messages.notFound));
  });

  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof HttpError) {
      return reply.code(error.status).headers(error.headers).send(errorEnvelope(error.status, error.name, error.message, error.details));
    }
    if (error instanceof RequestValidationError) return reply.code(400).send(validationEnvelope(error.issues, partWords(error.part)));
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.code(400).send(errorEnvelope(400, 'ValidationError', messages.invalidJson));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send(errorEnvelope(413, 'PayloadTooLargeError', messages.tooLarge));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send(errorEnvelope(415, 'UnsupportedMediaTypeError', messages.unsupportedMediaType));
    }
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(errorEnvelope(error.statusCode, 'BadRequestError', error.message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorEnvelope(500, 'InternalServerError', messages.internal));
  });

  return app;
}
