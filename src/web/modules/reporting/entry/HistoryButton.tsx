import { HistoryOutlined } from '@ant-design/icons';
import { Button, Empty, Popover, Spin } from 'antd';
import { useState } from 'react';
import type { AuditEntryDto } from '../../../../shared/api/reporting';
import { useApiGet } from '../../../http/useApiGet';
import { reportingUrls } from '../api';
import { formatDateTime, formatNumber, viaLabel } from '../format';
import type { CellState } from './entryState';

export interface AuditScope {
  orgUnitId: number;
  period: number;
}

export const ACTION_TEXT: Record<AuditEntryDto['action'], string> = { create: '填报', update: '修改', delete: '清除' };

function HistoryList({ cell, scope }: { cell: CellState; scope: AuditScope }) {
  const url = reportingUrls.audit({ ...scope, dataElementId: cell.dataElementId, option: cell.option });
  const { data, error, loading } = useApiGet<AuditEntryDto[]>(url);
  if (loading && !data) return <Spin size="small" className="history-list__loading" />;
  if (error) return <div className="history-list__error">{error.message}</div>;
  if (!data?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无修改记录" />;
  const newestFirst = [...data].reverse();
  return (
    <ol className="history-list" aria-label="修改记录">
      {newestFirst.map((e, i) => (
        <li key={`${e.at}-${i}`} className="history-list__item">
          <div className="history-list__change">
            <span className="history-list__action">{ACTION_TEXT[e.action]}</span>
            {e.action === 'create' ? (
              <span className="num">{formatNumber(e.newValue)}</span>
            ) : (
              <>
                <span className="num history-list__old">{formatNumber(e.oldValue)}</span>
                <span aria-hidden="true">→</span>
                <span className="num">{formatNumber(e.newValue)}</span>
              </>
            )}
          </div>
          <div className="history-list__who">
            {e.by ?? '系统'} · {formatDateTime(e.at)} · {viaLabel(e.via)}
          </div>
          {e.newComment !== e.oldComment && e.newComment && <div className="history-list__comment">说明：{e.newComment}</div>}
        </li>
      ))}
    </ol>
  );
}

/** The clock beside a value: its history (old → new, who, when, through which channel). */
export function HistoryButton({ cell, scope }: { cell: CellState; scope: AuditScope }) {
  const [open, setOpen] = useState(false);
  if (cell.value === null && cell.version === null) return null;
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      destroyOnHidden
      placement="bottomRight"
      title={`修改记录 · ${cell.label}`}
      content={<HistoryList cell={cell} scope={scope} />}
    >
      <Button type="text" size="small" tabIndex={-1} className="entry-cell__tool" aria-label={`修改记录：${cell.label}`} icon={<HistoryOutlined />} />
    </Popover>
  );
}
