import { Alert, App, Button, Card, Empty, Form, Input, Modal, Space, Table, Tag, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ComparisonDto, FilingDto } from '../../../../shared/api/planFiling';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { errorMessage } from '../../../http/client';
import { useApiGet } from '../../../http/useApiGet';
import { allows } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/SessionContext';
import { filingUrls, lifecycleApi } from './api';
import { sortedRows, targetText, VERDICT_LABELS } from './comparisonLabels';
import { StandingTag } from './StandingTag';
import '../detail/detail.css';
import './filing.css';

type Row = ComparisonDto['rows'][number];

const COLUMNS: TableColumnsType<Row> = [
  { title: '指标', key: 'indicator', render: (_, r) => r.indicator },
  { title: '上级目标', key: 'city', width: 210, render: (_, r) => targetText(r.city) },
  { title: '本级目标', key: 'district', width: 210, render: (_, r) => targetText(r.district) },
  { title: '比较结果', key: 'verdict', width: 130, render: (_, r) => <Tag color={VERDICT_LABELS[r.verdict].color}>{VERDICT_LABELS[r.verdict].label}</Tag> },
  { title: '说明', key: 'note', render: (_, r) => r.note },
];

const STATE_STANDING = { submitted: 'submitted', accepted: 'accepted', returned: 'returned' } as const;

/** One filing: what was filed, its targets against the plan of the unit above, and the office's decision. */
export default function FilingPage() {
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const { data: filing, error, reload } = useApiGet<FilingDto>(Number.isInteger(id) && id > 0 ? filingUrls.filing(id) : null);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (error && !filing) return <LoadError error={error} onRetry={reload} />;
  if (!filing) return <PageLoading />;

  const decides = filing.state === 'submitted' && allows(user, 'plans.reviewFiling', { orgUnitId: filing.toOrgUnit.id });
  const decide = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      setReturning(false);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const c = filing.comparison;
  const weaker = c.rows.filter((r) => r.verdict === 'weaker');
  const unlinked = c.counts.unlinked ?? 0;

  return (
    <>
      <PageHeader
        breadcrumb={<><Link to="/plans/filings">规划备案</Link> / {filing.plan.orgUnit.name}</>}
        title={<span className="plan-heading">{filing.plan.title}<StandingTag status={STATE_STANDING[filing.state]} late={filing.late} /></span>}
        description={
          <dl className="plan-meta filing-meta">
            <div><dt>报送单位</dt><dd>{filing.plan.orgUnit.name}</dd></div>
            <div><dt>备案单位</dt><dd>{filing.toOrgUnit.name}</dd></div>
            <div><dt>印发日期</dt><dd>{filing.plan.releasedOn ?? '—'}</dd></div>
            <div><dt>报送期限</dt><dd>{filing.dueOn}</dd></div>
            <div><dt>报送时间</dt><dd>{dayjs(filing.filedAt).format('YYYY-MM-DD HH:mm')}{filing.filedBy ? `（${filing.filedBy}）` : ''}</dd></div>
            {filing.note && <div><dt>报送说明</dt><dd>{filing.note}</dd></div>}
            {filing.decidedAt && <div><dt>{filing.state === 'accepted' ? '接收时间' : '退回时间'}</dt><dd>{dayjs(filing.decidedAt).format('YYYY-MM-DD HH:mm')}{filing.decidedBy ? `（${filing.decidedBy}）` : ''}</dd></div>}
          </dl>
        }
        extra={
          decides && (
            <Space>
              <Button onClick={() => setReturning(true)} disabled={busy}>退回</Button>
              <Button type="primary" loading={busy} onClick={() => decide(() => lifecycleApi.accept(filing.id), '已接收备案，规划状态为已备案')}>接收备案</Button>
            </Space>
          )
        }
      />
      {filing.state === 'returned' && <Alert type="warning" showIcon className="page-alert" title="已退回" description={`退回理由：${filing.returnReason ?? ''}`} />}
      <Card variant="borderless" className="content-card filing-comparison">
        <h2 className="filing-section-title">与上级规划的目标比较</h2>
        {c.parentPlan ? (
          <Alert
            type={weaker.length > 0 ? 'error' : 'success'}
            showIcon
            className="page-alert"
            title={
              weaker.length > 0
                ? `${weaker.length} 项目标低于《${c.parentPlan.title}》：${weaker.slice(0, 5).map((r) => r.indicator).join('、')}${weaker.length > 5 ? ' 等' : ''}`
                : `各项目标均不低于《${c.parentPlan.title}》`
            }
            description={unlinked > 0 ? `另有 ${unlinked} 项目标未关联指标，无法比较；在指标管理中关联后，重新报送即可比较。` : undefined}
          />
        ) : (
          <Alert type="info" showIcon className="page-alert" title={`${filing.toOrgUnit.name}没有同类现行规划，无法逐项比较`} />
        )}
        <Table<Row>
          rowKey={(r, i) => `${r.city?.targetId ?? ''}-${r.district?.targetId ?? ''}-${i}`}
          columns={COLUMNS}
          dataSource={sortedRows(c)}
          pagination={false}
          size="middle"
          rowClassName={(r) => (r.verdict === 'weaker' ? 'is-weaker' : '')}
          aria-label="目标比较"
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="两份规划都没有量化指标目标" /> }}
        />
      </Card>
      {returning && (
        <Modal
          open
          title="退回备案"
          okText="退回"
          cancelText="取消"
          okButtonProps={{ disabled: reason.trim() === '', danger: true }}
          confirmLoading={busy}
          onCancel={() => setReturning(false)}
          onOk={() => decide(() => lifecycleApi.return(filing.id, reason.trim()), '已退回，报送单位将看到退回理由')}
        >
          <Form layout="vertical">
            <Form.Item label="退回理由" required>
              <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} showCount rows={4} aria-label="退回理由" placeholder="如：孕产妇死亡率目标低于市级规划，请调整后重新报送" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
