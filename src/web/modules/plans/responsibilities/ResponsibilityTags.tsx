import { EditOutlined } from '@ant-design/icons';
import { App, Button, Form, Popover, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { DepartmentRefDto, ItemResponsibilityDto } from '../../../../shared/api/responsibilities';
import type { ItemKind } from '../../../../shared/plans/responsibilityTable';
import { errorMessage } from '../../../http/client';
import { responsibilitiesApi } from './api';
import './responsibilities.css';

interface Props {
  kind: ItemKind;
  id: number;
  /** 「目标 2」 / 「措施 3」, for the editor's labels. */
  label: string;
  current: ItemResponsibilityDto | undefined;
  departments: DepartmentRefDto[];
  canManage: boolean;
  onSaved: () => void;
}

/** 牵头/配合 of one goal or measure as tags, with a compact editor for the office. */
export function ResponsibilityTags({ kind, id, label, current, departments, canManage, onSaved }: Props) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ leads: number[]; partners: number[] }>();
  const leads = current?.leads ?? [];
  const partners = current?.partners ?? [];
  const name = (d: number) => departments.find((x) => x.id === d)?.shortName ?? `#${d}`;
  const options = departments.map((d) => ({ value: d.id, label: d.shortName, title: d.name }));

  const save = async (values: { leads: number[]; partners: number[] }) => {
    setSaving(true);
    try {
      await responsibilitiesApi.set(kind, id, { leads: values.leads ?? [], partners: values.partners ?? [] });
      message.success(`${label}的责任单位已保存`);
      setOpen(false);
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const editor = (
    <Form form={form} layout="vertical" className="responsibility-editor" initialValues={{ leads, partners }} onFinish={save}>
      <Form.Item name="leads" label="牵头单位">
        <Select mode="multiple" options={options} placeholder="选择牵头单位" optionFilterProp="label" aria-label={`${label}牵头单位`} />
      </Form.Item>
      <Form.Item name="partners" label="配合单位">
        <Select mode="multiple" options={options} placeholder="选择配合单位" optionFilterProp="label" aria-label={`${label}配合单位`} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>保存</Button>
        <Button onClick={() => setOpen(false)}>取消</Button>
      </Space>
    </Form>
  );

  return (
    <div className="responsibility-tags" aria-label={`${label}责任单位`}>
      <span className="responsibility-tags__label">牵头</span>
      {leads.length ? leads.map((d) => <Tag key={d} color="red">{name(d)}</Tag>) : <span className="text-muted">未设</span>}
      <span className="responsibility-tags__label">配合</span>
      {partners.length ? partners.map((d) => <Tag key={d}>{name(d)}</Tag>) : <span className="text-muted">—</span>}
      {canManage && (
        <Popover
          trigger="click"
          open={open}
          destroyOnHidden
          onOpenChange={(next) => {
            if (next) form.setFieldsValue({ leads, partners });
            setOpen(next);
          }}
          title={`设置${label}的责任单位`}
          content={editor}
        >
          <Button type="link" size="small" icon={<EditOutlined />} aria-label={`设置${label}的责任单位`}>
            设置
          </Button>
        </Popover>
      )}
    </div>
  );
}
