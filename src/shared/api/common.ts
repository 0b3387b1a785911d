import { z } from 'zod';

/** Every error response of the API: a stable code and a Chinese message for people (catalogue: src/shared/errors.ts). */
export const ApiErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  /** On a server error: the id it is logged under, for people to quote to support. */
  requestId: z.string().optional(),
  details: z
    .array(
      z.object({
        path: z.string().optional(),
        line: z.number().optional(),
        message: z.string(),
        current: z
          .object({ value: z.number().nullable(), comment: z.string().nullable(), version: z.number().nullable(), by: z.string().nullable(), at: z.string().nullable() })
          .optional(),
      }),
    )
    .optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

export const IdParams = z.object({ id: z.coerce.number().int().positive() });
