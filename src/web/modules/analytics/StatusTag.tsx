import { Tag } from 'antd';
import { STATUS_COLORS, STATUS_LABELS, type ProgressStatus } from './status';

/** A progress status as a coloured tag; “—” when there is none. */
export function StatusTag({ status }: { status: ProgressStatus | null }) {
  if (status === null) return <span className="text-muted">—</span>;
  return (
    <Tag color={STATUS_COLORS[status]} className="status-tag">
      {STATUS_LABELS[status]}
    </Tag>
  );
}

/** The colours of the statuses, named, for reading a chart or a scorecard. */
export function StatusLegend() {
  return (
    <ul className="status-legend" aria-label="状态图例">
      {(Object.keys(STATUS_COLORS) as ProgressStatus[]).map((status) => (
        <li key={status} className="status-legend__item">
          <span className="status-legend__swatch" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
          {STATUS_LABELS[status]}
        </li>
      ))}
    </ul>
  );
}
