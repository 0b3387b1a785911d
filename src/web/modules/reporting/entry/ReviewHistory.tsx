import { Empty, Timeline } from 'antd';
import { ACTION_LABELS, STATE_LABELS, type SubmissionState, type WorkflowAction } from '../../../../shared/monitoring/workflow';
import type { ReviewEventDto } from '../api';
import { formatDateTime } from '../format';

const COLORS: Record<string, string> = { submit: 'blue', review: 'cyan', approve: 'green', return: 'red', reopen: 'orange', remind: 'gray' };

const actionLabel = (action: string) => (action === 'remind' ? '催报' : (ACTION_LABELS[action as WorkflowAction] ?? action));
const stateLabel = (state: string) => STATE_LABELS[state as SubmissionState] ?? state;

/** The submission's review steps, newest first: who did what, when, and the reason given. */
export function ReviewHistory({ events }: { events: ReviewEventDto[] | undefined }) {
  if (!events?.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无审核记录" />;
  return (
    <Timeline
      className="review-history"
      items={[...events].reverse().map((e) => ({
        key: e.id,
        color: COLORS[e.action] ?? 'gray',
        title: formatDateTime(e.at),
        content: (
          <div className="review-history__item">
            <div>
              <strong>{e.by ?? '系统'}</strong> {actionLabel(e.action)}
              {e.from !== e.to && (
                <span className="review-history__states">
                  {stateLabel(e.from)} → {stateLabel(e.to)}
                </span>
              )}
            </div>
            {e.comment && <div className={`review-history__comment review-history__comment--${e.action}`}>{e.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}
