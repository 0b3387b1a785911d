import { LINK_FLAG_LABELS, type ImportOutcome, type IndicatorRefDto, type LinkReportDto } from '../../../shared/api/plans';
import type { ParseResult } from '../../../shared/plan-text';

const OUTCOME_LABEL: Record<ImportOutcome['outcome'], string> = { created: '已新建', updated: '已更新', unchanged: '无变化' };

const ref = (i: IndicatorRefDto) => `${i.code} ${i.name}`;

/** What the import did to the links with the indicator dictionary, one line per kind. */
function linkLines(links: LinkReportDto): string[] {
  const lines: string[] = [];
  if (links.linked.length) lines.push(`  已关联已有指标 ${links.linked.length} 个：${links.linked.map((l) => `${l.target} → ${ref(l.indicator)}`).join('；')}`);
  if (links.ambiguous.length) {
    lines.push(`  有歧义未关联 ${links.ambiguous.length} 个（请在“从规划生成指标”中选择）：${links.ambiguous.map((a) => `${a.target}（${a.candidates.map(ref).join('、')}）`).join('；')}`);
  }
  for (const c of links.carried) lines.push(`  指标目标已更新：${ref(c.indicator)} ${c.before} → ${c.after}`);
  for (const r of links.restored) lines.push(`  已恢复关联：${r.item} → ${ref(r.indicator)}`);
  for (const f of links.flagged) lines.push(`  待处理（${LINK_FLAG_LABELS[f.kind]}）：${ref(f.indicator)}，${f.message}`);
  return lines;
}

/** The command line's Chinese report of what a plan document holds and what importing it did. */
export function planImportSummary(result: ParseResult, outcomes: ImportOutcome[] | null): string {
  const lines: string[] = [];
  result.plans.forEach((plan, i) => {
    const goals = plan.areas.reduce((n, a) => n + a.goals.length, 0);
    const measures = plan.areas.reduce((n, a) => n + a.measures.length, 0);
    const targets = plan.areas.reduce((n, a) => n + a.goals.reduce((m, g) => m + g.targets.length, 0), 0);
    lines.push(`${plan.title}（${plan.periodStart}—${plan.periodEnd}年）：${plan.areas.length} 个领域，${goals} 条主要目标，${measures} 条策略措施，${targets} 个量化指标目标`);
    lines.push(`  各领域目标数：${plan.areas.map((a) => a.goals.length).join(' ')}；措施数：${plan.areas.map((a) => a.measures.length).join(' ')}`);
    const outcome = outcomes?.[i];
    if (outcome) {
      const { added, changed, removed } = outcome.changes;
      const detail = outcome.outcome === 'updated' ? `：新增 ${added.length}，修改 ${changed.length}，删除 ${removed.length}` : '';
      lines.push(`  ${OUTCOME_LABEL[outcome.outcome]}（${outcome.orgUnit.name}）${detail}`);
      for (const [label, items] of [['新增', added], ['修改', changed], ['删除', removed]] as const) {
        if (items.length) lines.push(`    ${label}：${items.join('、')}`);
      }
      for (const d of outcome.changes.details) {
        if (d.what !== '目标原文' && d.what !== '措施原文') lines.push(`    ${d.item} ${d.what}：${d.before} → ${d.after}`);
      }
      lines.push(...linkLines(outcome.links));
    }
  });
  if (!outcomes) lines.push('（试运行：未写入数据库）');
  for (const w of result.warnings) lines.push(`提示 第 ${w.line} 行：${w.message}`);
  return `${lines.join('\n')}\n`;
}
