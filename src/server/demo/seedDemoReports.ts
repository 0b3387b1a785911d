import type { Db } from '../db/connection';
import { analyticsService } from '../modules/analytics/service';
import { loadRoles, type AuthContext } from '../modules/auth/service';
import { reportDocumentsService } from '../modules/reports/documents/service';
import { orgsService } from '../modules/orgs/service';
import { attachmentStore } from '../services/attachments/store';

/** The year the demo's reports are about: the last with approved values for every unit. */
export const DEMO_REPORT_YEAR = 2024;

/**
 * Monitoring reports of the demo (演示数据), made the way the office makes them: 大连市's 2024
 * report of its women's plan worded, reviewed, approved and published (so the portal lists it),
 * and 西岗区's sent to its 统计监测组. Separate from seedDemo because printing takes seconds
 * (the .docx with its charts, the PDF by LibreOffice): the server seeds it on first start, tests
 * that need it call it.
 */
export async function seedDemoReports(db: Db, filesDir?: string): Promise<number> {
  const orgs = orgsService(db.kysely);
  const reports = reportDocumentsService(db.kysely, analyticsService(db.kysely, orgs), orgs, attachmentStore(db.kysely, filesDir));
  const as = async (username: string): Promise<AuthContext> => {
    const user = await db.kysely.selectFrom('users').select(['id', 'username', 'display_name']).where('username', '=', username).executeTakeFirstOrThrow();
    return { userId: user.id, username: user.username, displayName: user.display_name, roles: await loadRoles(db.kysely, user.id), csrfToken: '', tokenHash: '' };
  };
  const unitOf = async (code: string) => (await db.kysely.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;

  const office = await as('dalian_office');
  const city = await reports.create(office, { unitId: await unitOf('210200'), year: DEMO_REPORT_YEAR, plan: 'women' });
  if (city.content.kind !== 'annual') throw new Error('an annual report was asked for');
  const first = city.content.plans[0]!.areas[0]!.findings[0]!;
  const worded = await reports.saveFinding(office, city.id, first.indicatorId, {
    text: { headline: first.generated.headline, sentences: [...first.generated.sentences, '全市持续实施母婴安全行动计划，孕产妇系统管理质量稳步提高。'] },
    note: '数据由市卫健委提供，经市统计监测组审核。',
    expectedVersion: city.version,
  });
  await reports.act(office, worded.id, 'submit', null);
  await reports.act(await as('dalian_tongji'), city.id, 'pass', null);
  await reports.act(await as('dalian_leader'), city.id, 'approve', null);
  await reports.act(office, city.id, 'publish', null);

  const xigang = await reports.create(await as('xigang_office'), { unitId: await unitOf('210203'), year: DEMO_REPORT_YEAR, plan: 'both' });
  await reports.act(await as('xigang_office'), xigang.id, 'submit', null);
  // The mid-term evaluation's report, drafted by the office while the round is still open (seedDemoEvaluation.ts).
  const round = await db.kysely.selectFrom('evaluation_rounds').select('id').where('org_unit_id', '=', city.orgUnit.id).where('is_demo', '=', 1).executeTakeFirstOrThrow();
  const evaluation = await reports.createEvaluation(office, round.id);
  const ids = [city.id, xigang.id, evaluation.id];
  await db.kysely.updateTable('report_documents').set({ is_demo: 1 }).where('id', 'in', ids).execute();
  return ids.length;
}
