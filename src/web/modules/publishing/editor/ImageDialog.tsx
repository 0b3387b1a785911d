import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal } from 'antd';
import { useRef, useState } from 'react';
import { errorMessage } from '../../../http/client';
import { articlesApi, type AttachmentDto } from '../api';

export const IMAGE_ACCEPT = '.png,.jpg,.jpeg,.gif,.webp';
const stem = (name: string) => name.replace(/\.[^.]+$/, '');

/** Uploads an image to the attachment store and asks for its description (alt text) for readers who cannot see it. */
export function ImageDialog({ onDone, onClose }: { onDone: (src: string, alt: string) => void; onClose: () => void }) {
  const [form] = Form.useForm<{ alt: string }>();
  const [image, setImage] = useState<AttachmentDto | null>(null);
  const [uploading, setUploading] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const { message } = App.useApp();

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    try {
      const saved = await articlesApi.upload(file);
      setImage(saved);
      if (!form.getFieldValue('alt')) form.setFieldValue('alt', stem(saved.name));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };
  const submit = async () => {
    const { alt } = await form.validateFields();
    if (image) onDone(image.url, alt.trim());
  };

  return (
    <Modal open title="插入图片" okText="插入" cancelText="取消" okButtonProps={{ disabled: !image }} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <div className="rte-image">
        <input ref={input} type="file" accept={IMAGE_ACCEPT} style={{ display: 'none' }} aria-label="选择图片文件" onChange={(e) => void upload(e.target.files?.[0])} />
        <Button icon={<UploadOutlined />} loading={uploading} onClick={() => input.current?.click()}>
          {image ? '换一张图片' : '选择图片'}
        </Button>
        <span className="rte-image__hint">PNG、JPG、GIF、WebP，最大 10 MB</span>
        {image && <img className="rte-image__preview" src={image.url} alt="" />}
      </div>
      <Form form={form} layout="vertical">
        <Form.Item name="alt" label="图片说明" extra="供读屏软件朗读，也在图片无法显示时代替图片。" rules={[{ required: true, whitespace: true, message: '请填写图片说明' }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
