import ExcelJS from 'exceljs';
import { STATUS_LABELS } from '../../../shared/analytics/progress';
import { ENTRY_KEYS, ENTRY_LABELS, SECTION_KEYS, SECTION_LABELS, type FormContentDto, type FormGroupDto, type FormItemDto, type ParticipantDto } from '../../../shared/api/unitreports';
import { formatNumber } from '../../../shared/format';
import { FORM_STATE_LABELS, figuresNote } from '../../../shared/unitreports/workflow';
import { writeXlsx } from '../../http/xlsxExport';
import type { Block, DocumentSpec } from '../../services/documents';

/*
 * The office's compilation of a round: every accepted report in one .docx (by plan area, then unit;
 * then each unit's free sections; then the lower committees' reports) and the table of submissions.
 */

export interface CompiledReport {
  participant: ParticipantDto;
  groups: FormGroupDto[];
  /** The Beijing date whose figures `groups` holds (frozen at acceptance); null: today's (accepted before snapshots were kept). */
  figuresAsOf: string | null;
  content: FormContentDto;
}

export interface CompileInput {
  unitName: string;
  year: number;
  dueOn: string;
  participants: ParticipantDto[];
  accepted: CompiledReport[];
  issuedOn: string;
}

export const compiledTitle = (i: Pick<CompileInput, 'unitName' | 'year'>) => `${i.unitName}${i.year}年度妇女儿童发展规划实施情况成员单位报告汇编`;

const local = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : '');

function itemHeadline(item: FormItemDto): string {
  if (item.kind === 'area') return `${item.name}：${item.note ?? ''}`;
  const value = item.latest ? `${item.latest.year}年为${formatNumber(item.latest.value, item.decimals)}${item.unit ?? ''}` : '暂无数据';
  return `${item.name}（${value}${item.status ? `，${STATUS_LABELS[item.status]}` : ''}）`;
}

/** One item's four answers as paragraphs; an empty answer is left out. */
function entryBlocks(item: FormItemDto, content: FormContentDto): Block[] {
  const entry = content.items[item.key];
  const filled = ENTRY_KEYS.filter((k) => entry?.[k]?.trim());
  if (!filled.length) return [];
  return [
    { kind: 'paragraph', indent: true, content: [{ text: itemHeadline(item), bold: true }] },
    ...filled.map((k): Block => ({ kind: 'paragraph', indent: true, content: [{ text: `${ENTRY_LABELS[k]}：`, bold: true }, entry![k].trim()] })),
  ];
}

function sectionBlocks(content: FormContentDto): Block[] {
  return SECTION_KEYS.filter((k) => content.sections[k].trim()).flatMap((k): Block[] => [
    { kind: 'heading', level: 3, text: SECTION_LABELS[k] },
    ...content.sections[k].trim().split(/\n+/).map((p): Block => ({ kind: 'paragraph', indent: true, content: [p.trim()] })),
  ]);
}

/** Under a unit's heading: the date its figures are from. */
const asOfBlocks = (r: CompiledReport): Block[] => (r.figuresAsOf ? [{ kind: 'paragraph', indent: true, content: [`（${figuresNote(r.figuresAsOf)}）`] }] : []);

/** The compilation as a document: built from the accepted reports only, in the committee's order. */
export function compiledSpec(input: CompileInput): DocumentSpec {
  const departments = input.accepted.filter((r) => r.participant.kind === 'department');
  const areas = input.accepted.filter((r) => r.participant.kind === 'area');
  const total = input.participants.length;
  const late = input.participants.filter((p) => p.overdueDays > 0).length;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: '报送情况' },
    {
      kind: 'paragraph', indent: true,
      content: [`${input.year}年度规划实施情况报告应报${total}家（成员单位${input.participants.filter((p) => p.kind === 'department').length}家、下级妇儿工委${input.participants.filter((p) => p.kind === 'area').length}家），截止日期${input.dueOn}。已接收${input.accepted.length}家，`, `逾期报送或未报${late}家。本汇编收录已接收的报告，报告中的指标数据为各单位报告受理时的数据。`],
    },
  ];

  // By plan area, then unit: the areas in the order the reports list them.
  const areaOrder: { planTitle: string | null; title: string }[] = [];
  for (const r of departments) for (const g of r.groups) if (!areaOrder.some((a) => a.planTitle === g.planTitle && a.title === g.title)) areaOrder.push({ planTitle: g.planTitle, title: g.title });
  if (departments.length) {
    blocks.push({ kind: 'heading', level: 1, text: '分领域规划实施情况' });
    for (const area of areaOrder) {
      const parts = departments.flatMap((r) => {
        const group = r.groups.find((g) => g.planTitle === area.planTitle && g.title === area.title);
        const body = group ? group.items.flatMap((i) => entryBlocks(i, r.content)) : [];
        return body.length ? [{ name: r.participant.name, body }] : [];
      });
      if (!parts.length) continue;
      blocks.push({ kind: 'heading', level: 2, text: area.title });
      for (const p of parts) blocks.push({ kind: 'heading', level: 3, text: p.name }, ...p.body);
    }
    blocks.push({ kind: 'heading', level: 1, text: '各成员单位工作综述' });
    for (const r of departments) {
      blocks.push({ kind: 'heading', level: 2, text: r.participant.name }, ...asOfBlocks(r), ...sectionBlocks(r.content));
    }
  }
  if (areas.length) {
    blocks.push({ kind: 'heading', level: 1, text: '下级妇儿工委规划实施情况' });
    for (const r of areas) {
      blocks.push({ kind: 'heading', level: 2, text: r.participant.name }, ...asOfBlocks(r));
      for (const g of r.groups) blocks.push(...g.items.flatMap((i) => entryBlocks(i, r.content)));
      blocks.push(...sectionBlocks(r.content));
    }
  }
  blocks.push({
    kind: 'table', caption: '年度报告报送情况', header: ['报送单位', '状态', '提交日期', '接收日期', '逾期天数'],
    rows: input.participants.map((p) => [p.name, FORM_STATE_LABELS[p.state], local(p.submittedAt), local(p.acceptedAt), p.overdueDays ? String(p.overdueDays) : '']),
    align: ['left', 'center', 'center', 'center', 'center'], widths: [5, 2, 3, 3, 2],
  });
  const office = `${input.unitName}妇女儿童工作委员会办公室`;
  return { title: compiledTitle(input), subtitle: [office, input.issuedOn], tableOfContents: true, creator: office, blocks };
}

/** The table of submissions: unit, state, submitted at, accepted at, overdue days. */
export async function submissionsXlsx(input: Pick<CompileInput, 'unitName' | 'year' | 'dueOn' | 'participants'>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('报送情况');
  sheet.addRow([`${input.unitName}${input.year}年度规划实施情况报告报送情况（截止日期 ${input.dueOn}）`]).font = { bold: true, size: 13 };
  const header = sheet.addRow(['报送单位', '类别', '状态', '提交日期', '接收日期', '逾期天数', '退回原因']);
  header.font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const p of input.participants) {
    sheet.addRow([p.name, p.kind === 'area' ? '下级妇儿工委' : '成员单位', FORM_STATE_LABELS[p.state], local(p.submittedAt), local(p.acceptedAt), p.overdueDays, p.state === 'returned' ? p.returnedReason ?? '' : '']);
  }
  [28, 14, 10, 12, 12, 10, 40].forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return writeXlsx(book);
}
