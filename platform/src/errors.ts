import type { z } from 'zod';
import type { ErrorDetails } from '@portal/cms/contracts';

/**
 * An error a handler throws to answer with the error envelope: its status, name, message (in the
 * request's language, naming the field at fault) and details; `headers` go with the response
 * (e.g. `Retry-After`). Anything else thrown is a 500 with a generic message, logged.
 * @example throw new HttpError(404, 'NotFoundError', 'Không tìm thấy hội thoại.')
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    override readonly name: string,
    message: string,
    readonly details: ErrorDetails = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** A request part (body, query, params, headers) that its route's zod schema refused: answered 400. */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';
  readonly statusCode = 400;
  constructor(
    readonly issues: readonly z.core.$ZodIssue[],
    readonly part: string,
  ) {
    super(issues[0]?.message ?? 'Yêu cầu không hợp lệ.');
  }
}

/** 429 with `Retry-After`, in the envelope. */
export const tooManyRequests = (message: string, retryAfterSeconds: number): HttpError =>
  new HttpError(429, 'TooManyRequestsError', message, { retryAfterSeconds }, { 'retry-after': String(retryAfterSeconds) });
