import { Alert, Button, Modal, type UploadFile } from 'antd';
import { useState } from 'react';
import type { ImportResultDto } from '../../../shared/api/indicators';
import { XlsxDropZone } from '../../components/XlsxDropZone';
import { ApiRequestError, errorMessage } from '../../http/client';
import { indicatorsApi } from './api';

interface ImportDialogProps {
  onClose: () => void;
  onImported: () => void;
}

type Outcome = { ok: ImportResultDto } | { error: string; lines: string[] };

function ImportSummary({ result }: { result: ImportResultDto }) {
  const listed = (label: string, codes: string[]) => codes.length > 0 && <li>{`${label} ${codes.length} 个：${codes.join('、')}`}</li>;
  return (
    <Alert
      className="import-result"
      type="success"
      showIcon
      title={`导入完成：新增 ${result.created.length} 个，更新 ${result.updated.length} 个，未变 ${result.unchanged.length} 个`}
      description={
        <ul className="import-lines">
          {listed('新增', result.created)}
          {listed('更新', result.updated)}
        </ul>
      }
    />
  );
}

/** Upload an edited dictionary export; the whole file is checked before anything is saved. */
export function ImportDialog({ onClose, onImported }: ImportDialogProps) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const upload = async () => {
    const file = files[0]?.originFileObj;
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ ok: await indicatorsApi.importXlsx(file) });
      onImported();
    } catch (e) {
      const lines = e instanceof ApiRequestError ? e.details.map((d) => d.message) : [];
      setOutcome({ error: errorMessage(e), lines });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title="导入指标字典"
      width={760}
      onCancel={onClose}
      footer={[
        <Button key="close" onClick={onClose}>
          关闭
        </Button>,
        <Button key="import" type="primary" loading={busy} disabled={files.length === 0} onClick={upload}>
          导入
        </Button>,
      ]}
    >
      <p className="dialog-intro">
        请上传由“导出 xlsx”得到并编辑过的文件。系统先检查整个文件，全部无误才按指标代码新增或更新；有错误时不导入任何内容。文件中没有的指标保持不变。
      </p>
      <XlsxDropZone
        files={files}
        onChange={(chosen) => {
          setFiles(chosen);
          setOutcome(null);
        }}
        text="点击或将 .xlsx 文件拖拽到此处"
      />
      {outcome && 'ok' in outcome && <ImportSummary result={outcome.ok} />}
      {outcome && 'error' in outcome && (
        <Alert
          className="import-result"
          type="error"
          showIcon
          title={outcome.error}
          description={
            outcome.lines.length > 0 && (
              <ol className="import-lines" aria-label="导入错误">
                {outcome.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ol>
            )
          }
        />
      )}
    </Modal>
  );
}
