import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/FormModal';
import { followupApi, type FollowupWarningListDto, type WarningRowDto } from './api';

interface AssignForm {
  departmentId?: number;
  deadline: Dayjs;
  note?: string;
}
const FIELDS = ['departmentId', 'deadline', 'note'];

/** 交办整改 of the selected warnings: one department for all, or each to its own responsible department. */
export function AssignModal({ warnings, departments, onClose, onDone }: { warnings: WarningRowDto[]; departments: FollowupWarningListDto['departments']; onClose: () => void; onDone: (n: number) => void }) {
  const [form] = Form.useForm<AssignForm>();
  const units = new Set(warnings.map((w) => w.orgUnit.id));
  // One department for all only makes sense within one unit's committee.
  const choices = units.size === 1 ? departments.filter((d) => units.has(d.orgUnitId)) : [];
  const save = async (v: AssignForm) => {
    const res = await followupApi.assign(warnings.map((w) => w.key), v.deadline.format('YYYY-MM-DD'), v.departmentId, v.note?.trim());
    onDone(res.assigned.length);
  };
  return (
    <FormModal title={`交办整改（${warnings.length} 条预警）`} form={form} fields={FIELDS} onSave={save} onCancel={onClose} okText="交办">
      <Form<AssignForm> form={form} layout="vertical" requiredMark={false} initialValues={{ deadline: dayjs().add(15, 'day') }}>
        <Form.Item label="承办成员单位" name="departmentId" extra={units.size > 1 ? '所选预警属于多个单位，各自交其责任成员单位。' : '不选则交各预警的责任成员单位。'}>
          <Select allowClear placeholder="各预警的责任成员单位" options={choices.map((d) => ({ value: d.id, label: d.name }))} disabled={!choices.length} aria-label="承办成员单位" />
        </Form.Item>
        <Form.Item label="整改期限" name="deadline" rules={[{ required: true, message: '请选择整改期限' }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} aria-label="整改期限" />
        </Form.Item>
        <Form.Item label="交办说明" name="note" rules={[{ max: 500, message: '说明不超过 500 字' }]}>
          <Input.TextArea rows={3} placeholder="如：请分析未达标原因，提出整改措施和预计达标时间" maxLength={500} showCount />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
