import { PaperClipOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import type { ImplementationPlanDto, ImplementationStanding } from '../../../../shared/api/responsibilities';
import { STANDING_LABELS } from '../../../../shared/plans/implementation';

const COLORS: Record<ImplementationStanding, string> = { not_due: 'default', due: 'blue', overdue: 'red', submitted: 'gold', accepted: 'green', returned: 'orange' };

export function StandingTag({ standing }: { standing: ImplementationStanding }) {
  return <Tag color={COLORS[standing]}>{STANDING_LABELS[standing]}</Tag>;
}

/** One filed 实施方案: who and when, late or not, the decision, its files. */
export function ImplementationSummary({ filing }: { filing: ImplementationPlanDto }) {
  return (
    <div className="implementation-summary">
      <div className="text-muted">
        {filing.filedBy ?? '—'} 于 {dayjs(filing.filedAt).format('YYYY-MM-DD HH:mm')} 报送
        {filing.late && <Tag color="red" style={{ marginInlineStart: 8 }}>逾期报送</Tag>}
        {filing.decidedAt && `，${filing.decidedBy ?? '—'} 于 ${dayjs(filing.decidedAt).format('YYYY-MM-DD')} ${filing.state === 'accepted' ? '接收' : '退回'}`}
      </div>
      {filing.returnReason && <div className="implementation-summary__reason">退回理由：{filing.returnReason}</div>}
      <p className="implementation-text">{filing.text}</p>
      {filing.attachments.map((a) => (
        <div key={a.id}>
          <a href={a.url} target="_blank" rel="noreferrer">
            <PaperClipOutlined /> {a.name}
          </a>
        </div>
      ))}
    </div>
  );
}
