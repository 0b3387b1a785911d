import { Table, type TableColumnsType } from 'antd';
import type { AuditEntryDto } from '../../../../shared/api/reporting';
import { OPTION_LABELS } from '../../../../shared/monitoring/validation';
import { LoadError } from '../../../components/LoadError';
import { useApiGet } from '../../../http/useApiGet';
import { reportingUrls } from '../api';
import { formatDateTime, formatNumber, viaLabel } from '../format';
import { ACTION_TEXT } from './HistoryButton';

interface UnitAuditTableProps {
  orgUnitId: number;
  period: number;
  /** The data elements of this seat: the unit's other departments' changes are not listed here. */
  dataElementIds: ReadonlySet<number>;
}

const columns: TableColumnsType<AuditEntryDto> = [
  { title: '时间', key: 'at', width: 150, className: 'nowrap', render: (_, e) => formatDateTime(e.at) },
  { title: '数据项', key: 'item', render: (_, e) => `${e.dataElement.name}（${OPTION_LABELS[e.option]}）` },
  {
    title: '变更',
    key: 'change',
    width: 200,
    render: (_, e) => (
      <span className="num">
        {ACTION_TEXT[e.action]} {e.action === 'create' ? formatNumber(e.newValue) : `${formatNumber(e.oldValue)} → ${formatNumber(e.newValue)}`}
      </span>
    ),
  },
  { title: '说明', key: 'comment', render: (_, e) => (e.newComment !== e.oldComment ? (e.newComment ?? '（清除说明）') : '') },
  { title: '操作人', key: 'by', width: 160, render: (_, e) => e.by ?? '系统' },
  { title: '方式', key: 'via', width: 80, render: (_, e) => viaLabel(e.via) },
];

/** Every change of this seat's values in the year, newest first: the audit trail per unit. */
export function UnitAuditTable({ orgUnitId, period, dataElementIds }: UnitAuditTableProps) {
  const { data, error, loading, reload } = useApiGet<AuditEntryDto[]>(reportingUrls.audit({ orgUnitId, period }));
  if (error) return <LoadError error={error} onRetry={reload} />;
  const rows = (data ?? []).filter((e) => dataElementIds.has(e.dataElement.id)).reverse();
  return (
    <Table<AuditEntryDto>
      aria-label="本表修改记录"
      size="small"
      loading={loading && !data}
      rowKey={(e) => `${e.at}:${e.dataElement.id}:${e.option}:${e.action}`}
      columns={columns}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: '暂无修改记录' }}
    />
  );
}
