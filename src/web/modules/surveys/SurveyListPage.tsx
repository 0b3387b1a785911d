import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Radio, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { useUnitOptions } from '../analytics/useUnitOptions';
import { useCurrentUser } from '../auth/SessionContext';
import { OrgUnitSelect } from '../orgs/OrgUnitSelect';
import { surveysApi, surveyUrls, type SurveySummary } from './api';
import { starterDefinition } from './builder/starter';
import { AudienceTag, SurveyStateTag } from './StatusTag';

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

export default function SurveyListPage() {
  const { data, error, loading, reload } = useApiGet<SurveySummary[]>(surveyUrls.list);
  const [creating, setCreating] = useState(false);
  useDemoData(data?.some((s) => s.isDemo) ?? false);
  if (error) return <LoadError error={error} onRetry={reload} />;
  return (
    <>
      <PageHeader
        title="问卷调查"
        description="设计问卷，通过链接和二维码发放，手机匿名作答；实时统计、交叉分析，知晓率等结果可写入指标。"
        extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>新建问卷</Button>}
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
          { title: '状态', dataIndex: 'state', width: 90, render: (s: SurveySummary['state']) => <SurveyStateTag state={s} /> },
          { title: '答卷', dataIndex: 'responses', width: 90, align: 'right', render: (n: number) => n.toLocaleString('zh-CN') },
          { title: '开始', dataIndex: 'opensAt', width: 150, render: when },
          { title: '结束', dataIndex: 'closesAt', width: 150, render: when },
        ]}
      />
      {creating && <CreateModal onClose={() => setCreating(false)} />}
    </>
  );
}

function CreateModal({ onClose }: { onClose: () => void }) {
  const user = useCurrentUser();
  const { options } = useUnitOptions(user);
  const [form] = Form.useForm<{ title: string; orgUnitId: number; audience: 'adult' | 'child' }>();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const s = await surveysApi.create({ ...v, description: null, definition: starterDefinition(v.orgUnitId), opensAt: null, closesAt: null, accessMode: 'open' });
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
        <Form.Item name="orgUnitId" label="所属单位" rules={[{ required: true, message: '请选择单位' }]}>
          <OrgUnitSelect options={options} />
        </Form.Item>
        <Form.Item name="audience" label="面向">
          <Radio.Group options={[{ value: 'adult', label: '成人' }, { value: 'child', label: '儿童（字号更大、措辞更简单）' }]} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
