import { Card, Empty, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import type { PlanDetailDto, PlanVersionDto } from '../../../../shared/api/plans';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { plansUrls } from '../api';
import { ChangeDetails, LinkReport } from '../import/ChangeDetails';
import { changeCounts } from '../import/OutcomeSummary';
import '../import/import.css';

const OUTCOME: Record<PlanVersionDto['outcome'], { label: string; color: string }> = {
  created: { label: '首次导入', color: 'green' },
  updated: { label: '修订', color: 'blue' },
  unchanged: { label: '原文调整', color: 'default' },
};

/** Every import of a plan: who, when, from which file (and its hash), what changed, which links. */
export default function PlanVersionsPage() {
  const planId = Number(useParams().id);
  const validId = Number.isInteger(planId) && planId > 0;
  const plan = useApiGet<PlanDetailDto>(validId ? plansUrls.detail(planId) : null);
  const versions = useApiGet<PlanVersionDto[]>(validId ? plansUrls.versions(planId) : null);

  if (!validId) return <Empty className="page-empty" description="规划编号无效" />;
  if (plan.error) return <LoadError error={plan.error} onRetry={plan.reload} />;
  if (versions.error) return <LoadError error={versions.error} onRetry={versions.reload} />;
  if (!plan.data || !versions.data) return <PageLoading />;

  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link to="/plans">规划管理</Link> / <Link to={`/plans/${planId}`}>{plan.data.title}</Link>
          </>
        }
        title={`${plan.data.title} · 版本历史`}
        description={`共 ${versions.data.length} 个版本。每次导入原文有变化时记录一个版本：导入人、时间、原文文件与哈希、修改前后对照、与指标字典的关联变化。`}
      />
      <Card variant="borderless" className="content-card">
        {versions.data.length === 0 ? (
          <Empty description="尚无版本记录（本功能上线前导入的规划，下次导入时开始记录）" />
        ) : (
          <Timeline
            items={versions.data.map((v) => ({
              key: v.version,
              color: OUTCOME[v.outcome].color === 'default' ? 'gray' : OUTCOME[v.outcome].color,
              children: (
                <section className="plan-version" aria-label={`第 ${v.version} 版`}>
                  <div className="plan-version__head">
                    <strong>第 {v.version} 版</strong> <Tag color={OUTCOME[v.outcome].color}>{OUTCOME[v.outcome].label}</Tag>
                    {dayjs(v.importedAt).format('YYYY-MM-DD HH:mm')} · {v.importedBy ?? '命令行'} · {v.sourceName}
                    <span className="muted" title={v.sourceHash}> · SHA-256 {v.sourceHash.slice(0, 12)}…</span>
                  </div>
                  {v.outcome === 'updated' && <div>{changeCounts(v.changes)}</div>}
                  <ChangeDetails details={v.changes.details} />
                  <LinkReport links={v.links} verb="已" />
                </section>
              ),
            }))}
          />
        )}
      </Card>
    </>
  );
}
