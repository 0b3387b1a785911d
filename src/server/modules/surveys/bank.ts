import type { Kysely } from 'kysely';
import type { BankQuestionDto } from '../../../shared/api/surveys';
import { checkDefinition, type Question } from '../../../shared/surveys/model';
import type { Database } from '../../db/schema';
import { appError, invalidField } from '../../errors';
import { can } from '../../../shared/policy';
import { assertCan, requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';
import type { OrgTree } from '../orgs/tree';
import { SURVEY_RULES } from './access';
import { bankRepository } from './bankRepository';

/** Limits of a unit's bank, checked before writing; a search answers with the newest matches. */
export const BANK_LIMITS = { questionsPerUnit: 2000, searchResults: 100 } as const;

/** What the bank keeps of a question: not its code nor its skip rules, which only mean something in their survey. */
export function bankCopy(q: Question): Omit<Question, 'code' | 'showIf'> {
  const { code: _code, showIf: _showIf, ...rest } = q;
  return rest;
}

/**
 * A unit's question bank: questions saved from its surveys to insert (as copies) into others.
 * Each bank belongs to one committee (unit); those who build that unit's surveys use it.
 */
export function surveyBankService(db: Kysely<Database>, tree: () => Promise<OrgTree>) {
  const repo = bankRepository(db);
  const dto = (r: { id: number; org_unit_id: number; question: string; created_at: string }): BankQuestionDto => ({
    id: r.id, orgUnitId: r.org_unit_id, question: JSON.parse(r.question) as BankQuestionDto['question'], createdAt: r.created_at,
  });
  const check = async (auth: AuthContext | null, orgUnitId: number) => assertCan(auth, SURVEY_RULES.manage, { orgUnitId, tree: await tree() });
  /** Reading and adding to a unit's bank also serves its authorised departments as they build their surveys. */
  const checkBuilder = async (auth: AuthContext | null, orgUnitId: number) => {
    const t = await tree();
    const user = requireAuth(auth);
    return can(user, 'surveys.manageOwn', { orgUnitId, tree: t }) ? user : assertCan(auth, SURVEY_RULES.manage, { orgUnitId, tree: t });
  };

  return {
    async list(auth: AuthContext | null, query: { orgUnitId: number; q?: string }): Promise<BankQuestionDto[]> {
      await checkBuilder(auth, query.orgUnitId);
      return (await repo.search(query.orgUnitId, query.q, BANK_LIMITS.searchResults)).map(dto);
    },

    async save(auth: AuthContext | null, input: { orgUnitId: number; question: Question }): Promise<BankQuestionDto> {
      const user = await checkBuilder(auth, input.orgUnitId);
      const kept = bankCopy(input.question);
      const problems = checkDefinition({ sections: [{ title: '', questions: [{ ...kept, code: 'Q' }] }] });
      if (problems.length) throw invalidField('question', problems.map((p) => p.replace(/^第 1 题（Q）：/, '')).join('；'));
      return db.transaction().execute(async (trx) => {
        const tx = bankRepository(trx);
        const rows = await tx.titles(input.orgUnitId);
        if (rows.length >= BANK_LIMITS.questionsPerUnit) throw invalidField('question', `题库最多 ${BANK_LIMITS.questionsPerUnit} 道题，请先删除不再使用的题目`);
        if (rows.some((r) => r.title === kept.title.trim() && r.type === kept.type)) throw invalidField('question', `题库中已有题目“${kept.title}”`);
        const row = await tx.insert({ orgUnitId: input.orgUnitId, title: kept.title.trim(), type: kept.type, question: JSON.stringify(kept), createdBy: user.userId > 0 ? user.userId : null }, new Date().toISOString());
        return dto(row);
      });
    },

    async remove(auth: AuthContext | null, id: number): Promise<void> {
      const row = await repo.unitOf(id);
      if (!row) throw appError('NOT_FOUND', `题库中没有这道题（编号 ${id}）`);
      await check(auth, row.org_unit_id);
      await repo.remove(id);
    },
  };
}
export type SurveyBankService = ReturnType<typeof surveyBankService>;
