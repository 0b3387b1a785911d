import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { AnalyticsFilters } from '../AnalyticsFilters';
import { analyticsUrls, type AchievementDto } from '../api';
import '../analytics.css';
import { formatShare } from '../format';
import { StatusTag } from '../StatusTag';
import { TargetBasisTag } from '../TargetBasisTag';
import { carryQuery, useAnalyticsParams } from '../useAnalyticsParams';
import { useDemoUnit } from '../useDemoUnit';

type Tally = AchievementDto['overall'];
type ListKey = keyof Tally['lists'];
const LIST_LABELS: Record<ListKey, string> = { met: '已达标', notMet: '未达标', noData: '无数据' };

/** Which list the drawer shows: whose, of what, which count. */
interface OpenList {
  title: string;
  orgUnitId: number;
  tally: Tally;
  list: ListKey;
}

/** A count that opens the targets behind it. */
function CountLink({ n, onOpen, label }: { n: number; onOpen: () => void; label: string }) {
  if (n === 0) return <span className="achievement-count">0</span>;
  return (
    <Button type="link" size="small" className="achievement-count" onClick={onOpen} aria-label={`${label} ${n} 项，查看清单`}>
      {n}
    </Button>
  );
}

function tallyColumns<T>(tallyOf: (row: T) => Tally, open: (row: T, list: ListKey) => void): TableColumnsType<T> {
  const count = (list: ListKey, key: 'achieved' | 'notAchieved' | 'noData') => ({
    title: LIST_LABELS[list],
    key,
    align: 'right' as const,
    width: 96,
    render: (_: unknown, row: T) => <CountLink n={tallyOf(row)[key]} label={LIST_LABELS[list]} onOpen={() => open(row, list)} />,
  });
  return [
    { title: '目标数', key: 'total', align: 'right', width: 80, render: (_, row) => { const t = tallyOf(row); return t.achieved + t.notAchieved + t.noData; } },
    count('met', 'achieved'),
    count('notMet', 'notAchieved'),
    count('noData', 'noData'),
    { title: '达标率', key: 'rate', align: 'right', width: 96, render: (_, row) => <strong>{formatShare(tallyOf(row).rate)}</strong> },
  ];
}

interface AreaRow {
  key: string;
  name: string;
  tally: Tally;
  children?: AreaRow[];
}

export default function AchievementPage() {
  const { params } = useAnalyticsParams();
  const { data, error, loading, reload } = useApiGet<AchievementDto>(analyticsUrls.achievement(params));
  useDemoUnit(data?.orgUnit.id);
  const [open, setOpen] = useState<OpenList | null>(null);
  const unitParams = { ...params, orgUnitId: data?.orgUnit.id ?? params.orgUnitId };

  const areaRows: AreaRow[] = (data?.plans ?? []).map((plan) => ({
    key: plan.planTitle,
    name: plan.planTitle || '未关联规划的指标',
    tally: plan.tally,
    children: plan.areas.map((area) => ({ key: `${plan.planTitle}#${area.no}`, name: area.title, tally: area.tally })),
  }));
  const shown = open ? open.tally.lists[open.list] : [];

  return (
    <>
      <PageHeader
        title="达标率"
        description={data ? `${data.orgUnit.name}${data.milestone ? `对照${data.milestone}年目标` : ''}的达标情况：按规划、领域和下级单位，点击数字查看对应指标。` : '按规划、领域和下级单位统计目标达标率。'}
        extra={
          <Button icon={<DownloadOutlined />} href={analyticsUrls.achievementXlsx(unitParams)} download disabled={!data}>
            导出 Excel
          </Button>
        }
      />
      <AnalyticsFilters orgUnitId={data?.orgUnit.id} milestones={data?.milestones} milestone={data?.milestone} />
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <div className={loading ? 'achievement is-reloading' : 'achievement'} aria-busy={loading}>
          <Card variant="borderless" className="content-card">
            <p className="achievement-headline" aria-label="总体达标率">
              {data.overall.assessable > 0
                ? `${data.overall.assessable} 项可监测目标中 ${data.overall.achieved} 项已达标，达标率 ${formatShare(data.overall.rate)}`
                : '尚无可评估的目标'}
              {data.overall.noData > 0 && <Typography.Text type="secondary">（另有 {data.overall.noData} 项目标无数据，不计入）</Typography.Text>}
            </p>
          </Card>
          <Card variant="borderless" className="content-card" title="按规划和领域">
            <Table<AreaRow>
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={areaRows}
              expandable={{ defaultExpandAllRows: true }}
              aria-label="按规划和领域的达标率"
              columns={[
                { title: '规划 / 领域', dataIndex: 'name', key: 'name' },
                ...tallyColumns<AreaRow>((row) => row.tally, (row, list) => setOpen({ title: row.name, orgUnitId: data.orgUnit.id, tally: row.tally, list })),
              ]}
            />
          </Card>
          {data.units.length > 0 && (
            <Card variant="borderless" className="content-card" title="下级单位排名">
              <Table<AchievementDto['units'][number]>
                size="small"
                pagination={false}
                rowKey={(u) => u.orgUnit.id}
                dataSource={data.units}
                aria-label="下级单位达标率排名"
                columns={[
                  { title: '排名', key: 'rank', width: 64, align: 'center', render: (_, u) => u.rank ?? '—' },
                  { title: '单位', key: 'unit', render: (_, u) => u.orgUnit.name },
                  ...tallyColumns<AchievementDto['units'][number]>((u) => u.tally, (u, list) => setOpen({ title: u.orgUnit.name, orgUnitId: u.orgUnit.id, tally: u.tally, list })),
                ]}
              />
            </Card>
          )}
        </div>
      )}
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        size={720}
        title={open ? `${open.title} · ${LIST_LABELS[open.list]}（${shown.length} 项）` : ''}
      >
        <Table
          size="small"
          pagination={false}
          rowKey={(item) => `${item.indicatorId}:${item.target}`}
          dataSource={shown}
          aria-label="目标清单"
          columns={[
            { title: '代码', dataIndex: 'code', key: 'code', width: 110 },
            {
              title: '指标', key: 'name',
              render: (_, item) => <Link to={`/analytics/indicators/${item.indicatorId}${carryQuery({ ...params, orgUnitId: open?.orgUnitId })}`}>{item.name}</Link>,
            },
            { title: '目标', dataIndex: 'target', key: 'target', width: 120 },
            { title: '目标来源', key: 'basis', width: 170, render: (_, item) => <TargetBasisTag label={item.targetBasis} /> },
            { title: '状态', key: 'status', width: 100, render: (_, item) => <StatusTag status={item.status} /> },
          ]}
        />
      </Drawer>
    </>
  );
}
