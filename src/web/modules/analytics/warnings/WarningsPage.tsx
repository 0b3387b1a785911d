import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space } from 'antd';
import { useState } from 'react';
import { WARNING_KIND_LABELS, WARNING_KINDS } from '../../../../shared/api/analytics';
import { FOLLOWUP_STATE_LABELS, FOLLOWUP_STATES } from '../../../../shared/followup/stateMachine';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { acknowledgesWarnings, allows } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/SessionContext';
import { AssignModal } from '../../followup/AssignModal';
import { IndicatorSupervisionButton } from '../../workitems/IndicatorSupervisionButton';
import { followupUrls, type FollowupWarningListDto, type WarningRowDto, type WarningRowFilters } from '../../followup/api';
import { AnalyticsFilters } from '../AnalyticsFilters';
import '../analytics.css';
import { useAnalyticsParams } from '../useAnalyticsParams';
import { useDemoUnit } from '../useDemoUnit';
import { AcknowledgeModal } from './AcknowledgeModal';
import { WarningCountsTable, WarningList } from './WarningTables';

const KIND_OPTIONS = WARNING_KINDS.map((kind) => ({ value: kind, label: WARNING_KIND_LABELS[kind] }));
const ACK_OPTIONS = [
  { value: 'no', label: '未确认' },
  { value: 'yes', label: '已确认' },
];
const FOLLOWUP_OPTIONS = [{ value: 'none', label: '未整改' }, ...FOLLOWUP_STATES.map((s) => ({ value: s, label: FOLLOWUP_STATE_LABELS[s] }))];

const positive = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : undefined);
function readFilters(search: URLSearchParams): WarningRowFilters {
  const oneOf = (key: string, values: readonly string[]) => (values.includes(search.get(key) ?? '') ? search.get(key)! : undefined);
  return {
    kind: oneOf('kind', WARNING_KINDS),
    acknowledged: oneOf('acknowledged', ['yes', 'no']),
    followup: oneOf('followup', ['none', ...FOLLOWUP_STATES]),
    unitId: positive(search.get('unitId')),
    indicatorId: positive(search.get('indicatorId')),
    departmentId: positive(search.get('departmentId')),
  };
}

export default function WarningsPage() {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { params, search, update } = useAnalyticsParams();
  const filters = readFilters(search);
  const { data, error, loading, reload } = useApiGet<FollowupWarningListDto>(followupUrls.warnings(params, filters));
  const [selected, setSelected] = useState<string[]>([]);
  const [acknowledging, setAcknowledging] = useState<WarningRowDto[] | null>(null);
  const [assigning, setAssigning] = useState<WarningRowDto[] | null>(null);
  useDemoUnit(data?.orgUnit.id);
  const mayAcknowledge = acknowledgesWarnings(user);
  const mayAssign = allows(user, 'followups.manage');
  const maySupervise = allows(user, 'supervision.issue');
  const chosen = data?.items.filter((w) => selected.includes(w.key)) ?? [];
  const done = (text: string) => {
    setSelected([]);
    message.success(text);
    reload();
  };
  const select = <T extends string | number>(key: keyof WarningRowFilters, label: string, options: { value: T; label: string }[], value: T | undefined) => (
    <Select<T>
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={`全部${label}`}
      value={value}
      onChange={(v) => update({ [key]: v })}
      options={options}
      className="analytics-filters__kind"
      aria-label={label}
    />
  );

  return (
    <>
      <PageHeader
        title="预警"
        description="目标进展滞后、数据波动较大和逾期未报的提示；交责任成员单位整改，或核实后确认并填写处理说明。"
        extra={
          data && (
            <Button icon={<DownloadOutlined />} href={followupUrls.warningsXlsx(params, filters)}>
              导出 xlsx
            </Button>
          )
        }
      />
      <AnalyticsFilters orgUnitId={data?.orgUnit.id} milestones={data?.milestones} milestone={data?.milestone}>
        {select('kind', '预警类型', KIND_OPTIONS, filters.kind)}
        {select('unitId', '单位', data?.counts.map((c) => ({ value: c.orgUnit.id, label: c.orgUnit.name })) ?? [], filters.unitId)}
        {select('indicatorId', '指标', data?.indicators.map((i) => ({ value: i.id, label: i.name })) ?? [], filters.indicatorId)}
        {select(
          'departmentId',
          '成员单位',
          data?.departments.filter((d) => !filters.unitId || d.orgUnitId === filters.unitId).map((d) => ({ value: d.id, label: data.counts.length > 1 ? `${d.name}（${data.counts.find((c) => c.orgUnit.id === d.orgUnitId)?.orgUnit.name ?? ''}）` : d.name })) ?? [],
          filters.departmentId,
        )}
        {select('followup', '整改状态', FOLLOWUP_OPTIONS, filters.followup)}
        {select('acknowledged', '确认状态', ACK_OPTIONS, filters.acknowledged)}
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
          <Card
            variant="borderless"
            className="content-card"
            title={`预警列表（${data.items.length < data.total ? `筛选出 ${data.items.length} 条，共 ${data.total} 条` : `${data.items.length} 条`}）`}
            extra={
              (mayAssign || mayAcknowledge) && (
                <Space>
                  <span className="text-faint">已选 {chosen.length} 条</span>
                  {mayAssign && (
                    <Button type="primary" disabled={!chosen.length} onClick={() => setAssigning(chosen)}>
                      交办整改
                    </Button>
                  )}
                  {mayAcknowledge && (
                    <Button disabled={!chosen.length} onClick={() => setAcknowledging(chosen)}>
                      批量确认
                    </Button>
                  )}
                </Space>
              )
            }
          >
            <WarningList
              items={data.items}
              loading={loading}
              onAcknowledge={mayAcknowledge ? (w) => setAcknowledging(data.items.filter((x) => x.key === w.key)) : undefined}
              selection={mayAssign || mayAcknowledge ? { keys: selected, onChange: setSelected } : undefined}
              supervise={maySupervise ? (w) => w.indicator && <IndicatorSupervisionButton size="small" indicator={w.indicator} orgUnit={w.orgUnit} subject={`${w.indicator.name}${WARNING_KIND_LABELS[w.kind]}`} request={`预警：${w.reason}。请分析原因，提出整改措施和预计达标时间，按期书面答复。`} /> : undefined}
            />
          </Card>
        </>
      )}
      {acknowledging && (
        <AcknowledgeModal
          warnings={acknowledging}
          onClose={() => setAcknowledging(null)}
          onDone={() => {
            setAcknowledging(null);
            done(acknowledging.length > 1 ? `已确认 ${acknowledging.length} 条预警` : '预警已确认');
          }}
        />
      )}
      {assigning && data && (
        <AssignModal
          warnings={assigning}
          departments={data.departments}
          onClose={() => setAssigning(null)}
          onDone={(n) => {
            setAssigning(null);
            done(`已交办 ${n} 条预警整改`);
          }}
        />
      )}
    </>
  );
}
