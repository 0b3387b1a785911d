import type { SurveyDefinition } from '../../shared/surveys/model';
import type { Db } from '../db/connection';
import { COMMAND_LINE } from '../modules/auth/service';
import { departmentsService } from '../modules/orgs/departments';
import { orgsRepository } from '../modules/orgs/repository';
import { orgsService } from '../modules/orgs/service';
import { surveyCache } from '../modules/surveys/context';
import { surveysRepository } from '../modules/surveys/repository';
import { surveysService } from '../modules/surveys/service';
import { random } from './seedDemoSurveys';

/** The demo account whose department the 西岗区 office authorises to run surveys (seedDemoUsers). */
export const DEMO_SURVEY_REPORTER = 'xigang_jiaoyu';

const opts = (...labels: string[]) => labels.map((label, i) => ({ code: String(i + 1), label }));

const definition: SurveyDefinition = {
  sections: [{
    title: '',
    questions: [
      { code: 'G', type: 'single', title: '您的孩子在哪个学段就读？', required: true, options: opts('小学', '初中', '高中') },
      { code: 'L', type: 'single', title: '您是否知道《中华人民共和国家庭教育促进法》已于 2022 年 1 月 1 日起施行？', required: true, options: opts('知道', '听说过但不了解内容', '不知道') },
      { code: 'H', type: 'single', title: '工作日您每天陪伴孩子学习、运动或交流的时间大约是多少？', required: true, options: opts('不足半小时', '半小时至一小时', '一小时以上') },
      { code: 'N', type: 'multiple', title: '您最希望学校提供哪些家庭教育指导服务？', required: true, maxChoices: 3, options: opts('家长学校讲座', '个别咨询', '亲子活动', '线上课程', '心理健康指导') },
      { code: 'T', type: 'text', title: '您对学校开展家庭教育指导还有什么建议？', required: false, maxLength: 300 },
    ],
  }],
};

const SUGGESTIONS = ['希望家长学校安排在周末', '多讲讲青春期沟通', '线上课程方便回看', '希望有心理老师一对一咨询', '亲子活动可以多一些'];

/**
 * A survey built by a member department (演示数据): the 西岗区 office authorises 西岗区教育局 to
 * run surveys (可发起问卷调查, logged), and the 教育局 has run and closed a parents' survey on
 * 家庭教育 with a few hundred answers. The department is the demo reporter's, found by id.
 */
export async function seedDemoDepartmentSurveys(db: Db): Promise<{ surveyId: number; responses: number }> {
  const grant = await db.kysely
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.org_unit_id', 'r.department_id'])
    .where('u.username', '=', DEMO_SURVEY_REPORTER)
    .where('r.role', '=', 'reporter')
    .executeTakeFirstOrThrow();
  const departmentId = grant.department_id!;
  const orgs = orgsService(db.kysely);
  const department = (await orgsRepository(db.kysely).findDepartment(departmentId))!;
  await departmentsService(db.kysely, orgs).update(COMMAND_LINE, departmentId, { name: department.name, shortName: department.short_name, runsSurveys: true });

  const surveys = surveysService(db.kysely, orgs.tree, surveyCache(db.kysely));
  const survey = await surveys.create(
    COMMAND_LINE,
    {
      orgUnitId: grant.org_unit_id!, departmentId, title: '2025年西岗区中小学家长家庭教育知识调查', audience: 'adult', definition, accessMode: 'open',
      description: '演示数据。西岗区教育局了解家长对家庭教育促进法的知晓情况和指导服务需求，匿名填写，约需 2 分钟。',
      opensAt: '2025-09-01T00:00:00.000Z', closesAt: '2025-09-30T16:00:00.000Z',
    },
    { isDemo: true, status: 'open' },
  );
  await surveysRepository(db.kysely).setStatus(survey.id, 'closed', '2025-09-30T16:00:00.000Z');

  const rnd = random(20250901);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const ANSWERS = 360;
  const rows = Array.from({ length: ANSWERS }, (_, i) => {
    const stage = pick(['1', '1', '2', '3']);
    const values: Record<string, unknown> = {
      G: stage, L: rnd() < 0.58 ? '1' : rnd() < 0.6 ? '2' : '3', H: pick(['1', '2', '2', '3']), N: [...new Set([pick(['1', '2', '3', '4', '5']), pick(stage === '1' ? ['1', '3'] : ['2', '5'])])],
    };
    if (rnd() < 0.15) values.T = pick(SUGGESTIONS);
    const submittedAt = new Date(Date.UTC(2025, 8, 1) + Math.floor((i / ANSWERS) * 29 * 86400_000) + Math.floor(rnd() * 3600_000)).toISOString();
    return { surveyId: survey.id, answers: JSON.stringify({ values }), browserHash: null, idempotencyKey: `demo-${survey.id}-${i}`, accessCodeId: null, submittedAt, isDemo: true };
  });
  await db.kysely.transaction().execute((trx) => surveysRepository(trx).insertResponses(rows));
  return { surveyId: survey.id, responses: rows.length };
}
