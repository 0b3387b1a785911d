import { Button, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { WARNING_KIND_LABELS } from '../../../../shared/api/analytics';
import { formatDateTime } from '../../reporting/format';
import type { WarningCountsDto, WarningDto, WarningKind } from '../api';
import type { WarningRowDto } from '../../followup/api';
import { FollowupStateTag } from '../../followup/FollowupStateTag';

export const KIND_COLORS: Record<WarningKind, string> = { lagging: 'red', volatile: 'orange', overdue: 'purple' };

const count = (n: number, alert = false) => <span className={`num${n > 0 && alert ? ' text-alert' : n === 0 ? ' text-faint' : ''}`}>{n}</span>;

type CountKey = 'lagging' | 'volatile' | 'overdue' | 'unacknowledged';
const COUNT_ROWS: { key: CountKey; label: string }[] = [
  { key: 'lagging', label: WARNING_KIND_LABELS.lagging },
  { key: 'volatile', label: WARNING_KIND_LABELS.volatile },
  { key: 'overdue', label: WARNING_KIND_LABELS.overdue },
  { key: 'unacknowledged', label: '未处理' },
];

/** Per committee: its warnings by kind; kinds down, units across so eleven units fit one screen. */
export function WarningCountsTable({ counts }: { counts: WarningCountsDto[] }) {
  const columns: TableColumnsType<(typeof COUNT_ROWS)[number]> = [
    { title: '预警类型', key: 'kind', fixed: 'start', width: 120, render: (_, r) => r.label },
    ...counts.map((c) => ({
      title: c.orgUnit.name,
      key: String(c.orgUnit.id),
      align: 'right' as const,
      render: (_: unknown, r: (typeof COUNT_ROWS)[number]) => count(c[r.key], r.key === 'unacknowledged'),
    })),
  ];
  return (
    <Table
      rowKey="key"
      columns={columns}
      dataSource={COUNT_ROWS}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      aria-label="各单位预警数"
      locale={{ emptyText: '没有预警' }}
    />
  );
}

function Acknowledged({ ack }: { ack: NonNullable<WarningDto['acknowledged']> }) {
  return (
    <div className="ack">
      <Tag color="green">已确认</Tag>
      <span className="ack__who">
        {ack.by ?? '—'} · {formatDateTime(ack.at)}
      </span>
      <div className="ack__comment">{ack.comment}</div>
    </div>
  );
}

/**
 * The warnings, each with its reason, a link to the data, its 整改 and 确认 (for those who may) or
 * who acknowledged it; rows can be selected for bulk actions when `selection` is given.
 */
export function WarningList({ items, loading, onAcknowledge, selection, supervise }: {
  items: WarningRowDto[];
  loading: boolean;
  onAcknowledge?: (w: WarningDto) => void;
  selection?: { keys: string[]; onChange: (keys: string[]) => void };
  /** The 督办 action of a row (workitems), for those who may issue one. */
  supervise?: (w: WarningRowDto) => ReactNode;
}) {
  const columns: TableColumnsType<WarningRowDto> = [
    { title: '类型', key: 'kind', width: 116, render: (_, w) => <Tag color={KIND_COLORS[w.kind]}>{WARNING_KIND_LABELS[w.kind]}</Tag> },
    { title: '单位', key: 'unit', width: 96, render: (_, w) => w.orgUnit.name },
    { title: '指标 / 成员单位', key: 'subject', width: 200, render: (_, w) => w.indicator?.name ?? w.department ?? '—' },
    { title: '年度', key: 'year', width: 72, render: (_, w) => (w.year ? `${w.year}年` : '—') },
    { title: '原因', key: 'reason', render: (_, w) => <span className="warning-reason">{w.reason}</span> },
    {
      title: '数据',
      key: 'link',
      width: 80,
      render: (_, w) => (
        <Link to={w.link} aria-label={`查看数据：${w.orgUnit.name}${w.indicator?.name ?? w.department ?? ''}`}>
          查看
        </Link>
      ),
    },
    {
      title: supervise ? '整改 / 督办' : '整改',
      key: 'followup',
      width: 150,
      render: (_, w) => {
        const action = supervise?.(w);
        return (
          <>
            {w.followup ? (
              <Link to={`/followups/${w.followup.id}`} aria-label={`整改：${w.orgUnit.name}${w.indicator?.name ?? w.department ?? ''}`}>
                <FollowupStateTag state={w.followup.state} />
                <div className="text-faint">
                  {w.followup.department.name} · {w.followup.deadline}
                </div>
              </Link>
            ) : (
              <Typography.Text type="secondary">未整改</Typography.Text>
            )}
            {action && <div className="warning-supervise">{action}</div>}
          </>
        );
      },
    },
    {
      title: '确认',
      key: 'ack',
      width: 240,
      render: (_, w) =>
        w.acknowledged ? (
          <Acknowledged ack={w.acknowledged} />
        ) : !onAcknowledge ? (
          <Typography.Text type="secondary">未处理</Typography.Text>
        ) : (
          <Button size="small" onClick={() => onAcknowledge(w)} aria-label={`确认：${w.orgUnit.name}${w.indicator?.name ?? w.department ?? ''}`}>
            确认
          </Button>
        ),
    },
  ];
  return (
    <Table<WarningRowDto>
      rowKey="key"
      columns={columns}
      dataSource={items}
      rowSelection={selection && { selectedRowKeys: selection.keys, onChange: (keys) => selection.onChange(keys.map(String)), preserveSelectedRowKeys: false }}
      loading={loading}
      size="middle"
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      aria-label="预警列表"
      locale={{ emptyText: '没有符合条件的预警' }}
    />
  );
}
