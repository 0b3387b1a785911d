import { InboxOutlined } from '@ant-design/icons';
import { Upload, type UploadFile } from 'antd';

interface XlsxDropZoneProps {
  files: UploadFile[];
  /** The newly chosen file (one at most); a new choice clears the previous outcome in the caller. */
  onChange: (files: UploadFile[]) => void;
  text: string;
}

/** Picks one .xlsx file to upload; nothing is sent until the dialog's own button says so. */
export function XlsxDropZone({ files, onChange, text }: XlsxDropZoneProps) {
  return (
    <Upload.Dragger accept=".xlsx" maxCount={1} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => onChange(fileList.slice(-1))}>
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{text}</p>
    </Upload.Dragger>
  );
}
