import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Empty } from 'antd';
import dayjs from 'dayjs';
import type { PublicReportDto } from '../../../shared/api/reports';
import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { useApiGet } from '../../http/useApiGet';
import { reportUrls } from './api';
import './reports.css';

/** The portal's list of published monitoring reports of a unit and the units below it, with their files. */
export function PublishedReports({ orgUnitId }: { orgUnitId?: number }) {
  const { data, error, reload } = useApiGet<PublicReportDto[]>(reportUrls.published(orgUnitId));
  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  if (data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无已发布的监测报告" />;
  return (
    <ul className="portal-reports" aria-label="已发布的监测报告">
      {data.map((r) => (
        <li key={r.id} className="portal-reports__item">
          <span>{r.title}</span>
          <span className="portal-reports__meta">
            <span>{dayjs(r.publishedAt).format('YYYY-MM-DD')}</span>
            <a href={r.docxUrl} aria-label={`${r.title} Word 版`}><FileWordOutlined /> Word</a>
            {r.pdfUrl && <a href={r.pdfUrl} target="_blank" rel="noreferrer" aria-label={`${r.title} PDF 版`}><FilePdfOutlined /> PDF</a>}
          </span>
        </li>
      ))}
    </ul>
  );
}
