import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../http/client';
import { workitemsApi } from './api';

/** What a 督办 is about: a key item, an indicator, a 工作要点 point (at most one). */
export interface SupervisionTarget {
  itemId?: number;
  indicatorId?: number;
  workPointId?: number;
}

interface Values {
  departmentId: number;
  subject: string;
  request: string;
  dueOn: dayjs.Dayjs;
}

/** Days a department gets to answer unless the office says otherwise. */
const DEFAULT_DAYS = 15;

/**
 * The office's 督办 on something it found lagging: to which member department (by id, preselected
 * when known), the subject, what is asked, by when. Shared by key items, indicators, warnings and
 * work points.
 */
export function IssueSupervisionModal({ orgUnitId, target, departments, departmentId, subject, request, notice, onClose, onDone }: {
  orgUnitId: number;
  target: SupervisionTarget;
  departments: { id: number; name: string }[];
  departmentId?: number | null;
  subject: string;
  request?: string;
  /** Shown above the form, e.g. that 督办 on it are already open. */
  notice?: ReactNode;
  onClose: () => void;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await workitemsApi.issue({
        orgUnitId, departmentId: v.departmentId, itemId: target.itemId ?? null, indicatorId: target.indicatorId ?? null, workPointId: target.workPointId ?? null,
        subject: v.subject, request: v.request, dueOn: v.dueOn.format('YYYY-MM-DD'),
      });
      message.success('督办已发出');
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
      setSaving(false);
    }
  };
  return (
    <Modal open title="发出督办" okText="发出督办" cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={saving}>
      {notice && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ departmentId: departmentId ?? (departments.length === 1 ? departments[0]!.id : undefined), subject, request, dueOn: dayjs().add(DEFAULT_DAYS, 'day') }}>
        <Form.Item name="departmentId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
          <Select options={departments.map((d) => ({ value: d.id, label: d.name }))} showSearch={{ optionFilterProp: 'label' }} placeholder="选择成员单位" notFoundContent="没有可选的成员单位" aria-label="承办单位" />
        </Form.Item>
        <Form.Item name="subject" label="督办事由" rules={[{ required: true, whitespace: true, message: '请填写督办事由' }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="request" label="督办要求" rules={[{ required: true, whitespace: true, message: '请填写督办要求' }]}>
          <Input.TextArea rows={4} maxLength={5000} placeholder="如：请说明滞后原因、下一步措施和预计完成时间" />
        </Form.Item>
        <Form.Item name="dueOn" label="办理期限" rules={[{ required: true, message: '请选择办理期限' }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} aria-label="办理期限" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
