/**
 * The one error envelope of every HTTP service of the portal (DESIGN.md, "Public HTTP contracts"):
 * `{ error: { status, name, message, details } }`, the message in the request's language
 * (Vietnamese by default) naming the field at fault. Strapi writes the same shape (with an extra
 * `data: null`), our Fastify servers write it with `errorEnvelope`, browsers read it with
 * `readError`. Browser-safe and free of zod, so islands can import it without its weight.
 */
import type { z } from 'zod';

/** One problem with one field (a query parameter or a body field). */
export type FieldProblem = { path: string[]; message: string; name: string };

export type ErrorDetails = {
  /** Validation problems, one per field at fault. */
  errors?: FieldProblem[];
  /** With 429 and 503: when to try again. */
  retryAfterSeconds?: number;
} & Record<string, unknown>;

export type ErrorBody = { status: number; name: string; message: string; details: ErrorDetails };
export type ErrorEnvelope = { data?: null; error: ErrorBody };

/**
 * The envelope for an error.
 * @example errorEnvelope(404, 'NotFoundError', 'Không tìm thấy trang.')
 */
export const errorEnvelope = (status: number, name: string, message: string, details: ErrorDetails = {}): ErrorEnvelope => ({
  error: { status, name, message, details },
});

/** The words that introduce unknown fields, per place they come from. */
const unknownFieldWords = { query: 'Tham số không được hỗ trợ', body: 'Trường không được hỗ trợ' } as const;

/**
 * zod's issues as the envelope's `details.errors`, one per field: unknown keys are named in the
 * path and the message, so a person can see which parameter or field to remove.
 * @param where whether the fields are query parameters or body fields (it only changes the wording of unknown keys)
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], where: keyof typeof unknownFieldWords = 'body'): FieldProblem[] {
  return issues.map((issue) =>
    issue.code === 'unrecognized_keys'
      ? { path: [...issue.path.map(String), ...issue.keys], message: `${unknownFieldWords[where]}: ${issue.keys.join(', ')}.`, name: 'ValidationError' }
      : { path: issue.path.map(String), message: issue.message, name: 'ValidationError' },
  );
}

/** A 400 for zod's issues: the first problem is the message, all of them are in `details.errors`. */
export function validationEnvelope(issues: readonly z.core.$ZodIssue[], where: keyof typeof unknownFieldWords = 'body'): ErrorEnvelope {
  const errors = issuesToProblems(issues, where);
  return errorEnvelope(400, 'ValidationError', errors[0]?.message ?? 'Yêu cầu không hợp lệ.', { errors });
}

/** What a browser shows when a call failed: the server's message when it sent the envelope, else a fallback. */
export type Failure = { status: number; name: string; message: string; retryAfterSeconds?: number; problems: FieldProblem[] };

/**
 * Reads an error response's body (parsed JSON, or anything else) into a `Failure`. A body that is not
 * the envelope (a proxy's HTML page, an empty body) gives `fallback` as the message.
 * @example readError(await response.json().catch(() => null), response.status, 'Không tìm được lúc này.')
 */
export function readError(body: unknown, status: number, fallback: string, retryAfterHeader?: string | null): Failure {
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  const envelope = typeof error === 'object' && error !== null ? (error as Partial<ErrorBody>) : undefined;
  const details = typeof envelope?.details === 'object' && envelope.details !== null ? envelope.details : {};
  const fromHeader = retryAfterHeader ? Number.parseInt(retryAfterHeader, 10) : Number.NaN;
  const retryAfterSeconds = typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : Number.isFinite(fromHeader) ? fromHeader : undefined;
  return {
    status,
    name: typeof envelope?.name === 'string' ? envelope.name : 'Error',
    message: typeof envelope?.message === 'string' && envelope.message ? envelope.message : fallback,
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    problems: Array.isArray(details.errors) ? details.errors : [],
  };
}
