import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, TreeSelect, Upload, type UploadFile } from 'antd';
import type { OrgUnitDto } from '../../../../shared/api/orgs';
import { useApiGet } from '../../../http/useApiGet';
import { orgUrls } from '../../orgs/api';
import { buildOrgTree, toTreeSelectOptions } from '../../orgs/tree';

interface ImportFileFormProps {
  orgUnitId: number | null;
  onOrgUnitChange: (id: number | null) => void;
  fileList: UploadFile[];
  onFileListChange: (files: UploadFile[]) => void;
  onPreview: () => void;
  busy: boolean;
  error: string | null;
}

export function ImportFileForm(props: ImportFileFormProps) {
  const { orgUnitId, onOrgUnitChange, fileList, onFileListChange, onPreview, busy, error } = props;
  const orgs = useApiGet<OrgUnitDto[]>(orgUrls.list);
  const options = orgs.data ? toTreeSelectOptions(buildOrgTree(orgs.data)) : [];

  return (
    <Card variant="borderless" className="content-card import-form">
      {error && <Alert className="import-form__error" type="error" showIcon title="文件无法识别" description={error} />}
      <Form layout="vertical" onFinish={onPreview}>
        <Form.Item
          label="所属单位"
          htmlFor="import-org-unit"
          extra="可不选：系统将根据规划标题（如“大连市妇女发展规划”）自动确定所属单位。"
        >
          <TreeSelect<number | null>
            id="import-org-unit"
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder="根据规划标题自动确定"
            treeData={options}
            treeDefaultExpandAll
            loading={orgs.loading}
            value={orgUnitId}
            onChange={(value) => onOrgUnitChange(value ?? null)}
            style={{ maxWidth: 420 }}
          />
        </Form.Item>
        <Form.Item label="规划文件" required>
          <Upload.Dragger
            accept=".txt,.docx"
            maxCount={1}
            fileList={fileList}
            beforeUpload={() => false}
            onChange={({ fileList: next }) => onFileListChange(next.slice(-1))}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或将规划文件拖拽到此处</p>
            <p className="ant-upload-hint">
              支持 .txt（UTF-8 或 GB18030 编码）与 .docx 格式；一份文件可包含多部规划。上传后先预览识别结果，确认后才会保存。
            </p>
          </Upload.Dragger>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} disabled={fileList.length === 0}>
          识别并预览
        </Button>
      </Form>
    </Card>
  );
}
