import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiGet } from '../../http/useApiGet';
import { allows } from '../auth/permissions';
import { useCurrentUser } from '../auth/SessionContext';
import { evaluationUrls, type RoundSummaryDto } from './api';
import { CreateRoundDrawer } from './CreateRoundDrawer';
import { KIND_LABELS } from './labels';

/** The evaluation rounds the user takes part in or oversees; the office and the 评估组 start new ones. */
export default function RoundsPage() {
  const user = useCurrentUser();
  const { data, error, loading, reload } = useApiGet<RoundSummaryDto[]>(evaluationUrls.rounds);
  const [creating, setCreating] = useState(false);
  useDemoData(data?.some((r) => r.isDemo) ?? false);
  return (
    <>
      <PageHeader
        title="规划评估"
        description="规划中期（2025 年）和终期（2030 年）评估：成员单位和下级妇儿工委对牵头的目标开展自评，评估组评审打分，形成评估结果。"
        extra={allows(user, 'evaluation.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>发起评估</Button>}
      />
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<RoundSummaryDto>
          rowKey="id"
          loading={loading}
          dataSource={data}
          pagination={false}
          locale={{ emptyText: '暂无评估' }}
          columns={[
            { title: '评估', key: 'title', render: (_, r) => <><Link to={`/evaluation/rounds/${r.id}`}>{r.title}</Link>{r.state === 'closed' && <Tag style={{ marginLeft: 8 }}>已结束</Tag>}</> },
            { title: '类型', key: 'kind', width: 100, render: (_, r) => KIND_LABELS[r.kind] },
            { title: '单位', key: 'unit', width: 100, render: (_, r) => r.orgUnit.name },
            { title: '自评截止', dataIndex: 'selfDueOn', width: 110 },
            { title: '评审截止', dataIndex: 'reviewDueOn', width: 110 },
            {
              title: '进度', key: 'counts', width: 300,
              render: (_, r) => `自评表 ${r.counts.total} 份：待自评 ${r.counts.draft}，退回 ${r.counts.returned}，待评审 ${r.counts.submitted}，已评审 ${r.counts.reviewed}`,
            },
          ]}
        />
      )}
      {creating && <CreateRoundDrawer onClose={() => setCreating(false)} />}
    </>
  );
}
