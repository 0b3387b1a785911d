import { Card, Segmented } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiGet } from '../../http/useApiGet';
import { followupUrls, type FollowupDto } from './api';
import { FollowupTable } from './FollowupTable';

/** 预警整改: the office's follow-ups of its units, or a department's own. */
export default function FollowupListPage() {
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const { data, error, loading, reload } = useApiGet<FollowupDto[]>(followupUrls.list(status));
  return (
    <>
      <PageHeader title="预警整改" description="交办给成员单位的预警：成员单位答复原因、措施和预计达标时间，办公室采纳、退回或关闭；预警不再成立时显示「指标已恢复」。" />
      <Card
        variant="borderless"
        className="content-card"
        extra={<Segmented value={status} onChange={(v) => setStatus(v as 'open' | 'all')} options={[{ value: 'open', label: '未关闭' }, { value: 'all', label: '全部' }]} aria-label="范围" />}
      >
        {error && !data ? <LoadError error={error} onRetry={reload} /> : <FollowupTable items={data ?? []} loading={loading} />}
      </Card>
    </>
  );
}

/** A department's open follow-ups, on its home page; nothing when there are none. */
export function MyFollowupsCard() {
  const { data } = useApiGet<FollowupDto[]>(followupUrls.list('open'));
  if (!data?.length) return null;
  return (
    <Card variant="borderless" className="content-card" title={`待办预警整改（${data.length}）`}>
      <FollowupTable items={data} />
    </Card>
  );
}
