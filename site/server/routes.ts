/**
 * The site server's own endpoints: its health, the CMS's rebuild requests, and 405 with `Allow` for
 * a method a path does not take (the pages' catch-all would otherwise answer them).
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { HttpError, type Server } from '@portal/platform';

export type RoutesOptions = {
  /** The served build's id, or null before the first build. */
  buildId: () => string | null;
  /** Asks for a debounced build; `building` says whether one is running now. */
  builder: { request(reason: string): void; readonly building: boolean };
  /** The token POST /_rebuild expects. */
  rebuildToken: () => string;
};

const methods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type Method = (typeof methods)[number];

/** Hashes first, so the comparison takes the same time whatever the lengths. */
const sameToken = (given: string, expected: string) =>
  crypto.timingSafeEqual(crypto.createHash('sha256').update(given).digest(), crypto.createHash('sha256').update(expected).digest());

/** Answers every method but `allowed` at `urls` with 405 and `Allow`. */
export function refuseOtherMethods(app: Server, urls: string[], allowed: Method[]): void {
  const refused = methods.filter((method) => !allowed.includes(method));
  for (const url of urls) {
    app.route({
      method: refused,
      url,
      schema: { hide: true },
      // Before the body is read: whatever it holds, the answer is 405.
      onRequest: async () => {
        throw new HttpError(405, 'MethodNotAllowedError', 'Phương thức này không được hỗ trợ ở địa chỉ này.', {}, { allow: allowed.join(', ') });
      },
      handler: async () => undefined,
    });
  }
}

export function siteRoutes(app: Server, options: RoutesOptions): void {
  app.get(
    '/_health',
    { schema: { response: { 200: z.object({ status: z.literal('ok'), build: z.string().nullable() }) } } },
    async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' as const, build: options.buildId() };
    },
  );

  app.post(
    '/_rebuild',
    {
      // Before the body is read: a caller without the token gets nothing but 401.
      onRequest: async (request) => {
        const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
        if (!given || !sameToken(given, options.rebuildToken())) {
          throw new HttpError(401, 'UnauthorizedError', 'Thiếu hoặc sai mã xác thực. / Missing or wrong token.', {}, { 'www-authenticate': 'Bearer' });
        }
      },
      schema: {
        body: z.looseObject({ reason: z.string().optional() }).optional(),
        response: { 202: z.object({ status: z.literal('accepted'), building: z.boolean() }) },
      },
    },
    async (request, reply) => {
      options.builder.request(request.body?.reason?.trim().slice(0, 200) || 'rebuild requested');
      return reply.code(202).header('cache-control', 'no-store').send({ status: 'accepted' as const, building: options.builder.building });
    },
  );
}
