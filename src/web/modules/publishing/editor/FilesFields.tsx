import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useRef, useState } from 'react';
import { ARTICLE_LIMITS } from '../../../../shared/api/publishing';
import { errorMessage } from '../../../http/client';
import { articlesApi, type AttachmentDto } from '../api';
import { IMAGE_ACCEPT } from './ImageDialog';

const FILE_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.pptx,.zip,.png,.jpg,.jpeg,.gif,.webp';
const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

interface UploadButtonProps {
  label: string;
  accept: string;
  multiple?: boolean;
  onUploaded: (a: AttachmentDto[]) => void;
  disabled?: boolean;
  /** Sends one file to the attachment store, for the record kind it will belong to. */
  upload?: (file: File) => Promise<AttachmentDto>;
}

/** A hidden file input behind a button; uploads each chosen file to the attachment store. */
export function UploadButton({ label, accept, multiple, onUploaded, disabled, upload: send = articlesApi.upload }: UploadButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const upload = async (files: FileList | null) => {
    setBusy(true);
    const uploaded: AttachmentDto[] = [];
    try {
      for (const file of Array.from(files ?? [])) {
        try {
          uploaded.push(await send(file));
        } catch (e) {
          message.error(`${file.name}：${errorMessage(e)}`);
        }
      }
    } finally {
      if (uploaded.length) onUploaded(uploaded);
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };
  return (
    <>
      <input ref={input} type="file" accept={accept} multiple={multiple} style={{ display: 'none' }} aria-label={label} onChange={(e) => void upload(e.target.files)} />
      <Button icon={<UploadOutlined />} loading={busy} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}

/** The cover picture (a Form.Item's value: the uploaded attachment or null). */
export function CoverField({ value, onChange }: { value?: AttachmentDto | null; onChange?: (a: AttachmentDto | null) => void }) {
  return (
    <div className="article-cover">
      {value && <img className="article-cover__img" src={value.url} alt="封面图预览" />}
      <div className="article-cover__buttons">
        <UploadButton label={value ? '更换封面' : '上传封面'} accept={IMAGE_ACCEPT} onUploaded={(a) => onChange?.(a[0]!)} />
        {value && (
          <Button icon={<DeleteOutlined />} onClick={() => onChange?.(null)}>
            去掉封面
          </Button>
        )}
      </div>
    </div>
  );
}

/** The files under the article (a Form.Item's value: the uploaded attachments). */
export function AttachmentsField({ value = [], onChange }: { value?: AttachmentDto[]; onChange?: (a: AttachmentDto[]) => void }) {
  const full = value.length >= ARTICLE_LIMITS.attachments;
  return (
    <div className="article-files">
      {value.length > 0 && (
        <ul className="article-files__list" aria-label="附件">
          {value.map((f) => (
            <li key={f.id}>
              <PaperClipOutlined aria-hidden="true" />
              <a href={f.url} target="_blank" rel="noreferrer">
                {f.name}
              </a>
              <span className="article-files__size">{size(f.size)}</span>
              <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={`移除附件 ${f.name}`} onClick={() => onChange?.(value.filter((x) => x.id !== f.id))} />
            </li>
          ))}
        </ul>
      )}
      <UploadButton label="上传附件" accept={FILE_ACCEPT} multiple disabled={full} onUploaded={(a) => onChange?.([...value, ...a].slice(0, ARTICLE_LIMITS.attachments))} />
      <div className="article-files__hint">PDF、Word、Excel、PPT、ZIP、图片，单个最大 10 MB，最多 {ARTICLE_LIMITS.attachments} 个</div>
    </div>
  );
}
