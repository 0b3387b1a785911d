import { Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { OrgUnitSelect } from '../orgs/OrgUnitSelect';
import { useCurrentUser } from '../auth/SessionContext';
import type { AnalyticsParams } from './api';
import { useAnalyticsParams } from './useAnalyticsParams';
import { useUnitOptions } from './useUnitOptions';

interface AnalyticsFiltersProps {
  /** The unit the server answered for, shown while the address names none. */
  orgUnitId: number | undefined;
  /** Milestone years to choose from, and the one the server assessed against; omit to hide the selector. */
  milestones?: readonly number[];
  milestone?: number | null;
  /** Data years to choose from, and the one shown; omit to hide the selector. */
  years?: readonly number[];
  year?: number | null;
  children?: ReactNode;
}

/** 单位 · 目标年度 · 数据年份 · 数据范围, written into the address. */
export function AnalyticsFilters({ orgUnitId, milestones, milestone, years, year, children }: AnalyticsFiltersProps) {
  const user = useCurrentUser();
  const { params, update } = useAnalyticsParams();
  const { options, loading } = useUnitOptions(user);
  const shownUnit = params.orgUnitId ?? orgUnitId;

  return (
    <div className="analytics-filters" role="group" aria-label="分析条件">
      <div className="analytics-filters__field">
        <span className="analytics-filters__label">单位</span>
        <OrgUnitSelect
          options={options}
          loading={loading}
          value={options.length > 0 ? shownUnit ?? null : null}
          onChange={(id) => update({ orgUnitId: id ?? undefined })}
          className="analytics-filters__unit"
          aria-label="单位"
          popupMatchSelectWidth={false}
        />
      </div>
      {milestones && milestones.length > 0 && (
        <div className="analytics-filters__field">
          <span className="analytics-filters__label">目标年度</span>
          <Select<number>
            value={params.milestone ?? milestone ?? undefined}
            onChange={(year) => update({ milestone: year })}
            options={milestones.map((year) => ({ value: year, label: `${year}年目标` }))}
            className="analytics-filters__milestone"
            aria-label="目标年度"
          />
        </div>
      )}
      {years && years.length > 0 && (
        <div className="analytics-filters__field">
          <span className="analytics-filters__label">数据年份</span>
          <Select<number>
            value={params.year ?? year ?? undefined}
            onChange={(y) => update({ year: y })}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            className="analytics-filters__milestone"
            aria-label="数据年份"
          />
        </div>
      )}
      <ScopeSwitch params={params} onChange={(scope) => update({ scope })} />
      {children}
    </div>
  );
}

function ScopeSwitch({ params, onChange }: { params: AnalyticsParams; onChange: (scope: AnalyticsParams['scope']) => void }) {
  return (
    <span className="analytics-filters__field">
      <span className="analytics-filters__label">数据范围</span>
      <Switch
        checked={params.scope === 'all'}
        onChange={(all) => onChange(all ? 'all' : 'approved')}
        checkedChildren="含未审核数据"
        unCheckedChildren="仅含已审核数据"
        aria-label="包含未审核数据"
      />
    </span>
  );
}
