import { FileAddOutlined, TableOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, InputNumber, Modal, Radio, Space, Table, TreeSelect, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { ReportSummaryDto } from '../../../shared/api/reports';
import { REPORT_KIND_LABELS } from '../../../shared/reports/workflow';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { useUnitOptions } from '../analytics/useUnitOptions';
import { allows } from '../auth/permissions';
import { useCurrentUser } from '../auth/SessionContext';
import { reportsApi, reportUrls } from './api';
import { ReportStatusTag } from './ReportStatusTag';

const PLAN_OPTIONS = [
  { value: 'both', label: '妇女和儿童' },
  { value: 'women', label: '妇女发展规划' },
  { value: 'children', label: '儿童发展规划' },
] as const;

const COLUMNS: TableColumnsType<ReportSummaryDto> = [
  { title: '报告', key: 'title', render: (_, r) => <Link to={`/reports/${r.id}`}>{r.title}</Link> },
  { title: '单位', key: 'unit', width: 110, render: (_, r) => r.orgUnit.name },
  { title: '类别', key: 'kind', width: 120, render: (_, r) => REPORT_KIND_LABELS[r.kind] },
  { title: '年度', dataIndex: 'year', width: 80 },
  { title: '状态', key: 'status', width: 150, render: (_, r) => <ReportStatusTag kind={r.kind} status={r.status} /> },
  { title: '生成', key: 'created', width: 190, render: (_, r) => `${dayjs(r.createdAt).format('YYYY-MM-DD HH:mm')}${r.createdBy ? ` ${r.createdBy}` : ''}` },
  { title: '发布日期', key: 'published', width: 120, render: (_, r) => (r.publishedAt ? dayjs(r.publishedAt).format('YYYY-MM-DD') : '—') },
];

interface Choice {
  orgUnitId: number;
  year: number;
  plan: 'women' | 'children' | 'both';
  to?: number;
}

/** The committee's monitoring reports: drafts in the making, those under review and those published. */
export default function ReportListPage() {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data, error, reload, loading } = useApiGet<ReportSummaryDto[]>(reportUrls.list);
  const { options } = useUnitOptions(user);
  const [asking, setAsking] = useState<'report' | 'compilation' | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Choice>();
  const lastYear = dayjs().year() - 1;
  const defaultUnit = typeof options[0]?.value === 'number' ? options[0].value : undefined;

  const onOk = async () => {
    const choice = await form.validateFields();
    if (asking === 'compilation') {
      window.location.assign(reportUrls.compilation(choice.orgUnitId, choice.year, choice.to ?? choice.year));
      setAsking(null);
      return;
    }
    setBusy(true);
    try {
      const created = await reportsApi.create(choice.orgUnitId, choice.year, choice.plan);
      message.success('已生成报告草稿，数据已按当前审核通过的数据冻结');
      navigate(`/reports/${created.id}`);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader
        title="监测报告"
        description="按审核通过的数据生成年度统计监测报告，修改文字后送统计监测组审核、领导审定，审定后发布到门户网站。"
        extra={
          <Space>
            <Button icon={<TableOutlined />} onClick={() => setAsking('compilation')}>统计资料汇编</Button>
            {allows(user, 'reports.edit') && <Button type="primary" icon={<FileAddOutlined />} onClick={() => setAsking('report')}>生成年度报告</Button>}
          </Space>
        }
      />
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Card variant="borderless" className="content-card">
          <Table<ReportSummaryDto>
            rowKey="id"
            columns={COLUMNS}
            dataSource={data ?? []}
            loading={loading}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            aria-label="监测报告"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有监测报告，点击“生成年度报告”开始" /> }}
          />
        </Card>
      )}
      {asking && (
        <Modal
          open
          title={asking === 'report' ? '生成年度统计监测报告' : '下载统计资料汇编（xlsx）'}
          okText={asking === 'report' ? '生成草稿' : '下载'}
          cancelText="取消"
          confirmLoading={busy}
          onCancel={() => setAsking(null)}
          onOk={onOk}
          destroyOnHidden
        >
          <Form form={form} layout="vertical" initialValues={{ orgUnitId: defaultUnit, year: asking === 'report' ? lastYear : lastYear - 4, to: lastYear, plan: 'both' }}>
            <Form.Item name="orgUnitId" label="单位" rules={[{ required: true, message: '请选择单位' }]}>
              <TreeSelect treeData={options} treeDefaultExpandAll showSearch treeNodeFilterProp="title" placeholder="选择单位" />
            </Form.Item>
            {asking === 'report' ? (
              <>
                <Form.Item name="year" label="报告年度" rules={[{ required: true, message: '请填写报告年度' }]} extra="报告使用该年度及以前年度已审核通过的数据。">
                  <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} aria-label="报告年度" />
                </Form.Item>
                <Form.Item name="plan" label="规划">
                  <Radio.Group options={PLAN_OPTIONS.map((o) => ({ ...o }))} optionType="button" />
                </Form.Item>
              </>
            ) : (
              <Space>
                <Form.Item name="year" label="起始年度" rules={[{ required: true, message: '请填写起始年度' }]}>
                  <InputNumber min={2000} max={2100} precision={0} aria-label="起始年度" />
                </Form.Item>
                <Form.Item name="to" label="截止年度" rules={[{ required: true, message: '请填写截止年度' }]}>
                  <InputNumber min={2000} max={2100} precision={0} aria-label="截止年度" />
                </Form.Item>
              </Space>
            )}
          </Form>
        </Modal>
      )}
    </>
  );
}
