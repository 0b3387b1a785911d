import { Tag } from 'antd';
import { REPORT_STATUS_LABELS, type ReportStatus } from '../../../shared/reports/workflow';

const COLORS: Record<ReportStatus, string> = { draft: 'default', reviewing: 'processing', approving: 'purple', approved: 'cyan', published: 'success' };

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  return <Tag color={COLORS[status]}>{REPORT_STATUS_LABELS[status]}</Tag>;
}
