import { Empty } from 'antd';
import { LoadError } from '../../../components/LoadError';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { publicUrls, type PublicAreasDto } from '../api';
import { IndicatorTile } from '../IndicatorTile';
import { highlightsOf } from './highlights';

/** A few published indicators with their latest value and status; the full list is 指标公开. */
export function IndicatorHighlights({ orgUnitId }: { orgUnitId?: number }) {
  const { data, error, reload } = useApiGet<PublicAreasDto>(publicUrls.areas(orgUnitId));
  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  const chosen = highlightsOf(data);
  if (chosen.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无公开的指标" />;
  return (
    <ul className="portal-tiles">
      {chosen.map((i) => (
        <IndicatorTile key={i.id} indicator={i} href={`/portal/indicators/${i.id}${orgUnitId ? `?orgUnitId=${orgUnitId}` : ''}`} />
      ))}
    </ul>
  );
}
