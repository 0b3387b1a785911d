import { z } from 'zod';

export const AttachmentSchema = z.object({
  id: z.number(),
  name: z.string(),
  type: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
  url: z.string(),
});
export type AttachmentDto = z.infer<typeof AttachmentSchema>;
