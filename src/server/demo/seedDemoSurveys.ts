import type { Db } from '../db/connection';
import type { Answers, SurveyDefinition } from '../../shared/surveys/model';
import { COMMAND_LINE } from '../modules/auth/service';
import { orgsService } from '../modules/orgs/service';
import { surveyCache } from '../modules/surveys/context';
import { feedsService } from '../modules/surveys/feeds';
import { surveysRepository } from '../modules/surveys/repository';
import { surveysService } from '../modules/surveys/service';

/** A small seeded PRNG (mulberry32): the demo answers are the same on every machine. */
export function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const opts = (...labels: string[]) => labels.map((label, i) => ({ code: String(i + 1), label, ...(/请注明/.test(label) ? { other: true } : {}) }));

function adultDefinition(rootId: number): SurveyDefinition {
  return {
    sections: [
      {
        title: '基本情况',
        questions: [
          { code: 'D', type: 'region', title: '您现在居住在哪个区（县、市）？', required: true, regionRootId: rootId },
          { code: 'S', type: 'single', title: '您的性别', required: true, options: opts('女', '男') },
          { code: 'A', type: 'number', title: '您的年龄（周岁）', required: true, min: 18, max: 90, integer: true },
          { code: 'E', type: 'single', title: '您的文化程度', required: true, options: opts('初中及以下', '高中（含中专）', '大专', '本科及以上') },
        ],
      },
      {
        title: '健康知识',
        questions: [
          { code: 'K1', type: 'single', title: '您是否了解妇女营养健康知识（如孕前孕期补充叶酸、均衡膳食）？', required: true, options: opts('知道', '听说过但不清楚', '不知道') },
          {
            code: 'K2', type: 'multiple', title: '您是从哪些渠道了解到的？', required: true, randomize: true, maxChoices: 3,
            options: opts('社区宣传', '医院、妇幼保健院', '电视广播', '网络、手机', '其他（请注明）'), showIf: [{ question: 'K1', op: 'equals', value: '1' }],
          },
          { code: 'K3', type: 'single', title: '您是否知道适龄妇女应定期进行宫颈癌和乳腺癌筛查？', required: true, options: opts('知道', '不知道') },
          { code: 'F', type: 'rating', title: '您对家庭教育知识的了解程度', required: true, scale: { min: 1, max: 5, minLabel: '很不了解', maxLabel: '很了解' } },
          {
            code: 'M', type: 'matrix', title: '您对以下服务的满意程度', required: true, scale: { min: 1, max: 5, minLabel: '很不满意', maxLabel: '很满意' },
            rows: [{ code: 'r1', label: '妇幼保健服务' }, { code: 'r2', label: '托育服务' }, { code: 'r3', label: '儿童活动场所' }],
          },
          { code: 'T', type: 'text', title: '您对妇女儿童健康宣传还有什么建议？', required: false, maxLength: 300 },
        ],
      },
    ],
  };
}

function childDefinition(rootId: number): SurveyDefinition {
  return {
    sections: [{
      title: '',
      questions: [
        { code: 'D', type: 'region', title: '你的学校在哪个区？', required: true, regionRootId: rootId },
        { code: 'G', type: 'single', title: '你上几年级？', required: true, options: opts('小学四至六年级', '初中', '高中') },
        { code: 'C1', type: 'single', title: '遇到危险时，你知道可以打哪个电话报警吗？', required: true, options: opts('110', '120', '119', '不知道') },
        { code: 'C2', type: 'single', title: '你知道哪些身体部位别人不能随便碰吗？', required: true, options: opts('知道', '不太清楚') },
        { code: 'C3', type: 'rating', title: '你每天在校外运动的时间够一小时吗？（1 = 很少，5 = 每天都够）', required: true, scale: { min: 1, max: 5 } },
      ],
    }],
  };
}

const SUGGESTIONS = ['希望社区多开展营养健康讲座', '希望医院提供免费筛查的提醒', '手机上的健康知识推送很有用', '多宣传家庭教育知识', '希望增加托育服务', '儿童活动场所再多一些', '宣传材料通俗易懂一些'];

/**
 * The 2025 妇女儿童 knowledge survey (演示数据): an adult and a child version, a few thousand
 * generated answers across the districts, and its 知晓率 written into 妇女营养健康知识知晓率
 * through the value path (units whose 2025 data are already locked keep their reported value).
 */
export async function seedDemoSurveys(db: Db): Promise<{ responses: number; written: number }> {
  const orgs = orgsService(db.kysely);
  const cache = surveyCache(db.kysely);
  const surveys = surveysService(db.kysely, orgs.tree, cache);
  const root = (await db.kysely.selectFrom('org_units').select(['id']).where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
  const districts = await db.kysely.selectFrom('org_units').select(['id', 'name']).where('parent_id', '=', root).orderBy('sort').execute();
  const base = { orgUnitId: root, opensAt: '2025-10-01T00:00:00.000Z', closesAt: null, accessMode: 'open' as const };
  const adult = await surveys.create(
    COMMAND_LINE,
    { ...base, title: '2025年妇女儿童健康知识知晓情况调查', description: '演示数据。本问卷了解市民对妇女儿童健康知识的知晓情况，匿名填写，约需 3 分钟。', audience: 'adult', definition: adultDefinition(root) },
    { isDemo: true, status: 'open' },
  );
  const child = await surveys.create(
    COMMAND_LINE,
    { ...base, title: '2025年妇女儿童健康知识知晓情况调查（儿童版）', description: '演示数据。小朋友，请根据自己的情况选一选。', audience: 'child', definition: childDefinition(root) },
    { isDemo: true, status: 'open', variantOf: adult.id },
  );

  const rnd = random(20251001);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const at = (i: number, n: number) => new Date(Date.UTC(2025, 9, 1) + Math.floor((i / n) * 61 * 86400_000) + Math.floor(rnd() * 3600_000)).toISOString();
  // Knowledge differs by district, so the mapping writes different rates.
  const awareness = new Map(districts.map((d, i) => [d.id, 0.5 + ((i * 37) % 25) / 100]));
  const rows: Parameters<ReturnType<typeof surveysRepository>['insertResponses']>[0] = [];
  const ADULTS = 2400;
  for (let i = 0; i < ADULTS; i++) {
    const d = pick(districts).id;
    const k1 = rnd() < awareness.get(d)! ? '1' : rnd() < 0.5 ? '2' : '3';
    const values: Answers['values'] = {
      D: d, S: rnd() < 0.62 ? '1' : '2', A: 18 + Math.floor(rnd() * rnd() * 60), E: pick(['1', '2', '3', '4']), K1: k1,
      K3: rnd() < awareness.get(d)! + 0.1 ? '1' : '2', F: 1 + Math.min(4, Math.floor(rnd() * 3 + rnd() * 2.5)),
      M: { r1: 3 + Math.floor(rnd() * 3), r2: 2 + Math.floor(rnd() * 4), r3: 2 + Math.floor(rnd() * 4) },
    };
    const other: Record<string, string> = {};
    if (k1 === '1') {
      values.K2 = [...new Set([pick(['1', '2', '3', '4']), pick(['2', '4', '5'])])];
      if ((values.K2 as string[]).includes('5')) other.K2 = pick(['单位组织的讲座', '亲友告知', '学校家长会']);
    }
    if (rnd() < 0.2) values.T = pick(SUGGESTIONS);
    rows.push({ surveyId: adult.id, answers: JSON.stringify({ values, ...(Object.keys(other).length ? { other } : {}) }), browserHash: null, idempotencyKey: `demo-${adult.id}-${i}`, accessCodeId: null, submittedAt: at(i, ADULTS), isDemo: true });
  }
  const CHILDREN = 1200;
  for (let i = 0; i < CHILDREN; i++) {
    const d = pick(districts).id;
    const values = { D: d, G: pick(['1', '2', '3']), C1: rnd() < 0.86 ? '1' : pick(['2', '3', '4']), C2: rnd() < awareness.get(d)! + 0.15 ? '1' : '2', C3: 1 + Math.floor(rnd() * 5) };
    rows.push({ surveyId: child.id, answers: JSON.stringify({ values }), browserHash: null, idempotencyKey: `demo-${child.id}-${i}`, accessCodeId: null, submittedAt: at(i, CHILDREN), isDemo: true });
  }
  rows.sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  await db.kysely.transaction().execute((trx) => surveysRepository(trx).insertResponses(rows));

  const indicator = await db.kysely.selectFrom('indicators').select('id').where('code', '=', 'W01_072').executeTakeFirst();
  if (!indicator) return { responses: rows.length, written: 0 };
  const feeds = feedsService(db.kysely, orgs.tree, cache);
  const [feed] = await feeds.create(COMMAND_LINE, adult.id, { questionCode: 'K1', optionKeys: ['1'], regionQuestionCode: 'D', indicatorId: indicator.id, year: 2025, minSample: 30 });
  const written = await feeds.write(COMMAND_LINE, adult.id, feed!.id);
  return { responses: rows.length, written: written.rows.filter((r) => r.status === 'written').length };
}
