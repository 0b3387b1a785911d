import { z } from 'zod';
import { ComparatorSchema } from './plans';

/* The progress method as a service: cases in, assessments out (`halfsky assess`, POST /api/analytics/assess). */

const assessYear = z.number().int('年份应为整数');

/**
 * A progress case of `halfsky assess` and `POST /api/analytics/assess`; unknown keys (a name, an
 * id) are kept and echoed back. A series value may be null (no data that year).
 */
export const AssessCaseSchema = z
  .looseObject({
    comparator: ComparatorSchema,
    value: z.number().finite().nullable(),
    year: assessYear,
    baseYear: assessYear.nullable().optional(),
    tolerance: z.number().finite().nonnegative('容差不能为负').nullable().optional(),
    series: z.array(z.tuple([assessYear, z.number().finite().nullable()])),
  })
  .superRefine((c, ctx) => {
    if (c.comparator !== 'increase' && c.comparator !== 'decrease' && c.value === null) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: '定量目标必须填写目标值' });
    }
  });
export type AssessCase = z.infer<typeof AssessCaseSchema>;

export const AssessCasesBody = z.array(AssessCaseSchema).max(10000, '一次最多评估 10000 个用例');
