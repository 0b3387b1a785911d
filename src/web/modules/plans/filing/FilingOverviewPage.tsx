import { Card, Empty, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { FilingOverviewDto } from '../../../../shared/api/planFiling';
import { FILING_STATUS_LABELS, type FilingStatus } from '../../../../shared/plans/filing';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { useApiGet } from '../../../http/useApiGet';
import { KindTag } from '../KindTag';
import { filingUrls } from './api';
import { StandingTag } from './StandingTag';
import './filing.css';

type PlanRow = FilingOverviewDto['rows'][number]['plans'][number];
interface Line {
  key: string;
  unit: { id: number; name: string };
  /** Rows of one unit are drawn as one cell. */
  unitSpan: number;
  plan: PlanRow | null;
}

const SHOWN: FilingStatus[] = ['due', 'overdue', 'submitted', 'returned', 'accepted'];

const COLUMNS: TableColumnsType<Line> = [
  { title: '单位', key: 'unit', width: 120, onCell: (l) => ({ rowSpan: l.unitSpan }), render: (_, l) => l.unit.name },
  {
    title: '规划',
    key: 'plan',
    render: (_, l) =>
      l.plan ? (
        <span className="filing-plan-cell">
          <Link to={`/plans/${l.plan.id}`}>{l.plan.title}</Link> <KindTag kind={l.plan.kind} />
        </span>
      ) : (
        <span className="muted">尚未导入规划</span>
      ),
  },
  { title: '印发日期', key: 'released', width: 120, render: (_, l) => l.plan?.releasedOn ?? '—' },
  { title: '报送期限', key: 'due', width: 120, render: (_, l) => l.plan?.standing.dueOn ?? '—' },
  { title: '备案情况', key: 'status', width: 170, render: (_, l) => (l.plan ? <StandingTag status={l.plan.standing.status} late={l.plan.standing.late} /> : null) },
  {
    title: '低于上级目标',
    key: 'weaker',
    width: 120,
    align: 'right',
    render: (_, l) => (l.plan?.weaker == null ? '—' : <span className={l.plan.weaker > 0 ? 'filing-weaker' : undefined}>{l.plan.weaker} 项</span>),
  },
  {
    title: '操作',
    key: 'actions',
    width: 110,
    render: (_, l) =>
      l.plan?.latestFilingId ? <Link to={`/plans/filings/${l.plan.latestFilingId}`}>{l.plan.standing.status === 'submitted' ? '审核' : '查看'}</Link> : null,
  },
];

/** The office of a unit: the plans of the units below, due / filed / overdue (seed 001 §三: within one month of release). */
export default function FilingOverviewPage() {
  const { data, error, loading, reload } = useApiGet<FilingOverviewDto>(filingUrls.overview(null));
  const lines: Line[] = (data?.rows ?? []).flatMap((r): Line[] =>
    r.plans.length === 0
      ? [{ key: `u${r.unit.id}`, unit: r.unit, unitSpan: 1, plan: null }]
      : r.plans.map((p, i) => ({ key: `p${p.id}`, unit: r.unit, unitSpan: i === 0 ? r.plans.length : 0, plan: p })),
  );
  return (
    <>
      <PageHeader
        title="规划备案"
        description={`${data ? `${data.unit.name}下级单位` : '下级单位'}的妇女、儿童发展规划应在印发后 1 个月内报送本级妇儿工委办公室备案。今天：${data?.today ?? ''}`}
      />
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Card variant="borderless" className="content-card">
          {data && (
            <ul className="stat-row stat-row--compact" aria-label="备案统计">
              {SHOWN.map((s) => (
                <li key={s} className={`stat filing-stat filing-stat--${s}`}>
                  <span className="stat__value">{data.counts[s]}</span> <span className="stat__label">{FILING_STATUS_LABELS[s]}</span>
                </li>
              ))}
            </ul>
          )}
          <Table<Line>
            rowKey="key"
            columns={COLUMNS}
            dataSource={lines}
            loading={loading}
            pagination={false}
            bordered
            aria-label="下级单位规划备案情况"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有下级单位" /> }}
          />
        </Card>
      )}
    </>
  );
}
