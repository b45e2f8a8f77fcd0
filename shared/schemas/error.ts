import { z } from 'zod';

/** The one error shape every API failure uses: a stable machine-readable code and a message in the caller's language. */
export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'validation_failed' }),
      message: z.string(),
      details: z
        .array(z.object({ path: z.string(), code: z.string(), message: z.string() }))
        .optional()
        .meta({ description: 'Per-field problems, for validation errors.' }),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type ErrorResponse = z.infer<typeof ErrorResponse>;
