import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { AnalyticsFilters } from '../AnalyticsFilters';
import { analyticsUrls, type ScorecardDto } from '../api';
import '../analytics.css';
import { BETTER_COLOR, WORSE_COLOR } from '../status';
import { StatusLegend } from '../StatusTag';
import { carryQuery, useAnalyticsParams } from '../useAnalyticsParams';
import { useDemoUnit } from '../useDemoUnit';
import { ScorecardTable } from './ScorecardTable';

function ArrowLegend() {
  return (
    <ul className="status-legend" aria-label="箭头图例">
      <li className="status-legend__item">
        <span style={{ color: BETTER_COLOR }} aria-hidden="true">
          ↑↓
        </span>
        较上年向好
      </li>
      <li className="status-legend__item">
        <span style={{ color: WORSE_COLOR }} aria-hidden="true">
          ↑↓
        </span>
        较上年变差
      </li>
      <li className="status-legend__item">第N：在同级单位中的排名</li>
    </ul>
  );
}

export default function ScorecardPage() {
  const { params } = useAnalyticsParams();
  const { data, error, loading, reload } = useApiGet<ScorecardDto>(analyticsUrls.scorecard(params));
  useDemoUnit(data?.orgUnit.id);
  const unitParams = { ...params, orgUnitId: data?.orgUnit.id ?? params.orgUnitId };

  return (
    <>
      <PageHeader
        title="评估记分卡"
        description={
          data
            ? `${data.orgUnit.name}各下级单位${data.year ? ` ${data.year} 年` : ''}指标对比${data.milestone ? `，对照${data.milestone}年目标评估` : ''}。`
            : '各单位指标对比：状态、较上年变化与同级排名。'
        }
        extra={
          <Button icon={<DownloadOutlined />} href={analyticsUrls.scorecardXlsx(unitParams)} download disabled={!data}>
            导出 Excel
          </Button>
        }
      />
      <AnalyticsFilters orgUnitId={data?.orgUnit.id} milestones={data?.milestones} milestone={data?.milestone} years={data?.years} year={data?.year} />
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <Card variant="borderless" className={loading ? 'content-card is-reloading' : 'content-card'} aria-busy={loading}>
          <div className="scorecard-legends">
            <StatusLegend />
            <ArrowLegend />
          </div>
          <ScorecardTable
            data={data}
            link={(indicatorId, orgUnitId) => `/analytics/indicators/${indicatorId}${carryQuery({ ...params, orgUnitId })}`}
          />
        </Card>
      )}
    </>
  );
}
