import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Space } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { IndicatorSupervisionButton } from '../../workitems/IndicatorSupervisionButton';
import { AnalyticsFilters } from '../AnalyticsFilters';
import { analyticsUrls, type IndicatorAnalyticsDto } from '../api';
import { EChart } from '../charts/EChart';
import { childrenOption, trendOption } from '../../../../shared/charts/options';
import '../analytics.css';
import { StatusLegend, StatusTag } from '../StatusTag';
import { TargetBasisTag } from '../TargetBasisTag';
import { carryQuery, useAnalyticsParams } from '../useAnalyticsParams';
import { useDemoUnit } from '../useDemoUnit';
import { childrenYear, headlineStatus } from './headline';
import { MetaCard } from './MetaCard';
import { SeriesTable } from './SeriesTable';
import { WhyPanel } from './WhyPanel';


/** Each sub-unit's status is against its own plan's targets; those that borrow a parent's are named. */
function ChildrenBases({ data }: { data: IndicatorAnalyticsDto }) {
  const borrowing = data.children.filter((c) => c.targetBasis?.source === 'inherited');
  if (!borrowing.length) return <p className="text-muted target-basis-note">各下级单位均按本级规划目标评估。</p>;
  return (
    <p className="text-muted target-basis-note">
      各下级单位按本级规划目标评估；
      {borrowing.map((c) => `${c.orgUnit.name}${c.targetBasis!.label}`).join('，')}。
    </p>
  );
}

export default function IndicatorAnalyticsPage() {
  const id = Number(useParams().id);
  const { params } = useAnalyticsParams();
  const { data, error, loading, reload } = useApiGet<IndicatorAnalyticsDto>(Number.isInteger(id) && id > 0 ? analyticsUrls.indicator(id, params) : null);
  useDemoUnit(data?.orgUnit.id);
  const trend = useMemo(() => (data ? trendOption(data) : null), [data]);
  const comparison = useMemo(() => (data && data.children.some((c) => c.latest) ? childrenOption(data) : null), [data]);
  const milestones = useMemo(() => [...new Set(data?.targets.map((t) => t.year) ?? [])].sort(), [data]);
  const unitParams = { ...params, orgUnitId: data?.orgUnit.id ?? params.orgUnitId };

  return (
    <>
      <PageHeader
        breadcrumb={<Link to={`/analytics${carryQuery(unitParams)}`}>监测概览</Link>}
        title={
          data ? (
            <span className="indicator-title">
              {data.indicator.name}
              <span className="indicator-title__code">{data.indicator.code}</span>
              <StatusTag status={headlineStatus(data)} />
              <TargetBasisTag label={data.targetBasis?.label ?? null} planTitle={data.targetBasis?.planTitle} />
            </span>
          ) : (
            '指标分析'
          )
        }
        description={data ? `${data.orgUnit.name} · ${data.scope === 'approved' ? '仅含已审核数据' : '含未审核数据'}` : undefined}
        extra={
          data && (
            <Space>
              <IndicatorSupervisionButton indicator={data.indicator} orgUnit={data.orgUnit} />
              <Button icon={<DownloadOutlined />} href={analyticsUrls.indicatorTable(id, unitParams)} download>
                导出数据表
              </Button>
            </Space>
          )
        }
      />
      <AnalyticsFilters orgUnitId={data?.orgUnit.id} milestones={milestones} milestone={data?.milestone} />
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <div className={loading ? 'analytics-body is-reloading' : 'analytics-body'} aria-busy={loading}>
          <Row gutter={16}>
            <Col xs={24} xl={16}>
              <Card variant="borderless" className="content-card" title="趋势与目标">
                {trend && data.series.some((s) => s.points.length > 0) ? (
                  <EChart option={trend} title={`${data.orgUnit.name}${data.indicator.name}趋势`} height={340} />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <MetaCard meta={data.indicator} />
            </Col>
          </Row>
          <WhyPanel data={data} />
          <Row gutter={16}>
            {comparison && (
              <Col xs={24} xl={12}>
                <Card variant="borderless" className="content-card" title={`下级单位比较（${childrenYear(data)}）`}>
                  <EChart option={comparison} title={`${data.orgUnit.name}各下级单位${data.indicator.name}`} height={300} />
                  <StatusLegend />
                  <ChildrenBases data={data} />
                </Card>
              </Col>
            )}
            <Col xs={24} xl={comparison ? 12 : 24}>
              <Card variant="borderless" className="content-card" title="数据表">
                <SeriesTable data={data} />
              </Card>
            </Col>
          </Row>
        </div>
      )}
    </>
  );
}
