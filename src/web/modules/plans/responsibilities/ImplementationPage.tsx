import { App, Button, Card, DatePicker, Empty, Input, Modal, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ImplementationOverviewDto, ImplementationStanding } from '../../../../shared/api/responsibilities';
import { STANDING_LABELS } from '../../../../shared/plans/implementation';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { errorMessage } from '../../../http/client';
import { useApiGet } from '../../../http/useApiGet';
import { responsibilitiesApi, responsibilitiesUrls } from './api';
import { ImplementationSummary, StandingTag } from './ImplementationStatus';
import './responsibilities.css';

type Row = ImplementationOverviewDto['rows'][number];

/** The office's page for a plan's 实施方案: the due date, who has filed or is late, accept or return. */
export default function ImplementationPage() {
  const { message } = App.useApp();
  const planId = Number(useParams().id);
  const { data, error, reload } = useApiGet<ImplementationOverviewDto>(Number.isInteger(planId) && planId > 0 ? responsibilitiesUrls.implementation(planId) : null);
  const [due, setDue] = useState<dayjs.Dayjs | null>(null);
  const [returning, setReturning] = useState<Row | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      reload();
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const counts = (Object.keys(STANDING_LABELS) as ImplementationStanding[]).filter((s) => data.counts[s]);

  return (
    <>
      <PageHeader
        breadcrumb={<><Link to="/plans">规划管理</Link> / <Link to={`/plans/${data.plan.id}`}>{data.plan.title}</Link></>}
        title="实施方案报送情况"
        description={`${data.plan.orgUnit.name}妇儿工委各成员单位按责任分解报送的实施方案。今天是 ${data.today}。`}
      />
      <Card variant="borderless" className="content-card" size="small">
        <Space wrap>
          <span>报送截止日期：{data.dueOn ?? <Typography.Text type="secondary">未设置</Typography.Text>}</span>
          <DatePicker value={due} onChange={setDue} placeholder="选择截止日期" aria-label="报送截止日期" />
          <Button type="primary" disabled={!due} loading={busy} onClick={() => due && run(() => responsibilitiesApi.setDue(data.plan.id, due.format('YYYY-MM-DD')), '截止日期已保存').then(() => setDue(null))}>
            {data.dueOn ? '修改截止日期' : '设置截止日期'}
          </Button>
          <span className="text-muted">{counts.map((s) => `${STANDING_LABELS[s]} ${data.counts[s]}`).join('　')}</span>
        </Space>
      </Card>
      <Card variant="borderless" className="content-card">
        {data.rows.length === 0 ? (
          <Empty description="本规划尚未设置牵头、配合单位：请先在规划页面设置或导入责任分解表" />
        ) : (
          <Table<Row>
            rowKey={(r) => r.department.id}
            dataSource={data.rows}
            pagination={false}
            columns={[
              { title: '成员单位', key: 'department', width: 200, render: (_, r) => <span title={r.department.name}>{r.department.shortName}</span> },
              { title: '状态', key: 'standing', width: 120, render: (_, r) => <StandingTag standing={r.standing} /> },
              { title: '实施方案', key: 'latest', render: (_, r) => (r.latest ? <ImplementationSummary filing={r.latest} /> : <span className="text-muted">尚未报送</span>) },
              {
                title: '操作', key: 'actions', width: 160,
                render: (_, r) =>
                  r.latest?.state === 'submitted' && data.canReview ? (
                    <Space>
                      <Button type="primary" size="small" loading={busy} onClick={() => run(() => responsibilitiesApi.accept(r.latest!.id), `已接收${r.department.shortName}的实施方案`)}>
                        接收
                      </Button>
                      <Button size="small" danger onClick={() => { setReason(''); setReturning(r); }}>
                        退回
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={returning !== null}
        title={`退回${returning?.department.shortName ?? ''}的实施方案`}
        okText="退回"
        cancelText="取消"
        okButtonProps={{ danger: true, disabled: reason.trim() === '' }}
        confirmLoading={busy}
        onCancel={() => setReturning(null)}
        onOk={async () => {
          if (returning?.latest && (await run(() => responsibilitiesApi.return(returning.latest!.id, reason.trim()), '已退回，该单位可修改后重新报送'))) setReturning(null);
        }}
      >
        <Input.TextArea rows={4} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="请写明退回理由，如需补充的内容" aria-label="退回理由" maxLength={1000} showCount />
      </Modal>
    </>
  );
}
