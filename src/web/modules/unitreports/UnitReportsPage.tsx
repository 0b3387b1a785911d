import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { RoundSummaryDto } from '../../../shared/api/unitreports';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { useUnitOptions } from '../analytics/useUnitOptions';
import { allows } from '../auth/permissions';
import { useCurrentUser } from '../auth/SessionContext';
import { OrgUnitSelect } from '../orgs/OrgUnitSelect';
import { unitReportsApi, unitReportsUrls, type MyFormDto, type RoundListDto } from './api';
import { FormStateTag, OverdueText } from './FormStateTag';
import './unitreports.css';

/** 年度报告: the reports the user's unit owes, and for the committee the rounds of its unit. */
export default function UnitReportsPage() {
  const user = useCurrentUser();
  const readsRounds = allows(user, 'unitreports.read');
  const mine = useApiGet<MyFormDto[]>(unitReportsUrls.mine);
  return (
    <>
      <PageHeader
        title="年度报告"
        description="各级规划实施责任单位每年向同级妇儿工委报告规划落实情况和下一年工作安排，下级妇儿工委每年向上级妇儿工委报告本地区规划实施情况。"
      />
      {mine.error ? <LoadError error={mine.error} onRetry={mine.reload} /> : (mine.data?.length ?? 0) > 0 && <MyForms forms={mine.data!} />}
      {readsRounds && <Rounds />}
    </>
  );
}

function MyForms({ forms }: { forms: MyFormDto[] }) {
  useDemoData(forms.some((f) => f.isDemo));
  return (
    <Card size="small" title="本单位应报的年度报告" style={{ marginBottom: 16 }}>
      <Table<MyFormDto>
        rowKey="formId" size="small" pagination={false} dataSource={forms}
        rowClassName={(f) => (f.overdueDays > 0 && (f.state === 'draft' || f.state === 'returned') ? 'unitreports-row--overdue' : '')}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '报送单位', dataIndex: 'name' },
          { title: '报送给', dataIndex: 'committee' },
          { title: '截止日期', dataIndex: 'dueOn', width: 120 },
          { title: '状态', dataIndex: 'state', width: 160, render: (_: unknown, f) => <><FormStateTag state={f.state} /><OverdueText days={f.overdueDays} /></> },
          { title: '退回原因', dataIndex: 'returnedReason', render: (r: string | null, f) => (f.state === 'returned' ? r : '') },
          { title: '', key: 'open', width: 90, render: (_: unknown, f) => <Link to={`/unitreports/forms/${f.formId}`}>{f.state === 'draft' || f.state === 'returned' ? '填写报告' : '查看'}</Link> },
        ]}
      />
    </Card>
  );
}

function Rounds() {
  const user = useCurrentUser();
  const { options } = useUnitOptions(user);
  const [unitId, setUnitId] = useState<number | undefined>();
  const [opening, setOpening] = useState(false);
  const { data, error, loading, reload } = useApiGet<RoundListDto>(unitReportsUrls.rounds(unitId));
  useDemoData(data?.rounds.some((r) => r.isDemo) ?? false);
  return (
    <Card
      size="small"
      title={`${data?.orgUnit.name ?? ''}妇儿工委年度报告`}
      extra={data?.canManage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)}>发起年度报告</Button>}
    >
      <div className="unitreports-toolbar">
        <OrgUnitSelect options={options} value={data?.orgUnit.id ?? unitId} onChange={(v) => setUnitId(v ?? undefined)} style={{ width: 200 }} aria-label="单位" />
      </div>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<RoundSummaryDto>
          rowKey="id" size="small" loading={loading} dataSource={data?.rounds} pagination={false}
          locale={{ emptyText: data?.canManage ? '还没有发起过年度报告' : '暂无年度报告' }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 90, render: (y: number, r) => <Link to={`/unitreports/rounds/${r.id}`}>{y} 年度</Link> },
            { title: '截止日期', dataIndex: 'dueOn', width: 120 },
            { title: '应报', dataIndex: 'total', width: 70, align: 'center' },
            { title: '已接收', key: 'accepted', width: 80, align: 'center', render: (_: unknown, r) => r.counts.accepted },
            { title: '待审阅', key: 'submitted', width: 80, align: 'center', render: (_: unknown, r) => r.counts.submitted },
            { title: '未提交', key: 'draft', width: 80, align: 'center', render: (_: unknown, r) => r.counts.draft },
            { title: '已退回', key: 'returned', width: 80, align: 'center', render: (_: unknown, r) => r.counts.returned },
            { title: '逾期', dataIndex: 'overdue', width: 70, align: 'center', render: (n: number) => (n ? <span className="unitreports-overdue">{n}</span> : 0) },
            { title: '说明', dataIndex: 'note', ellipsis: true },
          ]}
        />
      )}
      {opening && data && <OpenRoundModal orgUnit={data.orgUnit} onClose={() => setOpening(false)} onDone={reload} />}
    </Card>
  );
}

function OpenRoundModal({ orgUnit, onClose, onDone }: { orgUnit: { id: number; name: string }; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ year: number; dueOn: dayjs.Dayjs; note: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const round = await unitReportsApi.open({ orgUnitId: orgUnit.id, year: v.year, dueOn: v.dueOn.format('YYYY-MM-DD'), note: v.note ?? '' });
      message.success(`已发起 ${round.year} 年度报告，共 ${round.total} 个报送单位`);
      onDone();
      navigate(`/unitreports/rounds/${round.id}`);
    } catch (e) {
      message.error(errorMessage(e));
      setSaving(false);
    }
  };
  const lastYear = dayjs().year() - 1;
  return (
    <Modal open title={`发起年度报告：${orgUnit.name}`} okText="发起" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={saving}>
      <p className="unitreports-muted">发起后，本级妇儿工委全体成员单位和各下级妇儿工委都将收到一份年度报告，按各自负责的指标填写。</p>
      <Form form={form} layout="vertical" initialValues={{ year: lastYear, dueOn: dayjs(`${lastYear + 1}-01-31`).isBefore(dayjs()) ? dayjs().add(30, 'day') : dayjs(`${lastYear + 1}-01-31`) }}>
        <Form.Item name="year" label="报告年度" rules={[{ required: true, message: '请填写报告年度' }]}>
          <InputNumber<number> min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="dueOn" label="截止日期" rules={[{ required: true, message: '请选择截止日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label="说明（可选）">
          <Input.TextArea rows={3} maxLength={1000} placeholder="如：请重点报告规划中期评估发现的薄弱环节和整改情况" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
