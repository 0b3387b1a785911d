import { Form, Input } from 'antd';
import type { OrgUnitDto } from '../../../shared/api/orgs';
import { CHILD_LEVEL, defaultCommitteeName } from '../../../shared/orgLevels';
import { FormModal } from '../../components/FormModal';
import { requiredText } from '../../components/formRules';
import { orgsApi } from './api';
import { LEVEL_LABELS } from './tree';

interface UnitForm {
  code: string;
  name: string;
  committeeName?: string;
}

/** A new unit below `parent` (null: a city), or `unit` to edit. */
export type UnitEdit = { kind: 'create'; parent: OrgUnitDto | null } | { kind: 'edit'; unit: OrgUnitDto };

interface OrgUnitFormModalProps {
  edit: UnitEdit;
  onCancel: () => void;
  onSaved: (unit: OrgUnitDto) => void;
}

const FIELDS = ['code', 'name', 'committeeName'];

export function OrgUnitFormModal({ edit, onCancel, onSaved }: OrgUnitFormModalProps) {
  const [form] = Form.useForm<UnitForm>();
  const name = Form.useWatch('name', form);
  const creating = edit.kind === 'create';
  const level = creating ? (edit.parent ? CHILD_LEVEL[edit.parent.level] : 'city') : edit.unit.level;

  const save = async (values: UnitForm) => {
    const committeeName = values.committeeName?.trim() || undefined;
    const saved = creating
      ? await orgsApi.createUnit({ parentId: edit.parent?.id ?? null, code: values.code.trim(), name: values.name.trim(), committeeName })
      : await orgsApi.updateUnit(edit.unit.id, {
          code: values.code.trim(),
          name: values.name.trim(),
          committeeName: committeeName ?? defaultCommitteeName(values.name.trim()),
        });
    onSaved(saved);
  };

  const title = creating ? (edit.parent ? `添加“${edit.parent.name}”的下级单位` : '新建市级单位') : `编辑“${edit.unit.name}”`;
  const initialValues: Partial<UnitForm> = creating ? {} : { code: edit.unit.code, name: edit.unit.name, committeeName: edit.unit.committee?.name };

  return (
    <FormModal title={title} form={form} fields={FIELDS} onSave={save} onCancel={onCancel}>
      <Form<UnitForm> form={form} layout="vertical" initialValues={initialValues} requiredMark="optional">
        <p className="org-form__level">级别：{level ? LEVEL_LABELS[level] : '—'}</p>
        <Form.Item
          label="单位代码"
          name="code"
          extra="建议使用行政区划代码，如 210203；全系统唯一。"
          rules={[...requiredText('单位代码', 32), { pattern: /^[A-Za-z0-9_-]*$/, message: '单位代码只能包含字母、数字、下划线和连字符' }]}
        >
          <Input placeholder="如：210203" autoComplete="off" />
        </Form.Item>
        <Form.Item label="单位名称" name="name" rules={requiredText('单位名称', 50)}>
          <Input placeholder="如：西岗区" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="妇儿工委名称"
          name="committeeName"
          extra={creating ? '不填则为“单位名称 + 妇女儿童工作委员会”。' : undefined}
          rules={[{ max: 100, message: '妇儿工委名称不能超过 100 个字符' }]}
        >
          <Input placeholder={defaultCommitteeName(name?.trim() || '单位名称')} autoComplete="off" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
