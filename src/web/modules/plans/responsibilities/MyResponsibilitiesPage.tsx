import { Button, Card, Empty, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import type { MyResponsibilitiesDto } from '../../../../shared/api/responsibilities';
import { areaNumber, itemNumber } from '../../../../shared/plans/responsibilityTable';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { StatusTag } from '../../analytics/StatusTag';
import { TargetBasisTag } from '../../analytics/TargetBasisTag';
import { KindTag } from '../KindTag';
import { responsibilitiesUrls } from './api';
import { FileImplementationModal } from './FileImplementationModal';
import { ImplementationSummary, StandingTag } from './ImplementationStatus';
import './responsibilities.css';

type PlanEntry = MyResponsibilitiesDto['plans'][number];
type Item = PlanEntry['areas'][number]['items'][number];

const formatValue = (v: number, decimals: number, unit: string | null) => `${v.toFixed(decimals)}${unit ?? ''}`;

function ItemRow({ item }: { item: Item }) {
  return (
    <div className="my-item">
      <div className="my-item__head">
        <span className="my-item__no">{itemNumber(item.kind, item.no)}</span>
        <Tag color={item.role === 'lead' ? 'red' : 'default'}>{item.role === 'lead' ? '牵头' : '配合'}</Tag>
        <span className="text-muted">
          牵头：{item.leads.join('、') || '—'}
          {item.partners.length > 0 && `；配合：${item.partners.join('、')}`}
        </span>
      </div>
      <p className="my-item__text">{item.text}</p>
      {item.indicators.length > 0 && (
        <ul className="my-item__indicators" aria-label={`${itemNumber(item.kind, item.no)}的相关指标`}>
          {item.indicators.map((i) => (
            <li key={i.id}>
              {i.name}：{i.latest ? `${formatValue(i.latest.value, i.decimals, i.unit)}（${i.latest.year} 年）` : <span className="text-muted">暂无已审核数据</span>}{' '}
              <StatusTag status={i.status} /> <TargetBasisTag label={i.targetBasis} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PlanCard({ entry, department, onFile }: { entry: PlanEntry; department: MyResponsibilitiesDto['department']; onFile: () => void }) {
  const { implementation: impl } = entry;
  const canFileNow = impl.canFile && (impl.latest === null || impl.latest.state === 'returned');
  const count = entry.areas.reduce((n, a) => n + a.items.length, 0);
  return (
    <Card
      variant="borderless"
      className="content-card"
      title={<span>{entry.plan.title} <KindTag kind={entry.plan.kind} /></span>}
      extra={<Link to={`/plans/${entry.plan.id}`}>查看规划</Link>}
    >
      <section aria-label="实施方案" className="my-implementation">
        <Space wrap>
          <strong>实施方案</strong>
          <StandingTag standing={impl.standing} />
          {impl.dueOn && <span className="text-muted">报送截止：{impl.dueOn}</span>}
          {canFileNow && (
            <Button type="primary" size="small" onClick={onFile}>
              {impl.latest ? '重新报送实施方案' : '报送实施方案'}
            </Button>
          )}
        </Space>
        {impl.latest && <ImplementationSummary filing={impl.latest} />}
      </section>
      <p className="text-muted">{department.shortName}在本规划中牵头或配合 {count} 条目标、措施：</p>
      {entry.areas.map((area) => (
        <section key={area.no} className="my-area" aria-label={area.title}>
          <h3 className="my-area__title">
            {areaNumber(area.no)}
            {area.title.replace(/^\s*[（(][一二三四五六七八九十]+[）)]\s*/, '')}
          </h3>
          {area.items.map((item) => <ItemRow key={`${item.kind}${item.id}`} item={item} />)}
        </section>
      ))}
    </Card>
  );
}

/** 我的责任目标: what the user's member department leads or supports, with the indicators' progress and its 实施方案. */
export default function MyResponsibilitiesPage() {
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('departmentId')) || null;
  const { data, error, reload } = useApiGet<MyResponsibilitiesDto>(responsibilitiesUrls.mine(requested));
  const [filing, setFiling] = useState<PlanEntry | null>(null);

  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;

  return (
    <>
      <PageHeader
        title="我的责任目标"
        description={`${data.department.orgUnit.name} · ${data.department.name}：本单位牵头或配合的规划目标、策略措施，相关指标的最新数据和进展，以及实施方案报送。`}
        extra={
          data.seats.length > 1 && (
            <Select
              value={data.department.id}
              aria-label="成员单位"
              style={{ minWidth: 220 }}
              options={data.seats.map((s) => ({ value: s.id, label: `${s.orgUnit.name} · ${s.shortName}` }))}
              onChange={(id) => setParams({ departmentId: String(id) })}
            />
          )
        }
      />
      {data.plans.length === 0 ? (
        <Card variant="borderless" className="content-card">
          <Empty description="本单位在现行规划中还没有牵头或配合的目标、措施" />
        </Card>
      ) : (
        data.plans.map((entry) => <PlanCard key={entry.plan.id} entry={entry} department={data.department} onFile={() => setFiling(entry)} />)
      )}
      {filing && (
        <FileImplementationModal
          planId={filing.plan.id}
          planTitle={filing.plan.title}
          departmentId={data.department.id}
          departmentName={data.department.shortName}
          onClose={() => setFiling(null)}
          onFiled={() => {
            setFiling(null);
            reload();
          }}
        />
      )}
    </>
  );
}
