import { z } from 'zod';

export const fieldProblemSchema = z.object({ path: z.array(z.string()), message: z.string(), name: z.string() });

/** `{ error: { status, name, message, details } }` (Strapi adds `data: null`). */
export const errorEnvelopeSchema = z.object({
  data: z.null().optional(),
  error: z.object({
    status: z.number().int().min(400).max(599),
    name: z.string(),
    message: z.string().min(1),
    details: z
      .object({ errors: z.array(fieldProblemSchema).optional(), retryAfterSeconds: z.number().int().min(0).optional() })
      .catchall(z.unknown())
      .optional(),
  }),
});
