import { Button, Card, Col, Empty, Result, Row } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Comparator } from '../../../shared/plan-text/types';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { ApiRequestError } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { EChart } from '../analytics/charts/EChart';
import { trendOption } from '../../../shared/charts/options';
import { formatValue } from '../analytics/format';
import { headlineStatus, latestPoint } from '../analytics/indicator/headline';
import { MetaCard } from '../analytics/indicator/MetaCard';
import { SeriesTable } from '../analytics/indicator/SeriesTable';
import { TargetBasisTag } from '../analytics/TargetBasisTag';
import { StatusTag } from '../analytics/StatusTag';
import { formatTarget } from '../plans/format';
import { publicUrls, type IndicatorAnalyticsDto } from './api';
import { DownloadButtons } from './DownloadButtons';

function Headline({ data }: { data: IndicatorAnalyticsDto }) {
  const latest = latestPoint(data);
  const { decimals, unit } = data.indicator;
  return (
    <Card variant="borderless" className="content-card portal-headline" role="region" aria-label="最新数据">
      <div className="portal-headline__label">{latest ? `${data.orgUnit.name} ${latest.year}年` : data.orgUnit.name}</div>
      <div className="portal-headline__value">{latest ? formatValue(latest.value, decimals, unit) : '暂无数据'}</div>
      <div className="portal-headline__status">
        <StatusTag status={headlineStatus(data)} />
      </div>
      <ul className="portal-headline__targets">
        {data.targets.map((t) => (
          <li key={`${t.year}-${t.comparator}`}>
            目标：{formatTarget({ comparator: t.comparator as Comparator, value: t.value, unit, year: t.year, baseYear: t.baseYear })}
          </li>
        ))}
      </ul>
      {data.targetBasis && (
        <div className="portal-headline__basis">
          <TargetBasisTag label={data.targetBasis.label} planTitle={data.targetBasis.planTitle} />
        </div>
      )}
    </Card>
  );
}

function NotPublished() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="该指标未公开或不存在"
      subTitle="公开数据仅包含已发布的监测指标。"
      extra={
        <Button type="primary" onClick={() => navigate('/portal/indicators')}>
          返回指标公开
        </Button>
      }
    />
  );
}

export default function PortalIndicatorPage() {
  const id = Number(useParams().id);
  const [search] = useSearchParams();
  const orgUnitText = search.get('orgUnitId');
  const orgUnitId = orgUnitText && /^\d+$/.test(orgUnitText) ? Number(orgUnitText) : undefined;
  const valid = Number.isInteger(id) && id > 0;
  const { data, error, reload } = useApiGet<IndicatorAnalyticsDto>(valid ? publicUrls.indicator(id, orgUnitId) : null);
  const trend = useMemo(() => (data ? trendOption(data) : null), [data]);

  if (!valid || (error instanceof ApiRequestError && error.status === 404)) return <NotPublished />;
  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;

  const back = `/portal/indicators${orgUnitId ? `?orgUnitId=${orgUnitId}` : ''}`;
  return (
    <>
      <PageHeader
        breadcrumb={<Link to={back}>指标公开</Link>}
        title={data.indicator.name}
        description={data.indicator.area ? `${data.indicator.area.planTitle} · ${data.indicator.area.title}` : undefined}
        extra={<DownloadButtons />}
      />
      <Row gutter={16}>
        <Col xs={24} lg={8}>
          <Headline data={data} />
          <MetaCard meta={data.indicator} withFormula={false} />
        </Col>
        <Col xs={24} lg={16}>
          <Card variant="borderless" className="content-card" title="趋势与目标">
            {trend && data.series.some((s) => s.points.length > 0) ? (
              <EChart option={trend} title={`${data.orgUnit.name}${data.indicator.name}趋势`} height={340} />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />
            )}
          </Card>
          <Card variant="borderless" className="content-card" title="数据表">
            <SeriesTable data={data} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
