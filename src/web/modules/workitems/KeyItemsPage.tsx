import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Dropdown, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../../shared/format';
import { PERIOD_LABELS } from '../../../shared/workitems/milestones';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiGet } from '../../http/useApiGet';
import { useUnitOptions } from '../analytics/useUnitOptions';
import { useCurrentUser } from '../auth/SessionContext';
import { OrgUnitSelect } from '../orgs/OrgUnitSelect';
import { workitemsUrls, type KeyItemDto, type KeyItemListDto } from './api';
import { ImportDrawer } from './ImportDrawer';
import { ItemStatusTag, MilestoneStatusTag } from './StatusTags';
import './workitems.css';

const units = (refs: KeyItemDto['leads']) => refs.map((u) => (u.departmentId === null ? <Tag key={u.name} color="warning" title="不是成员单位，无法在平台上报送">{u.name}</Tag> : <span key={u.name}>{u.name} </span>));

function Milestone({ item, period }: { item: KeyItemDto; period: 'H1' | 'H2' | 'annual' }) {
  const m = item.milestones.find((x) => x.period === period);
  if (!m) return <span className="workitems-milestone__figure">—</span>;
  const target = m.value === null ? null : `${formatNumber(m.value)}${m.unit ?? ''}`;
  return (
    <div className="workitems-milestone">
      <MilestoneStatusTag status={m.status} />
      {target && <span className="workitems-milestone__figure">{m.achieved === null ? '' : `${formatNumber(m.achieved)} / `}{target}</span>}
    </div>
  );
}

/** A committee's key items of a year: each item × its milestones' status, late ones in red; import and 通报 for the office. */
export default function KeyItemsPage() {
  const user = useCurrentUser();
  const { options } = useUnitOptions(user);
  const [unitId, setUnitId] = useState<number | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [importing, setImporting] = useState(false);
  const { data, error, loading, reload } = useApiGet<KeyItemListDto>(workitemsUrls.list({ orgUnitId: unitId, year }));
  useDemoData(data?.items.some((i) => i.isDemo) ?? false);
  const counts = (status: KeyItemDto['status']) => data?.items.filter((i) => i.status === status).length ?? 0;
  const bulletin = (format: 'docx' | 'xlsx', period: 'H1' | 'annual') => (data?.year ? workitemsUrls.bulletin(format, { orgUnitId: data.orgUnit.id, year: data.year, period }) : undefined);

  return (
    <>
      <PageHeader
        title="重要事项"
        description="年度重要事项（实事项目）的节点目标、牵头单位报送的进展和完成情况；逾期未完成的节点所在事项标红，可发出督办。"
        extra={
          <Space>
            <Dropdown
              disabled={!data?.year}
              menu={{ items: (['H1', 'annual'] as const).flatMap((p) => (['docx', 'xlsx'] as const).map((f) => ({ key: `${p}-${f}`, label: <a href={bulletin(f, p)} download>{p === 'H1' ? '上半年' : '年终'}通报（{f === 'docx' ? 'Word' : 'Excel'}）</a> }))) }}
            >
              <Button icon={<DownloadOutlined />}>下载通报</Button>
            </Dropdown>
            {data?.canManage && <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>导入重要事项表</Button>}
          </Space>
        }
      />
      <div className="workitems-toolbar">
        <OrgUnitSelect options={options} value={data?.orgUnit.id ?? unitId} onChange={(v) => { setUnitId(v ?? undefined); setYear(undefined); }} style={{ width: 200 }} aria-label="单位" />
        <Select<number> value={data?.year ?? undefined} placeholder="年度" options={(data?.years ?? []).map((y) => ({ value: y, label: `${y} 年` }))} onChange={setYear} style={{ width: 120 }} aria-label="年度" />
        {data && data.items.length > 0 && (
          <span>共 {data.items.length} 项：<ItemStatusTag status="done" />{counts('done')} 项 <ItemStatusTag status="on_schedule" />{counts('on_schedule')} 项 <ItemStatusTag status="late" />{counts('late')} 项</span>
        )}
      </div>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<KeyItemDto>
          rowKey="id"
          loading={loading}
          dataSource={data?.items}
          pagination={false}
          rowClassName={(i) => (i.status === 'late' ? 'workitems-row--late' : '')}
          locale={{ emptyText: data?.canManage ? '本年度还没有重要事项，请导入重要事项推进计划表' : '暂无重要事项' }}
          columns={[
            { title: '序号', dataIndex: 'no', width: 60, align: 'center' },
            { title: '事项名称', dataIndex: 'name', render: (name: string, i) => <Link to={`/workitems/${i.id}`}>{name}</Link> },
            { title: '牵头单位', dataIndex: 'leads', width: 180, render: units },
            ...(['H1', 'H2', 'annual'] as const).map((p) => ({ title: PERIOD_LABELS[p], key: p, width: 150, render: (_: unknown, i: KeyItemDto) => <Milestone item={i} period={p} /> })),
            { title: '状态', dataIndex: 'status', width: 100, render: (s: KeyItemDto['status']) => <ItemStatusTag status={s} /> },
            { title: '督办', dataIndex: 'openSupervisions', width: 70, align: 'center', render: (n: number) => (n ? <Tag color="orange">{n}</Tag> : '') },
          ]}
        />
      )}
      {importing && data && (
        <ImportDrawer orgUnit={data.orgUnit} onClose={() => setImporting(false)} onSaved={(y) => { setImporting(false); setUnitId(data.orgUnit.id); setYear(y); reload(); }} />
      )}
    </>
  );
}
