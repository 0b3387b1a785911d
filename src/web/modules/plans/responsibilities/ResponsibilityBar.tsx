import { DownloadOutlined, ScheduleOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Modal, type UploadFile } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { PlanResponsibilitiesDto } from '../../../../shared/api/responsibilities';
import { RESPONSIBILITY_FILE_LIMIT, RESPONSIBILITY_ROW_LIMIT } from '../../../../shared/plans/responsibilityTable';
import { XlsxDropZone } from '../../../components/XlsxDropZone';
import { ApiRequestError, errorMessage } from '../../../http/client';
import { responsibilitiesApi, responsibilitiesUrls } from './api';

interface Props {
  planId: number;
  data: PlanResponsibilitiesDto;
  onChanged: () => void;
}

/** The plan page's 责任分解 strip: counts, the template, the import and the 实施方案 page. */
export function ResponsibilityBar({ planId, data, onChanged }: Props) {
  const { message } = App.useApp();
  const [importing, setImporting] = useState(false);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<{ summary: string; lines: string[] } | null>(null);
  const withLead = data.items.filter((i) => i.leads.length > 0).length;

  const close = () => {
    setImporting(false);
    setFiles([]);
    setProblems(null);
  };
  const upload = async () => {
    const file = files[0]?.originFileObj;
    if (!file) return;
    setBusy(true);
    setProblems(null);
    try {
      const result = await responsibilitiesApi.importTable(planId, file);
      message.success(`已导入 ${result.items} 条目标、措施的责任单位（牵头 ${result.leads} 个，配合 ${result.partners} 个）`);
      close();
      onChanged();
    } catch (e) {
      if (e instanceof ApiRequestError && e.details.length) setProblems({ summary: `责任分解表有 ${e.details.length} 处错误，未导入任何内容，请修改后重新上传：`, lines: e.details.map((d) => d.message) });
      else setProblems({ summary: errorMessage(e), lines: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card variant="borderless" className="content-card" title="责任分解" size="small">
      <div className="responsibility-bar">
        <span>
          已为 <strong>{withLead}</strong> 条目标、措施确定牵头单位
        </span>
        <a href={responsibilitiesUrls.template(planId)} download>
          <Button icon={<DownloadOutlined />}>下载责任分解表模板</Button>
        </a>
        {data.canManage && (
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            导入责任分解表
          </Button>
        )}
        {data.canManage && (
          <Link to={`/plans/${planId}/implementation`}>
            <Button icon={<ScheduleOutlined />}>实施方案报送情况</Button>
          </Link>
        )}
        <span className="responsibility-bar__hint">在各目标、措施下方可逐条设置牵头单位和配合单位</span>
      </div>
      <Modal
        open={importing}
        title="导入责任分解表"
        okText="导入"
        cancelText="取消"
        onOk={upload}
        onCancel={close}
        confirmLoading={busy}
        okButtonProps={{ disabled: files.length === 0 }}
        destroyOnHidden
      >
        <p>
          请先下载模板：模板已列出本规划的全部目标和措施。按“领域”“目标/措施编号”（如“目标2”“措施3”）填写牵头单位、配合单位，
          多个单位用顿号分隔，填写成员单位的简称或全称。表中未列出的目标、措施保持原设置；某行牵头、配合都留空则清除该条设置。
        </p>
        <p className="text-muted">
          .xlsx 文件，最大 {RESPONSIBILITY_FILE_LIMIT / 1024 / 1024} MB、{RESPONSIBILITY_ROW_LIMIT} 行；任何一行有误则整表不导入。
        </p>
        <XlsxDropZone files={files} onChange={(next) => { setFiles(next); setProblems(null); }} text="点击或拖入填好的责任分解表（.xlsx）" />
        {problems && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={problems.summary}
            description={problems.lines.length ? <ol className="import-problems">{problems.lines.map((l) => <li key={l}>{l}</li>)}</ol> : undefined}
          />
        )}
      </Modal>
    </Card>
  );
}
