/** What our own HTTP servers share (see README.md). */
export { HttpError, RequestValidationError, tooManyRequests } from './errors';
export { limitByAddress } from './rate-limit';
export { createServer, type Server, type ServerOptions } from './server';
