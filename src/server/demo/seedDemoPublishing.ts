import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/connection';
import type { ArticleCategory } from '../db/schema';
import { parseEventsText } from '../../shared/events/parseEventsText';
import { articlesRepository } from '../modules/publishing/articles/repository';
import { htmlToText, sanitizeArticleHtml } from '../modules/publishing/articles/sanitize';
import { eventsRepository } from '../modules/publishing/events/repository';
import { searchIndex } from '../modules/publishing/search/service';

export const DEMO_EVENTS_TEXT = 'dalian-events-2011-2015.txt';

interface DemoArticle {
  unit: '210200' | '210203';
  category: ArticleCategory;
  title: string;
  day: string;
  body: string;
  tags: string[];
  pinned?: boolean;
  featured?: boolean;
}

/** Written for the demo (演示数据): what a committee office publishes in a year, none of it real news. */
const ARTICLES: DemoArticle[] = [
  {
    unit: '210200', category: 'notice', day: '2026-03-02', pinned: true, tags: ['数据填报', '监测'],
    title: '关于开展2025年度妇女儿童发展规划监测数据填报工作的通知（演示数据）',
    body: '<p>各区市县妇儿工委办公室、市妇儿工委各成员单位：</p><p>根据《大连市妇女发展规划（2021—2030年）》监测评估工作安排，现就2025年度监测数据填报工作通知如下。</p><h2>一、填报范围</h2><p>市妇儿工委各成员单位及各区市县，按指标体系中本单位负责的指标填报。</p><h2>二、时间安排</h2><table><tbody><tr><th>阶段</th><th>时间</th></tr><tr><td>成员单位网上填报</td><td>3月5日—3月31日</td></tr><tr><td>统计监测组审核</td><td>4月1日—4月20日</td></tr></tbody></table><h2>三、有关要求</h2><ol><li>数据须经本单位审核员审核后上报；</li><li>同比变化较大的数据须填写说明。</li></ol><p>附件：填报说明。</p>',
  },
  {
    unit: '210200', category: 'news', day: '2026-03-08', tags: ['两癌', '妇女健康'],
    title: '我市农村妇女“两癌”免费检查覆盖面进一步扩大（演示数据）',
    body: '<p>记者从市卫生健康委获悉，今年我市继续实施农村妇女“两癌”免费检查项目，并向城市低收入妇女扩展，全年计划为适龄妇女提供宫颈癌和乳腺癌免费筛查。</p><p>市妇儿工委办公室表示，“两癌”筛查率是《大连市妇女发展规划（2021—2030年）》妇女与健康领域的重要监测指标，将按季度跟踪进展。</p>',
  },
  {
    unit: '210200', category: 'news', day: '2026-02-20', tags: ['规划', '中期评估'],
    title: '市妇儿工委召开全体会议部署规划中期评估工作（演示数据）',
    body: '<p>2月20日，市政府妇女儿童工作委员会召开全体（扩大）会议，总结2025年妇女儿童工作，部署“两个规划”中期评估。</p><p>会议要求各成员单位对照主要目标逐项梳理完成情况，对进展缓慢的指标分析原因、提出措施。</p>',
  },
  {
    unit: '210200', category: 'policy', day: '2026-01-15', tags: ['政策文件'],
    title: '大连市妇女儿童发展规划监测评估工作办法（演示数据）',
    body: '<h2>第一章 总则</h2><p>第一条 为做好妇女儿童发展规划的监测评估工作，制定本办法。</p><h2>第二章 职责分工</h2><p>第二条 市妇儿工委办公室负责监测评估的组织协调；统计监测组负责数据审核与分析。</p>',
  },
  {
    unit: '210200', category: 'publicity', day: '2026-03-15', tags: ['宣传月'],
    title: '“规划宣传月”活动走进社区（演示数据）',
    body: '<p>3月，市妇儿工委办公室联合各成员单位开展“规划宣传月”活动，通过展板、讲座、线上问答等形式宣传妇女儿童发展规划内容。</p>',
  },
  {
    unit: '210203', category: 'news', day: '2026-03-10', featured: true, tags: ['儿童友好'],
    title: '西岗区建成首批儿童友好社区（演示数据）',
    body: '<p>西岗区按照儿童发展规划要求，在辖区街道建成首批儿童友好社区，设置儿童议事会和儿童活动空间。</p>',
  },
];

/** The demo's 大事记 (seed 000's 20 events, for the city) and its articles, published and indexed for search. */
export async function seedDemoPublishing(db: Db): Promise<{ events: number; articles: number }> {
  const text = readFileSync(fileURLToPath(new URL(`./texts/${DEMO_EVENTS_TEXT}`, import.meta.url)), 'utf8');
  const { events } = parseEventsText(text);
  const search = searchIndex(db.kysely, db.dialect);
  await db.kysely.transaction().execute(async (trx) => {
    const units = new Map((await trx.selectFrom('org_units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
    const offices = new Map((await trx.selectFrom('users').select(['id', 'username']).where('username', 'in', ['dalian_office', 'xigang_office']).execute()).map((u) => [u.username, u.id]));
    await eventsRepository(trx).upsert(units.get('210200')!, events, true);
    const articles = articlesRepository(trx);
    for (const a of ARTICLES) {
      const userId = offices.get(a.unit === '210200' ? 'dalian_office' : 'xigang_office')!;
      const bodyHtml = sanitizeArticleHtml(a.body);
      const id = await articles.insert({
        orgUnitId: units.get(a.unit)!, userId, isDemo: true, status: 'published', category: a.category, title: a.title, bodyHtml,
        summary: htmlToText(bodyHtml).slice(0, 120), coverAttachmentId: null, tags: a.tags.join(','), publishAt: `${a.day}T01:00:00.000Z`,
      });
      if (a.pinned || a.featured) await articles.update(id, 1, userId, { pinned: a.pinned ? 1 : 0, featured: a.featured ? 1 : 0 });
      await articles.addVersion(id, 'publish', userId);
      await search.indexArticle(trx, (await articles.find(id))!);
    }
  });
  return { events: events.length, articles: ARTICLES.length };
}
