import { Alert, Button, Modal, Table, type TableColumnsType, type UploadFile } from 'antd';
import { useState, type ReactNode } from 'react';
import { XlsxDropZone } from '../../../components/XlsxDropZone';
import { ApiRequestError, errorMessage } from '../../../http/client';
import type { XlsxUploadResultDto } from '../../../../shared/api/reporting';
import { problemRows, summaryText, type ProblemRow } from './outcome';
import './xlsx.css';

interface TemplateDialogProps {
  title: string;
  /** Step 1: the download link, with whatever picks the template (a department). */
  download: ReactNode;
  /** Step 2, or why this person cannot upload here (a locked submission, a reader's role). */
  upload: { send: (file: File) => Promise<XlsxUploadResultDto> } | { blocked: string };
  /** After an accepted upload, so the page shows the stored values. */
  onUploaded: () => void;
  onClose: () => void;
}

type Outcome = { ok: XlsxUploadResultDto } | { error: string; problems: ProblemRow[] };

const PROBLEM_COLUMNS: TableColumnsType<ProblemRow> = [
  { title: '位置', dataIndex: 'place', width: 280 },
  { title: '问题', dataIndex: 'reason' },
];

function Accepted({ result }: { result: XlsxUploadResultDto }) {
  return (
    <>
      <Alert className="xlsx-outcome" type="success" showIcon title={summaryText(result)} description="页面已显示上传后的数据。" />
      {result.warnings.length > 0 && (
        <Alert
          className="xlsx-outcome"
          type="warning"
          showIcon
          title={`${result.warnings.length} 条提示：数据已保存，请逐条核对`}
          description={
            <ul className="xlsx-lines" aria-label="上传提示">
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      )}
    </>
  );
}

function Refused({ error, problems }: { error: string; problems: ProblemRow[] }) {
  return (
    <>
      <Alert
        className="xlsx-outcome"
        type="error"
        showIcon
        title="上传未成功，没有保存任何数据"
        description={problems.length > 0 ? `文件中共 ${problems.length} 处问题，请逐一修改后重新上传：` : error}
      />
      {problems.length > 0 && (
        <div className="xlsx-problems">
          <Table<ProblemRow> size="small" aria-label="上传错误" columns={PROBLEM_COLUMNS} dataSource={problems} pagination={false} />
        </div>
      )}
    </>
  );
}

/**
 * Download a data entry template, fill it in Excel or WPS, upload it. The server checks every cell
 * and saves all or nothing, so the outcome is either a summary (with warnings that did not stop it)
 * or the full list of problems by place.
 */
export function TemplateDialog({ title, download, upload, onUploaded, onClose }: TemplateDialogProps) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const file = files[0]?.originFileObj;

  const send = async () => {
    if (!file || !('send' in upload)) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ ok: await upload.send(file) });
      onUploaded();
    } catch (e) {
      setOutcome({ error: errorMessage(e), problems: e instanceof ApiRequestError ? problemRows(e.details) : [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      width={840}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
        'send' in upload && (
          <Button key="upload" type="primary" loading={busy} disabled={!file} onClick={() => void send()}>
            上传并导入
          </Button>
        ),
      ]}
    >
      <ol className="xlsx-steps">
        <li>
          <h3 className="xlsx-step__title">下载模板</h3>
          <p className="xlsx-step__hint">模板中已有当前已填的数据；只有白色单元格可以填写，请勿增删行列或修改工作表名称。</p>
          {download}
        </li>
        <li>
          <h3 className="xlsx-step__title">填写后上传</h3>
          {'blocked' in upload ? (
            <Alert type="info" showIcon title={upload.blocked} />
          ) : (
            <>
              <p className="xlsx-step__hint">
                系统先检查整个文件，全部无误才保存；有任何错误时不保存任何数据，并列出出错的位置。空白单元格不修改已有数据，填写“删除”可删除已有数据。
              </p>
              <XlsxDropZone
                files={files}
                onChange={(chosen) => {
                  setFiles(chosen);
                  setOutcome(null);
                }}
                text="点击或将填好的 .xlsx 模板拖拽到此处"
              />
            </>
          )}
        </li>
      </ol>
      {outcome && 'ok' in outcome && <Accepted result={outcome.ok} />}
      {outcome && 'error' in outcome && <Refused error={outcome.error} problems={outcome.problems} />}
    </Modal>
  );
}
