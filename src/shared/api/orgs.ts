import { z } from 'zod';

export const OrgUnitSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  level: z.enum(['city', 'district', 'street']),
  parentId: z.number().nullable(),
  isDemo: z.boolean(),
  committee: z.object({ id: z.number(), name: z.string() }).nullable(),
  departments: z.array(z.object({ id: z.number(), name: z.string(), shortName: z.string() })),
});
export type OrgUnitDto = z.infer<typeof OrgUnitSchema>;
export const OrgUnitListSchema = z.array(OrgUnitSchema);
