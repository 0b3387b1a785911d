import { App, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormModal } from '../../components/FormModal';
import { ApiRequestError } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { workPointsApi, workPointsUrls, type WorkPointDto } from './workPointsApi';

interface Values {
  title: string;
  text: string;
  dueOn: Dayjs | null;
  practical: boolean;
  leadIds: number[];
  partnerIds: number[];
  keyItemIds: number[];
}

const FIELDS = ['title', 'text', 'dueOn', 'practical', 'leadIds', 'partnerIds', 'keyItemIds'] as const;

/**
 * Add a point (under `parentId`, null for a section) or edit one: its heading and text, the member
 * departments that lead and support it (picked by id; the names the imported text mentions shown as a
 * hint), its deadline, whether it is a 实事项目, and the key items that carry it out.
 */
export function WorkPointForm({ orgUnitId, year, departments, point, parentId, onClose, onSaved }: {
  orgUnitId: number;
  year: number;
  departments: { id: number; name: string }[];
  point: WorkPointDto | null;
  parentId: number | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const keyItems = useApiGet<{ id: number; no: number; name: string }[]>(workPointsUrls.keyItems({ orgUnitId, year }));
  const leadIds = Form.useWatch('leadIds', form) ?? [];
  const options = departments.map((d) => ({ value: d.id, label: d.name }));
  const save = async (v: Values) => {
    const input = { title: v.title, text: v.text ?? '', dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null, practical: v.practical, leadIds: v.leadIds, partnerIds: v.partnerIds };
    const id = point ? point.id : (await workPointsApi.create({ ...input, orgUnitId, year, parentId })).id;
    if (point) {
      try {
        await workPointsApi.update(point.id, { ...input, version: point.version });
      } catch (e) {
        if (!(e instanceof ApiRequestError && e.code === 'WORK_POINT_CHANGED')) throw e;
        // Someone saved it since this form opened: say who and when, then show their version.
        modal.warning({ title: '该要点已被他人修改', content: e.message, okText: '重新加载', onOk: onSaved });
        return;
      }
    }
    const linked = point?.keyItems.map((k) => k.id) ?? [];
    if (String(v.keyItemIds) !== String(linked)) await workPointsApi.link(id, v.keyItemIds);
    onSaved();
  };
  const level = point ? point.level : parentId === null ? 1 : 2;
  const what = level === 1 ? '部分' : '条目';
  return (
    <FormModal title={point ? `修改${what}：${point.label}${point.title}` : `新增${what}`} form={form} fields={FIELDS} onSave={save} onCancel={onClose}>
      <Form<Values> form={form} layout="vertical"
        initialValues={{
          title: point?.title ?? '', text: point?.text ?? '', dueOn: point?.dueOn ? dayjs(point.dueOn) : null, practical: point?.practical ?? false,
          leadIds: point?.leads.map((d) => d.id) ?? [], partnerIds: point?.partners.map((d) => d.id) ?? [], keyItemIds: point?.keyItems.map((k) => k.id) ?? [],
        }}
      >
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }, { max: 200, message: '标题最多 200 字' }]}>
          <Input placeholder="如：继续开展男女平等和儿童优先原则宣传月主题活动" />
        </Form.Item>
        <Form.Item name="text" label="内容" rules={[{ max: 5000, message: '内容最多 5000 字' }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        {point && point.mentioned.length > 0 && <p className="workitems-milestone__figure">文中提及：{point.mentioned.join('、')}（请在下面选择对应的成员单位）</p>}
        <Form.Item name="leadIds" label="牵头单位">
          <Select mode="multiple" options={options} optionFilterProp="label" placeholder="选择成员单位" aria-label="牵头单位" />
        </Form.Item>
        <Form.Item name="partnerIds" label="配合单位">
          <Select mode="multiple" options={options.filter((o) => !leadIds.includes(o.value))} optionFilterProp="label" placeholder="选择成员单位" aria-label="配合单位" />
        </Form.Item>
        <Form.Item name="dueOn" label="完成时限">
          <DatePicker aria-label="完成时限" />
        </Form.Item>
        <Form.Item name="practical" valuePropName="checked">
          <Checkbox>实事项目（须备案，按期通报）</Checkbox>
        </Form.Item>
        <Form.Item name="keyItemIds" label={`由哪些重要事项落实（${year} 年）`} extra={keyItems.data?.length === 0 ? `${year} 年还没有重要事项` : undefined}>
          <Select mode="multiple" loading={keyItems.loading} options={(keyItems.data ?? []).map((k) => ({ value: k.id, label: `${k.no}. ${k.name}` }))} optionFilterProp="label" aria-label="关联重要事项" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
