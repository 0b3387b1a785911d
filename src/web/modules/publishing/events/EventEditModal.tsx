import { Alert, Form, Input, Modal, Select } from 'antd';
import { EVENT_LIMITS, type EventUpdate } from '../../../../shared/api/publishing';
import type { IndicatorDto } from '../../../../shared/api/indicators';
import { useApiGet } from '../../../http/useApiGet';
import { useFormSave } from '../../../http/useFormSave';
import { indicatorUrls } from '../../indicators/api';
import { eventsApi, type AttachmentDto, type EventDto } from '../api';
import { PicturesField } from './PicturesField';

interface Values { date: string; title: string; text: string; indicatorId: number | null; linkUrl: string; pictures: AttachmentDto[] }

/** One 大事记: its date (year, or year and month), title, text, pictures, and what it links to. */
export function EventEditModal({ event, onSaved, onClose }: { event: EventDto; onSaved: () => void; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { data: indicators } = useApiGet<IndicatorDto[]>(indicatorUrls.list);
  const { saving, error, save } = useFormSave(form, ['date', 'title', 'text', 'indicatorId', 'linkUrl'], async (v) => {
    const input: EventUpdate = { date: v.date.trim() || null, title: v.title.trim(), text: v.text.trim(), indicatorId: v.indicatorId ?? null, linkUrl: v.linkUrl.trim() || null, pictureIds: v.pictures.map((p) => p.id) };
    await eventsApi.update(event.id, input);
    onSaved();
  });
  return (
    <Modal open width={640} title={`编辑大事记 · 第 ${event.no} 条`} okText="保存" cancelText="取消" confirmLoading={saving} onOk={() => void save()} onCancel={onClose} destroyOnHidden>
      {error && <Alert type="error" showIcon className="form-alert" title={error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ date: event.date ?? '', title: event.title, text: event.text, indicatorId: event.indicatorId, linkUrl: event.linkUrl ?? '', pictures: event.pictures }}
      >
        <Form.Item name="date" label="日期" extra="如 2011-03；只知年份时填 2011。" rules={[{ pattern: /^(\d{4}(-(0[1-9]|1[0-2]))?)?$/, message: '日期应为“2011-03”或“2011”' }]}>
          <Input placeholder="YYYY-MM" maxLength={7} />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input maxLength={EVENT_LIMITS.title} showCount />
        </Form.Item>
        <Form.Item name="text" label="正文">
          <Input.TextArea maxLength={EVENT_LIMITS.text} autoSize={{ minRows: 4, maxRows: 12 }} />
        </Form.Item>
        <Form.Item name="pictures" label="配图">
          <PicturesField />
        </Form.Item>
        <Form.Item name="indicatorId" label="相关指标" extra="门户的大事记下显示指向该指标公开页的链接。">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="选择指标" loading={!indicators}
            options={(indicators ?? []).map((i) => ({ value: i.id, label: i.name }))} />
        </Form.Item>
        <Form.Item name="linkUrl" label="相关链接" extra="如相关报告、新闻的网址，以 http:// 或 https:// 开头。" rules={[{ pattern: /^(https?:\/\/\S+)?$/, message: '链接应以 http:// 或 https:// 开头' }]}>
          <Input placeholder="https://" maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
