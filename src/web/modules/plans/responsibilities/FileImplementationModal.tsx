import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../http/client';
import { responsibilitiesApi } from './api';

interface Props {
  planId: number;
  planTitle: string;
  departmentId: number;
  departmentName: string;
  onClose: () => void;
  onFiled: () => void;
}

/** A department files its 实施方案: the text, and the document itself as attachments. */
export function FileImplementationModal({ planId, planTitle, departmentId, departmentName, onClose, onFiled }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async ({ text }: { text: string }) => {
    setBusy(true);
    try {
      const attachmentIds: number[] = [];
      for (const f of files) attachmentIds.push((await responsibilitiesApi.uploadAttachment(f.originFileObj as File)).id);
      await responsibilitiesApi.file(planId, { departmentId, text, attachmentIds });
      message.success('实施方案已报送，等待妇儿工委办公室审核');
      onFiled();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`报送实施方案：${departmentName}`} okText="报送" cancelText="取消" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} width={640} destroyOnHidden>
      <p className="text-muted">《{planTitle}》</p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="text" label="实施方案主要内容" rules={[{ required: true, whitespace: true, message: '请填写实施方案的主要内容' }]}>
          <Input.TextArea rows={8} maxLength={20000} showCount placeholder="工作目标、主要措施、进度安排、保障措施等" />
        </Form.Item>
        <Form.Item label="实施方案文件（可选，最多 10 个）">
          <Upload fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(0, 10))} multiple>
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
