import { Alert, App, Card, Col, Row, Steps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ReportDocumentDto, ReportFindingDto } from '../../../shared/api/reports';
import { dataVersionTime } from '../../../shared/reports/dataVersion';
import { REPORT_REVIEWERS, type ReportKind } from '../../../shared/reports/workflow';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useApiGet } from '../../http/useApiGet';
import { allows } from '../auth/permissions';
import { useCurrentUser } from '../auth/SessionContext';
import { reportsApi, reportUrls } from './api';
import { AnnualReportBody } from './AnnualReportBody';
import { EvaluationReportBody } from './EvaluationReportBody';
import { ReportActions } from './ReportActions';
import { ReportHistory } from './ReportHistory';
import { ReportStatusTag } from './ReportStatusTag';
import './reports.css';

const STAGES = ['draft', 'reviewing', 'approving', 'published'] as const;
const stageItems = (kind: ReportKind) => [{ title: '办公室编写' }, { title: `${REPORT_REVIEWERS[kind].name}审核` }, { title: '领导审定' }, { title: '发布' }];
const stageOf = (status: ReportDocumentDto['status']) => (status === 'approved' ? 3 : STAGES.indexOf(status));

/** A report in the making or out: its figures frozen at generation, the office's words, its workflow. */
/** The data version as people read it: the time of the data's last change before the report was made. */
function dataVersionText(token: string): string {
  const at = dataVersionTime(token);
  return at ? `数据版本：${dayjs(at).format('YYYY-MM-DD HH:mm:ss')} 的数据` : '数据版本：初始数据';
}

export default function ReportPage() {
  const id = Number(useParams().id);
  const user = useCurrentUser();
  const { message } = App.useApp();
  const { data, error, reload } = useApiGet<ReportDocumentDto>(Number.isInteger(id) && id > 0 ? reportUrls.report(id) : null);
  // The answer of the last change made here, newer than what was loaded.
  const [changedReport, setReport] = useState<ReportDocumentDto | null>(null);
  const report = changedReport ?? data;
  if (error && !report) return <LoadError error={error} onRetry={reload} />;
  if (!report) return <PageLoading />;

  const editable = report.status === 'draft' && allows(user, 'reports.edit', { orgUnitId: report.orgUnit.id });
  const lastReturn = report.status === 'draft' ? [...report.steps].reverse().find((s) => s.action === 'return' || s.action === 'submit') : undefined;
  const changed = (next: ReportDocumentDto, note?: string) => {
    setReport(next);
    if (note) message.success(note);
  };
  const saveFinding = async (finding: ReportFindingDto, text: { headline: string; sentences: string[] } | null, note: string | null) => {
    setReport(await reportsApi.saveFinding(report.id, finding.indicatorId, { text, note, expectedVersion: report.version }));
  };
  const saveAdvice = async (advice: string[] | null) => {
    setReport(await reportsApi.saveAdvice(report.id, { advice, expectedVersion: report.version }));
  };

  return (
    <>
      <PageHeader
        breadcrumb={<><Link to="/reports">监测报告</Link> / {report.orgUnit.name}</>}
        title={<span className="report-heading">{report.title}<ReportStatusTag kind={report.kind} status={report.status} /></span>}
        description={
          <span className="report-meta">
            {report.kind === 'annual'
              ? `${report.year}年度 · 据 ${dayjs(report.createdAt).format('YYYY-MM-DD HH:mm')} 审核通过的数据生成 · ${dataVersionText(report.dataVersion)}`
              : `${report.year}年评估 · 据 ${dayjs(report.createdAt).format('YYYY-MM-DD HH:mm')} 的自评和评审结果生成`}
            {report.publishedAt && ` · ${dayjs(report.publishedAt).format('YYYY-MM-DD')} 发布`}
          </span>
        }
        extra={<ReportActions report={report} onChanged={changed} />}
      />
      <Card variant="borderless" className="content-card report-stages">
        <Steps current={stageOf(report.status)} status={report.status === 'published' ? 'finish' : 'process'} items={stageItems(report.kind)} size="small" />
      </Card>
      {lastReturn?.action === 'return' && <Alert type="warning" showIcon className="page-alert" title="报告被退回修改" description={`退回理由：${lastReturn.comment ?? ''}（${lastReturn.actor ?? ''}）`} />}
      {/* The data version follows reported values; an evaluation's forms are regenerated on the office's own judgement. */}
      {report.kind === 'annual' && report.status === 'draft' && report.currentDataVersion !== report.dataVersion && (
        <Alert type="info" showIcon className="page-alert" title={`生成报告后数据有更新（${dataVersionText(report.currentDataVersion)}）`} description="报告中的数字仍是生成时的。如需采用最新数据，请点击“按最新数据重新生成”；数据有变化的条目会恢复为生成的文字。" />
      )}
      {report.status === 'published' && (
        <Alert type="success" showIcon className="page-alert" title="报告已发布并冻结" description="此后数据的更正不改变已发布的报告；门户网站提供 Word 和 PDF 下载。" />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={18}>
          <Card variant="borderless" className="content-card">
            {report.content.kind === 'annual' ? (
              <AnnualReportBody content={report.content} onSaveFinding={editable ? saveFinding : null} />
            ) : (
              <EvaluationReportBody content={report.content} onSaveAdvice={editable ? saveAdvice : null} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <Card variant="borderless" className="content-card" title="办理记录">
            <ReportHistory kind={report.kind} steps={report.steps} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
