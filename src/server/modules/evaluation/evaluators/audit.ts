import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import { changeLogRepository } from '../../../services/changeLog/repository';
import type { AuthContext } from '../../auth/service';

/** What a third-party evaluator did, as the audit trail names it. */
export type EvaluatorAction = 'sign_in' | 'view_round' | 'view_results' | 'view_form' | 'view_site_checks' | 'download_file' | 'download_report' | 'score';

export const EVALUATOR_ACTION_LABELS: Record<EvaluatorAction, string> = {
  sign_in: '登录', view_round: '查看评估', view_results: '查看评估结果', view_form: '查看自评表', view_site_checks: '查看督导检查',
  download_file: '下载佐证材料', download_report: '下载评估报告', score: '评分',
};

/**
 * Every action of a third-party evaluator goes to the platform's change log (entity `evaluator`,
 * the evaluator's user id): reads included, as the issue asks. Nothing for anyone else.
 */
export async function auditEvaluator(db: Kysely<Database>, user: AuthContext | null, action: EvaluatorAction, detail: string, old: string | null = null): Promise<void> {
  if (!user?.roles.some((g) => g.role === 'evaluator')) return;
  await changeLogRepository(db).record([{ entity: 'evaluator', entityId: user.userId, field: action, oldValue: old, newValue: detail }], user.userId);
}
