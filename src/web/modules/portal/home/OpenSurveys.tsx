import { Empty, Tag } from 'antd';
import { LoadError } from '../../../components/LoadError';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { localDate } from '../../publishing/format';
import { publicUrls, type OpenSurveyDto } from '../api';

/** Surveys open for answers now, at this unit and below: links to their answering pages. */
export function OpenSurveys({ orgUnitId }: { orgUnitId: number }) {
  const { data, error, reload } = useApiGet<OpenSurveyDto[]>(publicUrls.surveys(orgUnitId));
  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  if (data.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="目前没有正在进行的问卷" />;
  return (
    <ul className="portal-surveys">
      {data.map((s) => (
        <li key={s.id} className="portal-surveys__item">
          <a href={s.url} className="portal-surveys__title">
            {s.title}
          </a>
          <span className="portal-surveys__meta">
            {s.orgUnitName}
            {s.audience === 'child' && <Tag color="green" className="portal-articles__tag">儿童版</Tag>}
            {s.closesAt && <span>截止 {localDate(s.closesAt)}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
