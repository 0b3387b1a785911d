import type { ProgressStatus } from '../../shared/analytics/progress';
import type { EntryDto, FormContentDto, FormGroupDto, FormItemDto } from '../../shared/api/unitreports';
import { formatNumber } from '../../shared/format';
import type { Db } from '../db/connection';
import { analyticsService } from '../modules/analytics/service';
import { COMMAND_LINE } from '../modules/auth/service';
import { orgsService } from '../modules/orgs/service';
import { responsibleItems } from '../modules/unitreports/forms';
import { unitReportsRepository } from '../modules/unitreports/repository';
import { unitReportsService } from '../modules/unitreports/service';
import { attachmentStore } from '../services/attachments/store';

/** Last year's round: 大连市's member departments and districts reported on 2025 by the end of January 2026. */
export const DEMO_REPORT_YEAR = 2025;
const OPENED = new Date('2025-12-10T01:00:00Z');
const DUE_ON = '2026-01-31';
/** The one department still owing its report (逾期未报) and the one whose report was returned. */
const OVERDUE = '应急局';
const RETURNED = '教育局';
/** 西岗区 reported upward; the city office has not decided on it yet. */
const SUBMITTED_AREA = '西岗区';

/** What each department did, in its own words; a department not listed gets the general wording. */
const PRACTICES: Record<string, string> = {
  卫健委: '实施母婴安全行动提升计划和妇幼健康服务能力提升工程，完善危重孕产妇和新生儿救治网络，推进“两癌”免费检查扩面',
  民政局: '落实城乡低保和特困人员救助供养政策，推进社区养老服务设施建设，指导城乡社区居委会、村委会换届选举中女性成员比例达标',
  人社局: '实施就业优先政策，开展女性创业培训和职业技能提升行动，推进企业职工基本养老保险全覆盖和工伤、失业保险扩面',
  统计局: '完善分性别统计制度，将妇女发展规划监测指标纳入统计年报和常规调查，组织开展数据质量核查',
  农业农村局: '实施高素质女农民培育计划，推进农村人居环境整治和卫生厕所改造，扶持女性领办农民专业合作社',
  教育局: '推进学前教育普及普惠和义务教育优质均衡发展，落实控辍保学责任，加强学校性别平等教育',
  医保局: '推进城乡居民基本医疗保险参保扩面，落实生育保险待遇，将“两癌”筛查有关项目纳入医保支付',
  市场监管局: '加强妇女儿童用品质量监督抽查，开展女性企业家培育和小微企业帮扶',
  体育局: '实施全民健身计划，建设城乡社区健身设施，举办面向妇女的健身赛事活动',
  生态环境局: '推进饮用水水源地保护和城乡生活污水治理，保障妇女儿童环境健康',
  科协: '实施女性科技人才培育计划，开展面向妇女的科普宣传和科学素质提升活动',
  妇联: '组织开展“巾帼建功”“最美家庭”等活动，推进家庭教育指导服务站点建设，维护妇女儿童合法权益',
  总工会: '推动女职工劳动保护专项集体合同签订，建设“爱心妈妈小屋”，开展女职工关爱行动',
  公安局: '依法严厉打击拐卖妇女儿童、家庭暴力等违法犯罪，推行家庭暴力告诫书制度',
  司法局: '加强妇女法律援助工作，开展“法律进社区、进家庭”普法宣传',
  法院: '设立家事审判庭，依法发出人身安全保护令，保障妇女在婚姻家庭中的合法权益',
};

const fallbackPractice = (name: string) => `结合本部门职责落实妇女发展规划有关任务，将${name}的规划任务纳入年度重点工作和考核`;

function figureText(item: FormItemDto): string {
  if (!item.latest) return `${item.name}尚无可用的监测数据，正在与统计部门衔接数据来源。`;
  const status = item.status && item.status !== 'insufficient_data' ? `，对照${item.note ?? '规划目标'}评估为“${STATUS_WORDS[item.status]}”` : '';
  return `${item.latest.year}年${item.name}为${formatNumber(item.latest.value, item.decimals)}${item.unit ?? ''}${status}。`;
}

const STATUS_WORDS: Record<ProgressStatus, string> = { achieved: '已实现', on_track: '进展顺利', moderate: '需加快', limited: '进展缓慢', deterioration: '出现倒退', insufficient_data: '数据不足' };

function problemText(item: FormItemDto): string {
  switch (item.status) {
    case 'achieved':
    case 'on_track':
      return '总体达到规划进度，但区县之间仍有差距，农村地区和流动人口的服务覆盖相对薄弱。';
    case 'moderate':
    case 'limited':
      return '进度慢于规划要求：相关投入和基层服务力量不足，部分区县工作推进不平衡。';
    case 'deterioration':
      return '较上年有所回落，主要受统计口径调整和服务对象结构变化影响，需加强分析研判。';
    default:
      return '数据来源和统计口径尚不完整，年度变化难以准确判断。';
  }
}

function entryOf(item: FormItemDto, dept: { name: string; short: string }, year: number): EntryDto {
  if (item.kind === 'area') {
    return {
      done: `围绕${item.name}领域目标，制定年度任务分工，督促责任单位逐项落实，开展年中监测和年底自查。`,
      figures: `${item.note ?? ''}。`,
      problems: '部分指标进度慢于规划要求，基层统计力量薄弱、数据报送不够及时。',
      nextYear: `${year + 1}年将对进度滞后的指标开展专项督导，推动责任单位制定整改措施。`,
    };
  }
  return {
    done: `${year}年，${dept.name}${PRACTICES[dept.short] ?? fallbackPractice(dept.name)}，推动${item.name}持续改善。`,
    figures: figureText(item),
    problems: problemText(item),
    nextYear: `${year + 1}年将把${item.name}纳入年度重点工作，细化措施、压实责任，确保如期实现规划目标。`,
  };
}

function contentOf(dept: { name: string; short: string }, groups: FormGroupDto[], year: number): FormContentDto {
  const name = dept.name;
  const items = groups.flatMap((g) => g.items);
  const met = items.filter((i) => i.status === 'achieved' || i.status === 'on_track').length;
  const overview = items.length
    ? `${year}年，${name}认真贯彻《大连市妇女发展规划（2021—2030年）》，将规划任务纳入部门年度工作要点。牵头负责的${items.length}项监测指标中，${met}项已实现或进展顺利。`
    : `${year}年，${name}认真贯彻《大连市妇女发展规划（2021—2030年）》，结合部门职责落实规划策略措施，未承担监测指标的数据报送任务。`;
  return {
    sections: {
      overview,
      practices: `${PRACTICES[dept.short] ?? fallbackPractice(name)}；建立规划任务台账，每半年调度一次。`,
      problems: '规划任务与部门日常工作结合不够紧密，基层落实力量不足。',
      nextYear: `${year + 1}年将对照规划中期评估要求，查找差距，补齐短板，加强与妇儿工委办公室的信息沟通。`,
    },
    items: Object.fromEntries(items.map((i) => [i.key, entryOf(i, dept, year)])),
  };
}

/**
 * The 2025 round of 大连市's annual reports: opened in December 2025, due 31 January 2026. Most
 * departments' reports accepted, written from the figures their form shows; 教育局's returned;
 * 应急局's overdue; 西岗区's upward report submitted and waiting, the other districts' accepted.
 */
export async function seedDemoUnitReports(db: Db): Promise<void> {
  const k = db.kysely;
  const repo = unitReportsRepository(k);
  const city = await repo.topUnit();
  if (!city) return;
  const orgs = orgsService(k);
  const analytics = analyticsService(k, orgs);
  const service = unitReportsService(k, orgs, analytics, attachmentStore(k));
  const round = await service.openRound(COMMAND_LINE, { orgUnitId: city.id, year: DEMO_REPORT_YEAR, dueOn: DUE_ON, note: '请各成员单位对照规划中期评估要求，如实报告本部门牵头指标的进展和存在问题。' }, { isDemo: true, now: OPENED });
  const forms = await repo.forms({ roundIds: [round.id] });
  let day = 0;
  for (const form of forms) {
    const name = form.department_short_name ?? form.unit_name;
    if (name === OVERDUE) continue;
    const groups = await responsibleItems(k, analytics, { orgUnitId: form.org_unit_id, departmentId: form.department_id });
    const content = contentOf({ name: form.department_name ?? `${form.unit_name}妇儿工委`, short: name }, groups, DEMO_REPORT_YEAR);
    const submitted = new Date(Date.parse('2026-01-12T02:00:00Z') + (day++ % 18) * 86_400_000).toISOString();
    const decided = new Date(Date.parse(submitted) + 3 * 86_400_000).toISOString();
    const state = name === RETURNED ? 'returned' : name === SUBMITTED_AREA ? 'submitted' : 'accepted';
    await k.transaction().execute(async (trx) => {
      const tx = unitReportsRepository(trx);
      await tx.updateForm(form.id, form.version, {
        state, content: JSON.stringify(content), submitted_at: submitted, first_submitted_at: submitted, updated_at: submitted,
        accepted_at: state === 'accepted' ? decided : null,
        // Accepted: the figures the form showed are kept, as the office's acceptance keeps them.
        accepted_items: state === 'accepted' ? JSON.stringify(groups) : null,
        returned_reason: state === 'returned' ? '请补充九年义务教育巩固率分性别、分城乡的情况，并说明农村学校控辍保学措施' : null,
      });
      await tx.insertEvents([
        { formId: form.id, action: 'submit', text: '', actorId: null, at: submitted },
        ...(state === 'submitted' ? [] : [{ formId: form.id, action: state === 'accepted' ? ('accept' as const) : ('return' as const), text: state === 'returned' ? '请补充九年义务教育巩固率分性别、分城乡的情况，并说明农村学校控辍保学措施' : '', actorId: null, at: decided }]),
      ]);
    });
  }
}
