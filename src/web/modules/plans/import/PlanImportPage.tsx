import { Alert, App, Button, Card, Empty, Steps, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { PlanImportDto, PlanPreviewDto } from '../../../../shared/api/plans';
import { errorMessage } from '../../../http/client';
import { PageHeader } from '../../../components/PageHeader';
import { plansApi } from '../api';
import './import.css';
import { ImportDone } from './ImportDone';
import { ImportFileForm } from './ImportFileForm';
import { PreviewPlanCard } from './PreviewPlanCard';
import { PreviewWarnings } from './PreviewWarnings';

type Stage =
  | { step: 'select' }
  | { step: 'preview'; preview: PlanPreviewDto }
  | { step: 'done'; result: PlanImportDto };

const STEP_INDEX: Record<Stage['step'], number> = { select: 0, preview: 1, done: 2 };

export default function PlanImportPage() {
  const { message } = App.useApp();
  const [stage, setStage] = useState<Stage>({ step: 'select' });
  const [orgUnitId, setOrgUnitId] = useState<number | null>(null);
  const [fileList, setFileList] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const file = fileList[0]?.originFileObj;

  const changeFiles = (files: UploadFile[]) => {
    setFileList(files);
    setError(null);
  };

  const runPreview = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setStage({ step: 'preview', preview: await plansApi.preview(file, orgUnitId) });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const runImport = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await plansApi.import(file, orgUnitId);
      setStage({ step: 'done', result });
      message.success('规划已导入');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setStage({ step: 'select' });
    setFileList([]);
    setError(null);
  };

  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/plans">规划管理</Link>}
        title="导入规划"
        description="上传已印发的规划文本，系统识别发展领域、主要目标、策略措施与量化指标，核对无误后保存。"
      />
      <Card variant="borderless" className="content-card import-steps">
        <Steps
          current={STEP_INDEX[stage.step]}
          items={[{ title: '选择文件' }, { title: '核对识别结果' }, { title: '完成导入' }]}
        />
      </Card>

      {stage.step === 'select' && (
        <ImportFileForm
          orgUnitId={orgUnitId}
          onOrgUnitChange={setOrgUnitId}
          fileList={fileList}
          onFileListChange={changeFiles}
          onPreview={runPreview}
          busy={busy}
          error={error}
        />
      )}

      {stage.step === 'preview' && (
        <>
          {error && <Alert className="import-form__error" type="error" showIcon title="导入失败" description={error} />}
          <PreviewWarnings warnings={stage.preview.result.warnings} />
          {stage.preview.result.plans.length === 0 ? (
            <Card variant="borderless" className="content-card">
              <Empty description="未从文件中识别到规划，请确认文件是否为已印发的规划文本。" />
            </Card>
          ) : (
            stage.preview.result.plans.map((plan, index) => (
              <PreviewPlanCard
                key={`${plan.line}-${plan.title}`}
                plan={plan}
                outcome={stage.preview.outcomes.find((o) => o.title === plan.title) ?? stage.preview.outcomes[index]}
              />
            ))
          )}
          <div className="action-bar">
            <span className="action-bar__hint">文件：{stage.preview.fileName}，确认后保存到系统。</span>
            <Button onClick={restart} disabled={busy}>
              重新选择
            </Button>
            <Button
              type="primary"
              onClick={runImport}
              loading={busy}
              disabled={stage.preview.result.plans.length === 0}
            >
              确认导入
            </Button>
          </div>
        </>
      )}

      {stage.step === 'done' && <ImportDone result={stage.result} onAgain={restart} />}
    </>
  );
}
