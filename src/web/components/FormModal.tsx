import { Alert, Modal, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useFormSave } from '../http/useFormSave';
import './forms.css';

interface FormModalProps<T> {
  title: ReactNode;
  form: FormInstance<T>;
  /** Field names (patterns like “roles.*.role”) that server errors may name. */
  fields: readonly string[];
  onSave: (values: T) => Promise<void>;
  onCancel: () => void;
  okText?: string;
  children: ReactNode;
}

/** A modal around one form that saves on OK. Mount it only while open. */
export function FormModal<T>({ title, form, fields, onSave, onCancel, okText = '保存', children }: FormModalProps<T>) {
  const { saving, error, save } = useFormSave(form, fields, onSave);
  return (
    <Modal open title={title} okText={okText} cancelText="取消" confirmLoading={saving} onOk={save} onCancel={onCancel} width={560}>
      {error && <Alert className="form-error" type="error" showIcon title={error} />}
      {children}
    </Modal>
  );
}
