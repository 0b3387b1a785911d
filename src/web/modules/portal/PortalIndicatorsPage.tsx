import { Card, Empty } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useApiGet } from '../../http/useApiGet';
import { StatusLegend } from '../analytics/StatusTag';
import { areaLabel } from '../plans/format';
import { publicUrls, type PublicAreasDto } from './api';
import { DownloadButtons } from './DownloadButtons';
import { IndicatorTile } from './IndicatorTile';
import { UnitPicker } from './UnitPicker';

const positiveInt = (text: string | null) => (text && /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : undefined);

export default function PortalIndicatorsPage() {
  const [search, setSearch] = useSearchParams();
  const orgUnitId = positiveInt(search.get('orgUnitId'));
  const { data, error, loading, reload } = useApiGet<PublicAreasDto>(publicUrls.areas(orgUnitId));
  const unitId = orgUnitId ?? data?.orgUnit.id;
  const link = (id: number) => `/portal/indicators/${id}${unitId ? `?orgUnitId=${unitId}` : ''}`;

  return (
    <>
      <PageHeader
        title={data ? `${data.orgUnit.name}妇女儿童发展规划监测指标` : '妇女儿童发展规划监测指标'}
        description="公开的监测指标最新数据与目标进展（仅含经审核的数据）。"
        extra={<DownloadButtons />}
      />
      <div className="portal-toolbar">
        <span className="portal-toolbar__label">地区</span>
        <UnitPicker value={unitId} onChange={(id) => setSearch({ orgUnitId: String(id) }, { replace: true })} />
        <StatusLegend />
      </div>
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <PageLoading />
      ) : data.areas.length === 0 ? (
        <Empty className="page-empty" description="暂无公开的指标" />
      ) : (
        <div className={loading ? 'is-reloading' : undefined} aria-busy={loading}>
          {data.areas.map((area) => (
            <Card
              key={`${area.planTitle}#${area.no}`}
              variant="borderless"
              className="content-card portal-area"
              title={
                <span>
                  {areaLabel(area.no, area.title)}
                  <span className="portal-area__plan">{area.planTitle}</span>
                </span>
              }
              role="region"
              aria-label={area.title}
            >
              <ul className="portal-tiles">
                {area.indicators.map((indicator) => (
                  <IndicatorTile key={indicator.id} indicator={indicator} href={link(indicator.id)} />
                ))}
              </ul>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
