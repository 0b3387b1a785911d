import { DeleteOutlined, DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ReportDocumentDto } from '../../../shared/api/reports';
import { REGENERATE_LABELS, REPORT_REVIEWERS, transitionsFrom, type ReportKind, type ReportTransition } from '../../../shared/reports/workflow';
import { errorMessage } from '../../http/client';
import { allows } from '../auth/permissions';
import { useCurrentUser } from '../auth/SessionContext';
import { reportsApi, reportUrls } from './api';

const done = (kind: ReportKind): Record<ReportTransition['action'], string> => ({
  submit: `已送${REPORT_REVIEWERS[kind].name}审核`,
  pass: '审核通过，已送领导审定',
  approve: '审定通过，办公室可以发布',
  return: '已退回，办公室将看到退回理由',
  publish: '已发布：报告已冻结，门户网站可以下载',
});

/** The steps the reader may take now, downloads, and the office's own draft tools. */
export function ReportActions({ report, onChanged }: { report: ReportDocumentDto; onChanged: (next: ReportDocumentDto, note?: string) => void }) {
  const user = useCurrentUser();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState<ReportTransition | null>(null);
  const [reason, setReason] = useState('');
  const unit = { orgUnitId: report.orgUnit.id };
  const steps = transitionsFrom(report.kind, report.status).filter((t) => allows(user, t.policy, unit));
  const edits = report.status === 'draft' && allows(user, 'reports.edit', unit);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const take = (t: ReportTransition, comment: string | null = null) =>
    run(async () => {
      onChanged(await reportsApi.act(report.id, t.action, comment), done(report.kind)[t.action]);
      setReturning(null);
    });
  const onStep = (t: ReportTransition) => {
    if (t.needsReason) {
      setReason('');
      setReturning(t);
    } else if (t.action === 'publish') {
      modal.confirm({
        title: '发布报告',
        content: '发布后报告即冻结，生成 Word 和 PDF 文件并在门户网站公开，以后数据更正也不再改变。确定发布吗？',
        okText: '发布',
        cancelText: '取消',
        onOk: () => take(t),
      });
    } else {
      void take(t);
    }
  };
  const regenerate = () =>
    run(async () => {
      const { document, restored } = await reportsApi.regenerate(report.id);
      const done = `已${REGENERATE_LABELS[report.kind]}`;
      onChanged(document, restored.length ? `${done}；以下条目数据有变化，已恢复为生成的文字：${restored.join('、')}` : done);
    });
  const remove = () =>
    modal.confirm({
      title: '删除报告草稿',
      content: '删除后不能恢复。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => run(async () => {
        await reportsApi.remove(report.id);
        message.success('已删除');
        navigate('/reports');
      }),
    });

  return (
    <>
      <Space wrap>
        <Button icon={<DownloadOutlined />} href={reportUrls.docx(report.id)}>下载 Word</Button>
        {report.files.pdf && <Button icon={<DownloadOutlined />} href={reportUrls.pdf(report.id)} target="_blank">下载 PDF</Button>}
        {edits && <Button icon={<ReloadOutlined />} onClick={regenerate} disabled={busy}>{REGENERATE_LABELS[report.kind]}</Button>}
        {edits && <Button icon={<DeleteOutlined />} danger onClick={remove} disabled={busy}>删除</Button>}
        {steps.map((t) => (
          <Button key={t.action} type={t.action === 'return' ? 'default' : 'primary'} danger={t.action === 'return'} loading={busy && !returning} onClick={() => onStep(t)}>
            {t.label}
          </Button>
        ))}
      </Space>
      {returning && (
        <Modal
          open
          title="退回修改"
          okText="退回"
          cancelText="取消"
          okButtonProps={{ disabled: reason.trim() === '', danger: true }}
          confirmLoading={busy}
          onCancel={() => setReturning(null)}
          onOk={() => take(returning, reason.trim())}
        >
          <Form layout="vertical">
            <Form.Item label="退回理由" required>
              <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} showCount rows={4} aria-label="退回理由" placeholder="如：第二部分请补充城乡对比" />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </>
  );
}
