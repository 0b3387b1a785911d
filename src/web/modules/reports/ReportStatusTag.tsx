import { Tag } from 'antd';
import { reportStatusLabel, type ReportKind, type ReportStatus } from '../../../shared/reports/workflow';

const COLORS: Record<ReportStatus, string> = { draft: 'default', reviewing: 'processing', approving: 'purple', approved: 'cyan', published: 'success' };

export function ReportStatusTag({ kind, status }: { kind: ReportKind; status: ReportStatus }) {
  return <Tag color={COLORS[status]}>{reportStatusLabel(kind, status)}</Tag>;
}
