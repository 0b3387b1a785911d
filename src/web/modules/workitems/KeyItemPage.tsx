import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { MilestoneDto } from '../../../shared/api/workitems';
import { formatNumber } from '../../../shared/format';
import { PERIOD_LABELS } from '../../../shared/workitems/milestones';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { workitemsApi, workitemsUrls, type ItemDetailDto, type KeyItemDto, type SupervisionDto } from './api';
import { ItemStatusTag, MilestoneStatusTag } from './StatusTags';
import { IssueSupervisionModal } from './IssueSupervisionModal';
import { SupervisionList } from './SupervisionList';
import './workitems.css';

const figure = (value: number | null, unit: string | null) => (value === null ? '' : `${formatNumber(value)}${unit ?? ''}`);

/** One key item: its milestones with every unit's reports and files, the report form for its units, its 督办. */
export default function KeyItemPage() {
  const id = Number(useParams().id);
  const { data, error, loading, reload } = useApiGet<ItemDetailDto>(workitemsUrls.item(id));
  const supervisions = useApiGet<SupervisionDto[]>(workitemsUrls.supervisions({ state: 'all', itemId: id }));
  const [reporting, setReporting] = useState<MilestoneDto | null>(null);
  const [issuing, setIssuing] = useState(false);
  useDemoData(data?.item.isDemo ?? false);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  const { item, canManage, reportAs, workPoints } = data!;
  const names = (refs: KeyItemDto['leads']) => refs.map((u) => u.name).join('、') || '—';
  return (
    <>
      <PageHeader
        title={`${item.year} 年第 ${item.no} 项：${item.name}`}
        extra={canManage && <Button danger onClick={() => setIssuing(true)}>督办</Button>}
      />
      <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}
        items={[
          { key: 's', label: '状态', children: <ItemStatusTag status={item.status} /> },
          { key: 'l', label: '牵头单位', children: names(item.leads) },
          { key: 'p', label: '配合单位', children: names(item.partners) },
          { key: 'o', label: '未办结督办', children: item.openSupervisions },
          { key: 'sum', label: '事项简介', span: 2, children: item.summary || '—' },
          ...(workPoints.length ? [{ key: 'wp', label: '落实的工作要点', span: 2, children: <Link to={`/workitems/points?orgUnitId=${item.orgUnitId}&year=${item.year}`}>{workPoints.map((p) => p.title).join('；')}</Link> }] : []),
        ]}
      />
      {item.milestones.map((m) => (
        <Card key={m.id} size="small" style={{ marginBottom: 12 }}
          title={<Space wrap>{PERIOD_LABELS[m.period]}<MilestoneStatusTag status={m.status} />{m.due && <span className="workitems-milestone__figure">{m.due} 前</span>}{m.value !== null && <span className="workitems-milestone__figure">目标 {figure(m.value, m.unit)}{m.achieved !== null && `，已完成 ${figure(m.achieved, m.unit)}`}</span>}</Space>}
          extra={reportAs.length > 0 && <Button size="small" type="primary" onClick={() => setReporting(m)}>报送进展</Button>}
        >
          <p>{m.text}</p>
          {m.reports.map((r) => (
            <div key={r.id} className={`workitems-report${r.role === 'lead' ? ' workitems-report--lead' : ''}`}>
              <div className="workitems-milestone__figure">{r.departmentName}（{r.role === 'lead' ? '牵头' : '配合'}）· {r.reportedBy ?? '—'} · {r.reportedAt.slice(0, 10)}{r.value !== null && ` · ${figure(r.value, m.unit)}`}{r.completed && ' · 确认完成'}</div>
              <div>{r.text}</div>
              {r.attachments.map((a) => <div key={a.id}><a href={a.url} target="_blank" rel="noreferrer">{a.name}</a></div>)}
            </div>
          ))}
        </Card>
      ))}
      <Card size="small" title="督办">
        <SupervisionList items={supervisions.data ?? []} onChanged={() => { supervisions.reload(); reload(); }} />
      </Card>
      {reporting && (
        <ReportModal milestone={reporting} item={item} reportAs={reportAs} onClose={() => setReporting(null)} onDone={() => { setReporting(null); reload(); }} />
      )}
      {issuing && (
        <IssueSupervisionModal orgUnitId={item.orgUnitId} target={{ itemId: item.id }} subject={`${item.name}进度滞后`}
          departments={[...item.leads, ...item.partners].flatMap((u) => (u.departmentId === null ? [] : [{ id: u.departmentId, name: u.departmentName ?? u.name }]))}
          departmentId={item.leads.find((u) => u.departmentId !== null)?.departmentId}
          notice={item.openSupervisions > 0 ? `该事项已有 ${item.openSupervisions} 项未办结的督办，见本页“督办”。` : undefined}
          onClose={() => setIssuing(false)} onDone={() => { setIssuing(false); supervisions.reload(); reload(); }} />
      )}
    </>
  );
}

function ReportModal({ milestone, item, reportAs, onClose, onDone }: { milestone: MilestoneDto; item: KeyItemDto; reportAs: number[]; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const units = [...item.leads, ...item.partners].filter((u) => u.departmentId !== null && reportAs.includes(u.departmentId));
  const leadIds = new Set(item.leads.map((u) => u.departmentId));
  const [form] = Form.useForm<{ departmentId: number; value: number | null; text: string; completed: boolean }>();
  const department = Form.useWatch('departmentId', form);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const attachmentIds: number[] = [];
      for (const f of files) attachmentIds.push((await workitemsApi.uploadEvidence(f.originFileObj as File)).id);
      await workitemsApi.report(milestone.id, { departmentId: v.departmentId, value: v.value ?? null, text: v.text, completed: leadIds.has(v.departmentId) && !!v.completed, attachmentIds });
      message.success('进展已报送');
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
      setSaving(false);
    }
  };
  return (
    <Modal open width={640} title={`报送进展：${PERIOD_LABELS[milestone.period]}`} okText="报送" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={saving}>
      <p className="workitems-milestone__figure">{milestone.text}</p>
      <Form form={form} layout="vertical" initialValues={{ departmentId: units[0]?.departmentId, completed: false }}>
        <Form.Item name="departmentId" label="报送单位" rules={[{ required: true }]}>
          <Select options={units.map((u) => ({ value: u.departmentId!, label: `${u.departmentName ?? u.name}（${leadIds.has(u.departmentId) ? '牵头' : '配合'}）` }))} />
        </Form.Item>
        {milestone.value !== null && (
          <Form.Item name="value" label={`完成数（${milestone.unit ?? ''}，目标 ${figure(milestone.value, milestone.unit)}）`}>
            <InputNumber<number> style={{ width: 200 }} min={0} />
          </Form.Item>
        )}
        <Form.Item name="text" label="进展情况" rules={[{ required: true, message: '请填写进展情况' }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item label="佐证材料（图片、PDF、Word、Excel，单个最大 20 MB）">
          <Upload fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)} multiple>
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
        {milestone.value === null && leadIds.has(department) && (
          <Form.Item name="completed" valuePropName="checked">
            <Checkbox>本节点已完成（牵头单位确认）</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
