import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * A table whose rows point at org units or departments, and how to name them in a refusal.
 * Deleting checks these first so that it refuses in words rather than failing on a foreign key:
 * a module adding such a table adds its row to the list below.
 */
export interface ReferenceCheck {
  table: keyof Database;
  column: string;
  /** e.g. n → “3 个用户” */
  describe: (n: number) => string;
}

export const ORG_UNIT_REFERENCES: readonly ReferenceCheck[] = [
  { table: 'org_units', column: 'parent_id', describe: (n) => `${n} 个下级单位` },
  { table: 'plans', column: 'org_unit_id', describe: (n) => `${n} 部规划` },
  { table: 'users', column: 'org_unit_id', describe: (n) => `${n} 个用户` },
  { table: 'role_assignments', column: 'org_unit_id', describe: (n) => `${n} 项角色分配` },
  { table: 'reporting_tasks', column: 'org_unit_id', describe: (n) => `${n} 个填报任务` },
  { table: 'submissions', column: 'org_unit_id', describe: (n) => `${n} 条报送记录` },
  { table: 'data_values', column: 'org_unit_id', describe: (n) => `${n} 条填报数据` },
];

export const DEPARTMENT_REFERENCES: readonly ReferenceCheck[] = [
  { table: 'users', column: 'department_id', describe: (n) => `${n} 个用户` },
  { table: 'role_assignments', column: 'department_id', describe: (n) => `${n} 项角色分配` },
  { table: 'submissions', column: 'department_id', describe: (n) => `${n} 条报送记录` },
  { table: 'data_values', column: 'department_id', describe: (n) => `${n} 条填报数据` },
  { table: 'departments', column: 'counterpart_id', describe: (n) => `${n} 个下级对口成员单位` },
  { table: 'indicators', column: 'responsible_department_id', describe: (n) => `${n} 个指标（责任单位）` },
  { table: 'surveys', column: 'department_id', describe: (n) => `${n} 份问卷` },
];

/** What still points at any of `ids`, described (“2 个用户”); empty when nothing does. */
export async function referencesTo(db: Kysely<Database>, checks: readonly ReferenceCheck[], ids: readonly number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found: string[] = [];
  for (const check of checks) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(check.table)} where ${sql.ref(check.column)} in (${sql.join(ids)})`.execute(db);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) found.push(check.describe(n));
  }
  return found;
}
