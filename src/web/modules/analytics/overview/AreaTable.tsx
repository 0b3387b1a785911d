import { Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { areaLabel } from '../../plans/format';
import type { OverviewDto } from '../api';
import { PROGRESS_STATUSES, STATUS_COLORS, STATUS_LABELS } from '../status';
import { OWN_TARGETS_LABEL } from '../../../../shared/analytics/targetBasis';
import { TargetBasisTag } from '../TargetBasisTag';
import { StatusTag } from '../StatusTag';

type Area = OverviewDto['areas'][number];

const total = (a: Area) => PROGRESS_STATUSES.reduce((sum, s) => sum + (a.statusCounts[s] ?? 0), 0);

/** The status counts of each area; a row opens onto its indicators, each a link to its analysis. */
export function AreaTable({ areas, indicatorLink }: { areas: OverviewDto['areas']; indicatorLink: (id: number) => string }) {
  const columns: TableColumnsType<Area> = [
    { title: '规划', key: 'plan', width: 220, render: (_, a) => <span className="area-plan">{a.planTitle ?? '—'}</span> },
    // The group of indicators linked to no plan has a name but no number.
    { title: '领域', key: 'area', render: (_, a) => (a.no === null ? a.title : areaLabel(a.no, a.title)) },
    ...PROGRESS_STATUSES.map((status) => ({
      title: (
        <span className="status-heading">
          <span className="status-legend__swatch" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
          {STATUS_LABELS[status]}
        </span>
      ),
      key: status,
      width: 92,
      align: 'right' as const,
      render: (_: unknown, a: Area) => <span className="num">{a.statusCounts[status] ?? 0}</span>,
    })),
    { title: '合计', key: 'total', width: 64, align: 'right', render: (_, a) => <span className="num">{total(a)}</span> },
  ];
  return (
    <Table<Area>
      rowKey={(a) => (a.no === null ? 'unlinked' : `${a.planTitle}#${a.no}`)}
      columns={columns}
      dataSource={areas}
      pagination={false}
      size="middle"
      aria-label="各领域目标进展"
      expandable={{
        expandRowByClick: false,
        columnTitle: <span className="visually-hidden">展开</span>,
        expandedRowRender: (a) => (
          <ul className="area-indicators" aria-label={`${a.title}的指标`}>
            {a.indicators.map((i) => (
              <li key={i.id}>
                <StatusTag status={i.status} />
                <Link to={indicatorLink(i.id)}>{i.name}</Link>
                {i.targetBasis !== OWN_TARGETS_LABEL && <TargetBasisTag label={i.targetBasis} />}
              </li>
            ))}
          </ul>
        ),
        rowExpandable: (a) => a.indicators.length > 0,
      }}
      locale={{ emptyText: '暂无可评估的指标' }}
    />
  );
}
