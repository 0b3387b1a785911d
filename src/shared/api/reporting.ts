import { z } from 'zod';
import { OPTION_CODES } from '../monitoring/validation';
import { SUBMISSION_STATES, WORKFLOW_ACTIONS } from '../monitoring/workflow';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const TaskCreateBody = z
  .object({
    orgUnitId: z.number().int().positive(),
    year: z.number().int().min(2000, '年份不合理').max(2100, '年份不合理'),
    name: z.string().trim().min(1, '请填写任务名称').max(100, '任务名称过长'),
    opensOn: date,
    dueOn: date,
    indicatorIds: z.array(z.number().int().positive()).min(1, '请至少选择一个指标'),
    /** Units that report; default: the task's unit and its direct children. */
    orgUnitIds: z.array(z.number().int().positive()).optional(),
    /** The top committee's departments whose counterparts report; default: every one responsible for a chosen indicator. */
    departmentIds: z.array(z.number().int().positive()).optional(),
  })
  .refine((t) => t.dueOn >= t.opensOn, { path: ['dueOn'], message: '截止日期不能早于开始日期' });
export type TaskCreateInput = z.infer<typeof TaskCreateBody>;

export const SubmissionStateSchema = z.enum(SUBMISSION_STATES);

export const SubmissionSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  taskName: z.string(),
  year: z.number(),
  dueOn: z.string(),
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  department: z.object({ id: z.number(), name: z.string(), shortName: z.string() }),
  state: SubmissionStateSchema,
  returnReason: z.string().nullable(),
  overdue: z.boolean(),
  indicatorCount: z.number(),
  filled: z.number(),
  expected: z.number(),
  updatedAt: z.string(),
});
export type SubmissionDto = z.infer<typeof SubmissionSchema>;

export const TaskSchema = z.object({
  id: z.number(),
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  year: z.number(),
  name: z.string(),
  opensOn: z.string(),
  dueOn: z.string(),
  templateVersion: z.number(),
  isDemo: z.boolean(),
  indicatorIds: z.array(z.number()),
  counts: z.object({ submissions: z.number(), approved: z.number(), submitted: z.number(), overdue: z.number() }),
  /** When the task was closed (its seats take no more values), or null while open. */
  closedAt: z.string().nullable(),
  /** Whether any value was written through the task: such a task can be closed, not deleted. */
  hasValues: z.boolean(),
});
export type TaskDto = z.infer<typeof TaskSchema>;

/** What a planned task would share with existing ones: the same indicator, unit and year. */
export const TaskOverlapQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  indicatorIds: z.string().regex(/^\d+(,\d+)*$/, '指标编号应以逗号分隔'),
  orgUnitIds: z.string().regex(/^\d+(,\d+)*$/, '单位编号应以逗号分隔'),
});

export const TaskOverlapSchema = z.object({
  task: z.object({ id: z.number(), name: z.string(), closed: z.boolean() }),
  indicators: z.array(z.object({ id: z.number(), name: z.string() })),
  units: z.array(z.object({ id: z.number(), name: z.string() })),
});
export type TaskOverlapDto = z.infer<typeof TaskOverlapSchema>;

export const OptionCodeSchema = z.enum(OPTION_CODES);

export const IssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  dataElementId: z.number(),
  option: OptionCodeSchema,
  message: z.string(),
  commented: z.boolean().optional(),
});

export const GridCellSchema = z.object({
  option: OptionCodeSchema,
  value: z.number().nullable(),
  comment: z.string().nullable(),
  version: z.number().nullable(),
  previous: z.number().nullable(),
  updatedAt: z.string().nullable(),
});

export const GridRowSchema = z.object({
  indicatorId: z.number(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  dataElementId: z.number(),
  dataElementCode: z.string(),
  dataElementName: z.string(),
  role: z.enum(['value', 'numerator', 'denominator']),
  unit: z.string().nullable(),
  valueType: z.enum(['count', 'amount', 'rate']),
  cells: z.array(GridCellSchema),
});

export const GridSchema = z.object({
  submission: SubmissionSchema,
  editable: z.boolean(),
  lockedReason: z.string().nullable(),
  options: z.array(z.object({ code: OptionCodeSchema, name: z.string() })),
  rows: z.array(GridRowSchema),
  /** Indicator values computed from the rows (ratio indicators), by indicator and option. */
  derived: z.array(z.object({ indicatorId: z.number(), option: OptionCodeSchema, value: z.number().nullable(), previous: z.number().nullable() })),
  issues: z.array(IssueSchema),
});
export type GridDto = z.infer<typeof GridSchema>;

export const CellSaveSchema = z.object({
  dataElementId: z.number().int().positive(),
  option: OptionCodeSchema,
  value: z.number().finite().nullable(),
  comment: z.string().max(500, '说明不超过 500 字').nullable().optional(),
  /** The version the person saw; null for a value that did not exist yet. */
  expectedVersion: z.number().int().nullable(),
});
export const SaveCellsBody = z.object({ cells: z.array(CellSaveSchema).min(1).max(500) });
export type CellSave = z.infer<typeof CellSaveSchema>;

export const SaveResultSchema = z.object({
  saved: z.array(z.object({ dataElementId: z.number(), option: OptionCodeSchema, version: z.number().nullable(), value: z.number().nullable() })),
  issues: z.array(IssueSchema),
});

export const ActionBody = z.object({ action: z.enum(WORKFLOW_ACTIONS), reason: z.string().max(500).optional() });

export const CompletenessSchema = z.object({
  task: TaskSchema,
  units: z.array(z.object({ id: z.number(), name: z.string() })),
  departments: z.array(z.string()),
  cells: z.array(SubmissionSchema),
});

export const AuditEntrySchema = z.object({
  dataElement: z.object({ id: z.number(), code: z.string(), name: z.string() }),
  orgUnit: z.object({ id: z.number(), name: z.string() }),
  period: z.number(),
  option: OptionCodeSchema,
  action: z.enum(['create', 'update', 'delete']),
  oldValue: z.number().nullable(),
  newValue: z.number().nullable(),
  oldComment: z.string().nullable(),
  newComment: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string(),
  via: z.string(),
});
export type AuditEntryDto = z.infer<typeof AuditEntrySchema>;

export const NotificationSchema = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

/** What an accepted xlsx template upload did. */
export const XlsxUploadResultSchema = z.object({
  imported: z.number(),
  updated: z.number(),
  deleted: z.number(),
  /** Filled cells that changed nothing. */
  ignored: z.number(),
  dryRun: z.boolean(),
  /** Saved anyway: changes that need a comment, locked sheets passed over. */
  warnings: z.array(z.string()),
});
export type XlsxUploadResultDto = z.infer<typeof XlsxUploadResultSchema>;
