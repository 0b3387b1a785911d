import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMemo } from 'react';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { AnalyticsFilters } from '../AnalyticsFilters';
import { analyticsUrls, type OverviewDto } from '../api';
import { EChart } from '../charts/EChart';
import { areaStatusOption } from '../../../../shared/charts/options';
import '../analytics.css';
import { useAnalyticsParams, carryQuery } from '../useAnalyticsParams';
import { OpenSupervisionsCard } from '../../workitems/OpenSupervisionsCard';
import { useDemoUnit } from '../useDemoUnit';
import { TargetBasisTag } from '../TargetBasisTag';
import { AreaTable } from './AreaTable';
import { AchievementCard, CompletenessCard, WarningsCard } from './SummaryCards';

export default function OverviewPage() {
  const { params } = useAnalyticsParams();
  const { data, error, loading, reload } = useApiGet<OverviewDto>(analyticsUrls.overview(params));
  useDemoUnit(data?.orgUnit.id);
  const chartOption = useMemo(() => (data ? areaStatusOption(data.areas) : null), [data]);
  const unitParams = { ...params, orgUnitId: data?.orgUnit.id ?? params.orgUnitId };

  return (
    <>
      <PageHeader
        title="监测概览"
        description={
          data
            ? `${data.orgUnit.name}妇女儿童发展规划目标进展${data.milestone ? `（对照${data.milestone}年目标）` : ''}：达标情况、各领域进展、预警与填报完成情况。`
            : '妇女儿童发展规划目标进展：达标情况、各领域进展、预警与填报完成情况。'
        }
      />
      <OpenSupervisionsCard />
      <AnalyticsFilters orgUnitId={data?.orgUnit.id} milestones={data?.milestones} milestone={data?.milestone} />
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <div className={loading ? 'analytics-body is-reloading' : 'analytics-body'} aria-busy={loading}>
          <Row gutter={16}>
            <Col xs={24} lg={8}>
              <AchievementCard data={data} />
            </Col>
            <Col xs={24} lg={8}>
              <WarningsCard data={data} query={(kind) => carryQuery(unitParams, { kind })} />
            </Col>
            <Col xs={24} lg={8}>
              <CompletenessCard data={data} />
            </Col>
          </Row>
          <Card
            variant="borderless"
            className="content-card"
            title="各领域目标进展"
            extra={
              data.targetBases.length > 0 && (
                <span className="target-basis-line" aria-label="评估依据">
                  评估依据：
                  {data.targetBases.map((b) => (
                    <span key={b.label}>
                      <TargetBasisTag label={b.label} />
                      <span className="num">{b.indicators}</span> 项
                    </span>
                  ))}
                </span>
              )
            }
          >
            {chartOption && data.areas.length > 0 && (
              <EChart option={chartOption} title={`${data.orgUnit.name}各领域目标进展`} height={Math.max(220, 48 + data.areas.length * 36)} />
            )}
            <AreaTable areas={data.areas} indicatorLink={(id) => `/analytics/indicators/${id}${carryQuery(unitParams)}`} />
            {data.untargeted > 0 && (
              <Typography.Paragraph type="secondary" className="untargeted-note">
                另有 <span className="num">{data.untargeted}</span> 项指标{data.orgUnit.name}及上级规划均未设定目标（例如没有本级儿童发展规划时的儿童发展规划指标），
                只监测、不评估，不计入以上进展和达标率；数值见<Link to={`/analytics/scorecard${carryQuery(unitParams)}`}>评估记分卡</Link>和指标分析。
              </Typography.Paragraph>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
