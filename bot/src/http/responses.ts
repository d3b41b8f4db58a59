/** The failures a route may answer, for its schema (and so the OpenAPI document): all in the error envelope. */
import { errorEnvelopeSchema } from '@portal/cms/contracts';

const described = {
  badRequest: [400, 'Not JSON, or a field missing, malformed or unknown (message in Vietnamese, naming the field)'],
  notFound: [404, 'No conversation with this conversationId (unknown and wrong ids alike), or no such turn in it'],
  tooLarge: [413, 'Body over 16 KB'],
  tooMany: [429, 'Too many requests from one address in a minute (Retry-After)'],
  notReady: [503, 'The content is not loaded yet (Retry-After)'],
} as const;

export function failures(...kinds: (keyof typeof described)[]) {
  return Object.fromEntries(kinds.map((kind) => [described[kind][0], errorEnvelopeSchema.describe(described[kind][1])]));
}
