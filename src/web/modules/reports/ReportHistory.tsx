import { Timeline } from 'antd';
import dayjs from 'dayjs';
import type { ReportStepDto } from '../../../shared/api/reports';
import { reportStepLabel, type ReportKind } from '../../../shared/reports/workflow';

const COLORS: Partial<Record<ReportStepDto['action'], string>> = { submit: 'blue', pass: 'cyan', approve: 'green', return: 'red', publish: 'green' };

/** Every step the report took, newest first, with the reason of each return. */
export function ReportHistory({ kind, steps }: { kind: ReportKind; steps: ReportStepDto[] }) {
  return (
    <Timeline
      className="report-history"
      items={[...steps].reverse().map((s, i) => ({
        key: i,
        color: COLORS[s.action] ?? 'gray',
        title: dayjs(s.at).format('YYYY-MM-DD HH:mm'),
        content: (
          <div>
            <strong>{reportStepLabel(kind, s.action)}</strong>
            {s.actor && <span className="report-history__actor">{s.actor}</span>}
            {s.comment && <div className="report-history__comment">理由：{s.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}
