import { App, Card, Select } from 'antd';
import { useState } from 'react';
import { WARNING_KIND_LABELS, WARNING_KINDS } from '../../../../shared/api/analytics';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { AnalyticsFilters } from '../AnalyticsFilters';
import { analyticsUrls, type WarningDto, type WarningFilters, type WarningKind, type WarningListDto } from '../api';
import '../analytics.css';
import { useAnalyticsParams } from '../useAnalyticsParams';
import { useDemoUnit } from '../useDemoUnit';
import { AcknowledgeModal } from './AcknowledgeModal';
import { WarningCountsTable, WarningList } from './WarningTables';
import { useCurrentUser } from '../../auth/SessionContext';
import { acknowledgesWarnings } from '../../auth/permissions';

const KIND_OPTIONS = WARNING_KINDS.map((kind) => ({ value: kind, label: WARNING_KIND_LABELS[kind] }));
const ACK_OPTIONS = [
  { value: 'no', label: '未处理' },
  { value: 'yes', label: '已确认' },
];

function readFilters(search: URLSearchParams): WarningFilters {
  const kind = search.get('kind');
  const acknowledged = search.get('acknowledged');
  return {
    kind: (WARNING_KINDS as readonly string[]).includes(kind ?? '') ? (kind as WarningKind) : undefined,
    acknowledged: acknowledged === 'yes' || acknowledged === 'no' ? acknowledged : undefined,
  };
}

export default function WarningsPage() {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { params, search, update } = useAnalyticsParams();
  const filters = readFilters(search);
  const { data, error, loading, reload } = useApiGet<WarningListDto>(analyticsUrls.warnings(params, filters));
  const [acknowledging, setAcknowledging] = useState<WarningDto | null>(null);
  useDemoUnit(data?.orgUnit.id);

  return (
    <>
      <PageHeader title="预警" description="目标进展滞后、数据波动较大和逾期未报的提示；核实处理后确认并填写处理说明。" />
      <AnalyticsFilters orgUnitId={data?.orgUnit.id} milestones={data?.milestones} milestone={data?.milestone}>
        <Select<WarningKind>
          allowClear
          placeholder="全部类型"
          value={filters.kind}
          onChange={(kind) => update({ kind })}
          options={KIND_OPTIONS}
          className="analytics-filters__kind"
          aria-label="预警类型"
        />
        <Select<'yes' | 'no'>
          allowClear
          placeholder="全部处理状态"
          value={filters.acknowledged}
          onChange={(acknowledged) => update({ acknowledged })}
          options={ACK_OPTIONS}
          className="analytics-filters__kind"
          aria-label="处理状态"
        />
      </AnalyticsFilters>
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <>
          <Card variant="borderless" className="content-card" title="各单位预警数">
            <WarningCountsTable counts={data.counts} />
          </Card>
          <Card variant="borderless" className="content-card" title={`预警列表（${data.items.length} 条）`}>
            <WarningList items={data.items} loading={loading} onAcknowledge={acknowledgesWarnings(user) ? setAcknowledging : undefined} />
          </Card>
        </>
      )}
      {acknowledging && (
        <AcknowledgeModal
          warning={acknowledging}
          onClose={() => setAcknowledging(null)}
          onDone={() => {
            setAcknowledging(null);
            message.success('预警已确认');
            reload();
          }}
        />
      )}
    </>
  );
}
