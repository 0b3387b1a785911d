import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const year = z.coerce.number().int().min(2000).max(2100);
const Ref = z.object({ id: z.number(), name: z.string() });

export const WorkPointRecordSchema = z.object({
  id: z.number(),
  kind: z.enum(['filing', 'notice']),
  onDate: z.string(),
  ref: z.string(),
  text: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type WorkPointRecordDto = z.infer<typeof WorkPointRecordSchema>;

/** Where a 实事项目 stands: not yet filed, filed (备案), notified (通报) at least once since. null: not a 实事项目. */
export const PracticalStateSchema = z.enum(['unfiled', 'filed', 'notified']).nullable();

export interface WorkPointDto {
  id: number;
  parentId: number | null;
  /** 1 section, 2 item, 3 sub-item. */
  level: number;
  /** The numbering shown: 「一、」「1.」「（1）」, from the point's place in the tree. */
  label: string;
  title: string;
  text: string;
  dueOn: string | null;
  practical: boolean;
  state: z.infer<typeof PracticalStateSchema>;
  /** Unit names the imported text mentions, to help pick departments. */
  mentioned: string[];
  leads: z.infer<typeof Ref>[];
  partners: z.infer<typeof Ref>[];
  records: WorkPointRecordDto[];
  keyItems: { id: number; no: number; name: string }[];
  /** 督办 on this point not yet closed. */
  openSupervisions: number;
  /** Nothing recorded on it or below it (备案, 通报, key item, 督办): it may be deleted. */
  deletable: boolean;
  /** The version a save names (compare-and-set): a save from an older one is refused. */
  version: number;
  children: WorkPointDto[];
}
export const WorkPointSchema: z.ZodType<WorkPointDto> = z.lazy(() =>
  z.object({
    id: z.number(), parentId: z.number().nullable(), level: z.number(), label: z.string(), title: z.string(), text: z.string(), dueOn: z.string().nullable(),
    practical: z.boolean(), state: PracticalStateSchema, mentioned: z.array(z.string()), leads: z.array(Ref), partners: z.array(Ref),
    records: z.array(WorkPointRecordSchema), keyItems: z.array(z.object({ id: z.number(), no: z.number(), name: z.string() })), openSupervisions: z.number(), deletable: z.boolean(),
    version: z.number(), children: z.array(WorkPointSchema),
  }),
);

export const WorkPointsQuery = z.object({ orgUnitId: z.coerce.number().int().positive().optional(), year: year.optional() });

export const WorkPointsSchema = z.object({
  orgUnit: Ref,
  year: z.number(),
  /** Years with work points at this unit, newest first. */
  years: z.array(z.number()),
  points: z.array(WorkPointSchema),
  /** The committee's member departments, to pick from. */
  departments: z.array(Ref),
  canManage: z.boolean(),
});
export type WorkPointsDto = z.infer<typeof WorkPointsSchema>;

const fields = {
  title: z.string().trim().min(1, '请填写标题').max(200, '标题最多 200 字'),
  text: z.string().max(5000, '内容最多 5000 字').default(''),
  dueOn: day.nullable().default(null),
  practical: z.boolean().default(false),
  leadIds: z.array(z.number().int().positive()).max(20).default([]),
  partnerIds: z.array(z.number().int().positive()).max(40).default([]),
};
/** An edit names the version it was made from: 0 for a point never edited. */
export const WorkPointInput = z.object({ ...fields, version: z.number().int().nonnegative() });
export type WorkPointInput = z.infer<typeof WorkPointInput>;

export const NewWorkPointInput = z.object({ ...fields, orgUnitId: z.number().int().positive(), year: year, parentId: z.number().int().positive().nullable() });
export type NewWorkPointInput = z.infer<typeof NewWorkPointInput>;

export const MoveInput = z.object({ direction: z.enum(['up', 'down']) });

export const RecordInput = z.object({
  kind: z.enum(['filing', 'notice']),
  onDate: day,
  ref: z.string().trim().max(200, '文号最多 200 字').default(''),
  text: z.string().trim().max(5000, '内容最多 5000 字').default(''),
});
export type RecordInput = z.infer<typeof RecordInput>;

export const LinksInput = z.object({ keyItemIds: z.array(z.number().int().positive()).max(50) });

/** A point of a preview: the parser's reading with unit names resolved to departments where one matched. */
export interface PreviewPointDto {
  line: number;
  label: string;
  title: string;
  text: string;
  dueOn: string | null;
  practical: boolean;
  leads: z.infer<typeof UnitMatch>[];
  partners: z.infer<typeof UnitMatch>[];
  mentioned: z.infer<typeof UnitMatch>[];
  children: PreviewPointDto[];
}
const UnitMatch = z.object({ name: z.string(), departmentId: z.number().nullable(), departmentName: z.string().nullable() });
const PreviewPointSchema: z.ZodType<PreviewPointDto> = z.lazy(() =>
  z.object({
    line: z.number(), label: z.string(), title: z.string(), text: z.string(), dueOn: z.string().nullable(), practical: z.boolean(),
    leads: z.array(UnitMatch), partners: z.array(UnitMatch), mentioned: z.array(UnitMatch), children: z.array(PreviewPointSchema),
  }),
);

export const PreviewQuery = z.object({ orgUnitId: z.coerce.number().int().positive(), year: year.optional() });
export const PreviewSchema = z.object({
  title: z.string().nullable(),
  year: z.number().nullable(),
  orgUnit: Ref,
  points: z.array(PreviewPointSchema),
  warnings: z.array(z.object({ line: z.number(), message: z.string() })),
});
export type PreviewDto = z.infer<typeof PreviewSchema>;

/** What the office saves after the preview: departments by id, picked or confirmed by a person. */
export interface ImportPointInput {
  title: string;
  text: string;
  dueOn: string | null;
  practical: boolean;
  leadIds: number[];
  partnerIds: number[];
  mentioned: string[];
  line: number | null;
  children: ImportPointInput[];
}
const ImportPointSchema: z.ZodType<ImportPointInput> = z.lazy(() =>
  z.object({
    ...fields, text: z.string().max(5000, '内容最多 5000 字'), dueOn: day.nullable(), practical: z.boolean(), leadIds: z.array(z.number().int().positive()).max(20), partnerIds: z.array(z.number().int().positive()).max(40),
    mentioned: z.array(z.string().max(50)).max(40), line: z.number().int().nullable(), children: z.array(ImportPointSchema).max(100),
  }),
);
export const ImportInput = z.object({ orgUnitId: z.number().int().positive(), year: year, points: z.array(ImportPointSchema).min(1, '没有可保存的条目').max(100) });
export type ImportInput = z.infer<typeof ImportInput>;
export const ImportResultSchema = z.object({ saved: z.number(), replaced: z.number() });
