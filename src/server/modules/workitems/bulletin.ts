import ExcelJS from 'exceljs';
import type { KeyItemDto, MilestoneDto, SupervisionDto } from '../../../shared/api/workitems';
import { formatNumber } from '../../../shared/format';
import { PERIOD_LABELS } from '../../../shared/workitems/milestones';
import { ITEM_STATUS_LABELS, MILESTONE_STATUS_LABELS, itemStatus, type ItemStatus } from '../../../shared/workitems/status';
import { SUPERVISION_STATE_LABELS } from '../../../shared/workitems/supervision';
import { writeXlsx } from '../../http/xlsxExport';
import { buildDocx, type Block } from '../../services/documents';

/*
 * The half-year and year-end 通报 on a year's key items: where each stands at the period's
 * milestones, the late ones with what their units reported, and the 督办 issued on them.
 */

export interface BulletinInput {
  unitName: string;
  year: number;
  period: 'H1' | 'annual';
  items: KeyItemDto[];
  supervisions: SupervisionDto[];
  /** The date the bulletin is issued, `YYYY-MM-DD`. */
  issuedOn: string;
}

/** The milestones a period's bulletin looks at: 上半年 at mid-year, all of them at year-end. */
const inPeriod = (period: BulletinInput['period']) => (m: MilestoneDto) => period === 'annual' || m.period === 'H1';

const units = (item: KeyItemDto) => item.leads.map((u) => u.name).join('、') || '—';
const target = (m: MilestoneDto) => (m.value === null ? m.text : `${formatNumber(m.value)}${m.unit ?? ''}`);
const reached = (m: MilestoneDto) => (m.achieved === null ? '' : `已完成 ${formatNumber(m.achieved)}${m.unit ?? ''}`);
const latestText = (m: MilestoneDto) => m.reports.at(-1)?.text ?? '未报送进展';

interface Line {
  item: KeyItemDto;
  status: ItemStatus;
  milestones: MilestoneDto[];
}

function lines(input: BulletinInput): Line[] {
  return input.items.map((item) => {
    const milestones = item.milestones.filter(inPeriod(input.period));
    return { item, milestones, status: itemStatus(milestones.map((m) => m.status)) };
  });
}

export function bulletinTitle(input: Pick<BulletinInput, 'unitName' | 'year' | 'period'>): string {
  return `${input.unitName}${input.year}年重要事项${input.period === 'H1' ? '上半年' : '全年'}推进情况通报`;
}

const tally = (ls: Line[]): [number, number, number] => [ls.filter((l) => l.status === 'done').length, ls.filter((l) => l.status === 'on_schedule').length, ls.filter((l) => l.status === 'late').length];

export async function bulletinDocx(input: BulletinInput): Promise<Buffer> {
  const ls = lines(input);
  const [done, onSchedule, late] = tally(ls);
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: '总体情况' },
    {
      kind: 'paragraph', indent: true,
      content: [`${input.year}年确定的${ls.length}项重要事项中，截至${input.period === 'H1' ? '上半年' : '年底'}，已完成${done}项，按计划推进${onSchedule}项，`, { text: `滞后${late}项`, bold: late > 0 }, '。'],
    },
    { kind: 'heading', level: 1, text: '各事项推进情况' },
    {
      kind: 'table', caption: `${input.year}年重要事项推进情况`, header: ['序号', '事项名称', '牵头单位', '节点目标', '进展', '状态'],
      rows: ls.map(({ item, milestones, status }) => [
        String(item.no), item.name, units(item),
        milestones.map((m) => `${PERIOD_LABELS[m.period]}：${target(m)}`).join('\n'),
        milestones.map((m) => `${PERIOD_LABELS[m.period]}：${MILESTONE_STATUS_LABELS[m.status]}${reached(m) ? `，${reached(m)}` : ''}`).join('\n'),
        ITEM_STATUS_LABELS[status],
      ]),
      align: ['center', 'left', 'left', 'left', 'left', 'center'], widths: [1, 4, 2.5, 4, 4, 1.8],
    },
  ];
  const lateLines = ls.filter((l) => l.status === 'late');
  if (lateLines.length) {
    blocks.push({ kind: 'heading', level: 1, text: '滞后事项' });
    for (const { item, milestones } of lateLines) {
      const overdue = milestones.filter((m) => m.status === 'overdue');
      blocks.push({ kind: 'paragraph', indent: true, content: [{ text: `${item.name}（${units(item)}）。`, bold: true }, overdue.map((m) => `${PERIOD_LABELS[m.period]}目标“${m.text}”未按期完成，${latestText(m)}`).join('；'), '。'] });
    }
  }
  if (input.supervisions.length) {
    blocks.push({ kind: 'heading', level: 1, text: '督办情况' });
    blocks.push({
      kind: 'table', caption: '督办事项', header: ['督办事由', '承办单位', '办理期限', '状态'],
      rows: input.supervisions.map((s) => [s.subject, s.department.name, s.dueOn, `${SUPERVISION_STATE_LABELS[s.state]}${s.round > 1 ? `（第${s.round}次督办）` : ''}`]),
      align: ['left', 'left', 'center', 'center'], widths: [6, 4, 2.5, 3],
    });
  }
  blocks.push({ kind: 'paragraph', indent: true, content: ['请各牵头单位对照年度目标抓好落实，滞后事项的牵头单位于收到通报后 10 个工作日内报送整改措施。'] });
  return buildDocx({ title: bulletinTitle(input), subtitle: [`${input.unitName}妇女儿童工作委员会办公室`, input.issuedOn], creator: `${input.unitName}妇女儿童工作委员会办公室`, blocks });
}

export async function bulletinXlsx(input: BulletinInput): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('推进情况');
  sheet.addRow([bulletinTitle(input)]).font = { bold: true, size: 13 };
  const header = sheet.addRow(['序号', '事项名称', '牵头单位', '配合单位', '节点', '目标', '目标值', '单位', '截止日期', '已完成', '节点状态', '最新进展', '事项状态', '未办结督办']);
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const { item, milestones, status } of lines(input)) {
    for (const m of milestones) {
      sheet.addRow([
        item.no, item.name, units(item), item.partners.map((u) => u.name).join('、'), PERIOD_LABELS[m.period], m.text, m.value, m.unit ?? '', m.due ?? '', m.achieved,
        MILESTONE_STATUS_LABELS[m.status], latestText(m), ITEM_STATUS_LABELS[status], item.openSupervisions,
      ]);
    }
  }
  [6, 30, 18, 18, 8, 40, 10, 8, 12, 10, 12, 40, 12, 10].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return writeXlsx(book);
}
