import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Radio, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import { Link, useNavigate } from 'react-router-dom';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { analyticsUrls } from '../analytics/api';
import { useUnitOptions } from '../analytics/useUnitOptions';
import { useCurrentUser } from '../auth/SessionContext';
import { OrgUnitSelect } from '../orgs/OrgUnitSelect';
import { surveysApi, surveyUrls, type SurveySummary } from './api';
import { starterDefinition } from './builder/starter';
import { builderSeat, ownerKey, ownerName } from './owner';
import { AudienceTag, SurveyStateTag } from './StatusTag';

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

export default function SurveyListPage() {
  const { data, error, loading, reload } = useApiGet<SurveySummary[]>(surveyUrls.list);
  const [creating, setCreating] = useState(false);
  const user = useCurrentUser();
  const seat = builderSeat(user);
  useDemoData(data?.some((s) => s.isDemo) ?? false);
  const owners = useMemo(() => [...new Map((data ?? []).map((s) => [ownerKey(s), { text: ownerName(s), value: ownerKey(s) }])).values()], [data]);
  if (error) return <LoadError error={error} onRetry={reload} />;
  return (
    <>
      <PageHeader
        title="问卷调查"
        description="设计问卷，通过链接和二维码发放，手机匿名作答；实时统计、交叉分析，知晓率等结果可写入指标。"
        extra={seat && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建问卷</Button>}
      />
      <Table<SurveySummary>
        rowKey="id"
        loading={loading}
        dataSource={data}
        pagination={false}
        columns={[
          { title: '问卷', dataIndex: 'title', render: (title: string, s) => <><Link to={`/surveys/${s.id}`}>{title}</Link> {s.isDemo && <Tag>演示数据</Tag>}</> },
          { title: '版本', dataIndex: 'audience', width: 90, render: (a: SurveySummary['audience']) => <AudienceTag audience={a} /> },
          { title: '单位', dataIndex: ['orgUnit', 'name'], width: 110 },
          { title: '发起单位', key: 'owner', width: 200, render: (_, s) => ownerName(s), filters: owners, onFilter: (key, s) => ownerKey(s) === key },
          { title: '状态', dataIndex: 'state', width: 90, render: (s: SurveySummary['state']) => <SurveyStateTag state={s} /> },
          { title: '答卷', dataIndex: 'responses', width: 90, align: 'right', render: (n: number) => n.toLocaleString('zh-CN') },
          { title: '开始', dataIndex: 'opensAt', width: 150, render: when },
          { title: '结束', dataIndex: 'closesAt', width: 150, render: when },
        ]}
      />
      {creating && seat && <CreateModal seat={seat} onClose={() => setCreating(false)} />}
    </>
  );
}

/** An office picks the unit; a department builds at its own unit, as the owner. */
function CreateModal({ seat, onClose }: { seat: NonNullable<ReturnType<typeof builderSeat>>; onClose: () => void }) {
  const user = useCurrentUser();
  const { options } = useUnitOptions(user);
  const units = useApiGet<OrgUnitDto[]>(seat.kind === 'department' ? analyticsUrls.orgUnits : null).data;
  const department = seat.kind === 'department' ? units?.find((u) => u.id === seat.orgUnitId)?.departments.find((d) => d.id === seat.departmentId) : undefined;
  const [form] = Form.useForm<{ title: string; orgUnitId: number; audience: 'adult' | 'child' }>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const owner = seat.kind === 'department' ? { orgUnitId: seat.orgUnitId, departmentId: seat.departmentId } : { orgUnitId: v.orgUnitId, departmentId: null };
      const s = await surveysApi.create({ ...v, ...owner, description: null, definition: starterDefinition(owner.orgUnitId), opensAt: null, closesAt: null, accessMode: 'open' });
      navigate(`/surveys/${s.id}`);
    } catch (e) {
      message.error(errorMessage(e));
      setSaving(false);
    }
  };
  return (
    <Modal open title="新建问卷" okText="创建" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={saving}>
      <Form form={form} layout="vertical" initialValues={{ audience: 'adult', orgUnitId: user.roles.find((r) => r.orgUnitId)?.orgUnitId ?? undefined }}>
        <Form.Item name="title" label="问卷标题" rules={[{ required: true, message: '请填写问卷标题' }]}>
          <Input maxLength={200} placeholder="如：2025年妇女儿童健康知识知晓情况调查" />
        </Form.Item>
        {seat.kind === 'office' ? (
          <Form.Item name="orgUnitId" label="所属单位" rules={[{ required: true, message: '请选择单位' }]}>
            <OrgUnitSelect options={options} />
          </Form.Item>
        ) : (
          <Form.Item label="发起单位" extra="本单位已获妇儿工委办公室授权发起问卷调查；问卷只有本单位和妇儿工委能看到。">
            {department?.name ?? '本单位'}
          </Form.Item>
        )}
        <Form.Item name="audience" label="面向">
          <Radio.Group options={[{ value: 'adult', label: '成人' }, { value: 'child', label: '儿童（字号更大、措辞更简单）' }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
