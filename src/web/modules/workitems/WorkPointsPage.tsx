import { AlertOutlined, ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Select, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PRACTICAL_STATE_LABELS, MAX_POINT_LEVEL } from '../../../shared/workitems/workPoints';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { useUnitOptions } from '../analytics/useUnitOptions';
import { useCurrentUser } from '../auth/SessionContext';
import { OrgUnitSelect } from '../orgs/OrgUnitSelect';
import { IssueSupervisionModal } from './IssueSupervisionModal';
import { WorkPointForm } from './WorkPointForm';
import { WorkPointRecords } from './WorkPointRecords';
import { WorkPointsImportDrawer } from './WorkPointsImportDrawer';
import { WorkPointSupervisions } from './WorkPointSupervisions';
import { workPointsApi, workPointsUrls, type WorkPointDto, type WorkPointsDto } from './workPointsApi';
import './workitems.css';

/** A table row: antd shows an expander for any `children`, so a point without sub-points has none. */
type Row = Omit<WorkPointDto, 'children'> & { point: WorkPointDto; children?: Row[] };
const rows = (points: WorkPointDto[]): Row[] => points.map((p) => ({ ...p, point: p, children: p.children.length ? rows(p.children) : undefined }));
const flat = (points: WorkPointDto[], path = ''): (WorkPointDto & { path: string })[] => points.flatMap((p) => [{ ...p, path: `${path}${p.label}` }, ...flat(p.children, `${path}${p.label}`)]);
const names = (refs: { id: number; name: string }[]) => refs.map((r) => r.name).join('、');
const STATE_COLORS = { unfiled: 'red', filed: 'blue', notified: 'green' } as const;

function StateTag({ state }: { state: WorkPointDto['state'] }) {
  return state ? <Tag color={STATE_COLORS[state]}>{PRACTICAL_STATE_LABELS[state]}</Tag> : null;
}

/** A point's open 督办, opening their list. */
function SupervisedTag({ count, title, onClick }: { count: number; title: string; onClick: () => void }) {
  return (
    <Tag color="volcano" style={{ marginLeft: 6, cursor: 'pointer' }} role="button" tabIndex={0} aria-label={`${title}的督办`} onClick={onClick} onKeyDown={(e) => e.key === 'Enter' && onClick()}>
      督办中 {count}
    </Tag>
  );
}

/** A committee's 工作要点 of a year as a tree: what each point asks, who leads it, by when; its 实事项目 with their 备案 and 通报. */
export default function WorkPointsPage() {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const { options } = useUnitOptions(user);
  // A key item's page links here with its unit and year.
  const [params] = useSearchParams();
  const [unitId, setUnitId] = useState<number | undefined>(Number(params.get('orgUnitId')) || undefined);
  const [year, setYear] = useState<number | undefined>(Number(params.get('year')) || undefined);
  const [importing, setImporting] = useState(false);
  const [editing, setEditing] = useState<{ point: WorkPointDto | null; parentId: number | null } | null>(null);
  const [recording, setRecording] = useState<number | null>(null);
  const [supervising, setSupervising] = useState<WorkPointDto | null>(null);
  const [supervisionsOf, setSupervisionsOf] = useState<WorkPointDto | null>(null);
  const { data, error, loading, reload } = useApiGet<WorkPointsDto>(workPointsUrls.list({ orgUnitId: unitId, year }));
  const all = data ? flat(data.points) : [];
  const practical = all.filter((p) => p.practical);
  const thisYear = new Date().getFullYear();
  const years = [...new Set([...(data?.years ?? []), thisYear + 1, thisYear, ...(data ? [data.year] : [])])].sort((a, b) => b - a);
  const act = async (work: Promise<unknown>, done?: string) => {
    try {
      await work;
      if (done) message.success(done);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  const actions = (p: WorkPointDto) => {
    const siblings = p.parentId === null ? data!.points : all.find((x) => x.id === p.parentId)!.children;
    const index = siblings.findIndex((x) => x.id === p.id);
    return (
    <Space size={0} className="workpoints-actions">
      <Tooltip title="修改"><Button type="text" size="small" icon={<EditOutlined />} aria-label={`修改 ${p.title}`} onClick={() => setEditing({ point: p, parentId: p.parentId })} /></Tooltip>
      {p.level < MAX_POINT_LEVEL && <Tooltip title={p.level === 1 ? '添加条目' : '添加子条目'}><Button type="text" size="small" icon={<PlusOutlined />} aria-label={`在 ${p.title} 下添加`} onClick={() => setEditing({ point: null, parentId: p.id })} /></Tooltip>}
      <Tooltip title="督办"><Button type="text" size="small" danger icon={<AlertOutlined />} aria-label={`督办 ${p.title}`} onClick={() => setSupervising(p)} /></Tooltip>
      <Tooltip title="上移"><Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={`上移 ${p.title}`} onClick={() => void act(workPointsApi.move(p.id, 'up'))} /></Tooltip>
      <Tooltip title="下移"><Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === siblings.length - 1} aria-label={`下移 ${p.title}`} onClick={() => void act(workPointsApi.move(p.id, 'down'))} /></Tooltip>
      <Popconfirm title={`删除“${p.title}”${p.children.length ? '及其下的条目' : ''}？`} okText="删除" cancelText="取消" disabled={!p.deletable} onConfirm={() => act(workPointsApi.remove(p.id), '已删除')}>
        <Tooltip title={p.deletable ? '删除' : '已有备案、通报、督办或关联的重要事项，不能删除'}><Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={!p.deletable} aria-label={`删除 ${p.title}`} /></Tooltip>
      </Popconfirm>
    </Space>
    );
  };

  const tree = (
    <Table<Row>
      rowKey="id" size="middle" loading={loading} pagination={false} dataSource={data ? rows(data.points) : []}
      expandable={{ defaultExpandAllRows: true, indentSize: 20 }} key={`${data?.orgUnit.id}-${data?.year}-${data?.points.length}`}
      locale={{ emptyText: data?.canManage ? `${data.year} 年还没有工作要点：导入全文，或逐条新增` : '暂无工作要点' }}
      columns={[
        {
          title: '工作要点', key: 'title',
          render: (_, p) => (
            <div className="workpoints-cell">
              <span className={p.level === 1 ? 'workpoints-title--section' : ''}>{p.label}{p.title}</span>
              {p.practical && <Tag color="red" style={{ marginLeft: 6 }}>实事项目</Tag>}
              {p.openSupervisions > 0 && <SupervisedTag count={p.openSupervisions} title={p.title} onClick={() => setSupervisionsOf(p.point)} />}
              {p.text && <div className="workpoints-text" title={p.text}>{p.text}</div>}
              {p.keyItems.length > 0 && <div className="workitems-milestone__figure">落实事项：{p.keyItems.map((k) => <Link key={k.id} to={`/workitems/${k.id}`} style={{ marginRight: 8 }}>{k.no}. {k.name}</Link>)}</div>}
            </div>
          ),
        },
        { title: '牵头单位', key: 'leads', width: 170, render: (_, p) => names(p.leads) || (p.mentioned.length && p.level > 1 ? <span className="workitems-milestone__figure">文中提及：{p.mentioned.join('、')}</span> : '') },
        { title: '配合单位', key: 'partners', width: 190, render: (_, p) => names(p.partners) },
        { title: '完成时限', dataIndex: 'dueOn', width: 110, render: (d: string | null) => d ?? '' },
        { title: '实事项目', key: 'state', width: 100, render: (_, p) => (p.practical ? <Button size="small" type="link" onClick={() => setRecording(p.id)}><StateTag state={p.state} /></Button> : null) },
        ...(data?.canManage ? [{ title: '操作', key: 'actions', width: 200, render: (_: unknown, r: Row) => actions(r.point) }] : []),
      ]}
    />
  );
  const practicalList = (
    <Table<(typeof practical)[number]>
      rowKey="id" size="middle" loading={loading} pagination={false} dataSource={practical} expandable={{ childrenColumnName: 'subPoints' }}
      locale={{ emptyText: '本年度没有标记为实事项目的条目' }}
      columns={[
        { title: '编号', dataIndex: 'path', width: 90 },
        { title: '实事项目', key: 'title', render: (_, p) => <>{p.title}{p.openSupervisions > 0 && <SupervisedTag count={p.openSupervisions} title={p.title} onClick={() => setSupervisionsOf(p)} />}</> },
        { title: '牵头单位', key: 'leads', width: 170, render: (_, p) => names(p.leads) },
        { title: '完成时限', dataIndex: 'dueOn', width: 110, render: (d: string | null) => d ?? '' },
        { title: '状态', key: 'state', width: 90, render: (_, p) => <StateTag state={p.state} /> },
        { title: '最近备案', key: 'filing', width: 200, render: (_, p) => { const r = p.records.filter((x) => x.kind === 'filing').at(-1); return r ? `${r.onDate} ${r.ref}` : ''; } },
        { title: '最近通报', key: 'notice', width: 220, render: (_, p) => { const r = p.records.filter((x) => x.kind === 'notice').at(-1); return r ? `${r.onDate} ${r.text}` : ''; } },
        { title: '', key: 'open', width: 110, render: (_, p) => <Button size="small" onClick={() => setRecording(p.id)}>{data?.canManage ? '备案 / 通报' : '查看记录'}</Button> },
      ]}
    />
  );

  return (
    <>
      <PageHeader
        title="工作要点"
        description="妇儿工委年度工作要点：各部分、条目及其牵头、配合单位和完成时限；实事项目须备案，并按期通报。"
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} href={data ? workPointsUrls.export({ orgUnitId: data.orgUnit.id, year: data.year }) : undefined} disabled={!data?.points.length}>导出 Excel</Button>
            {data?.canManage && <Button icon={<PlusOutlined />} onClick={() => setEditing({ point: null, parentId: null })}>新增部分</Button>}
            {data?.canManage && <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>导入工作要点</Button>}
          </Space>
        }
      />
      <div className="workitems-toolbar">
        <OrgUnitSelect options={options} value={data?.orgUnit.id ?? unitId} onChange={(v) => { setUnitId(v ?? undefined); setYear(undefined); }} style={{ width: 200 }} aria-label="单位" />
        <Select<number> value={data?.year} options={years.map((y) => ({ value: y, label: `${y} 年` }))} onChange={setYear} style={{ width: 120 }} aria-label="年度" />
        {data && all.length > 0 && <span>{data.points.length} 个部分、{all.length} 条，实事项目 {practical.length} 项（未备案 {practical.filter((p) => p.state === 'unfiled').length} 项）</span>}
      </div>
      {error ? <LoadError error={error} onRetry={reload} /> : <Tabs items={[{ key: 'tree', label: '工作要点', children: tree }, { key: 'practical', label: `实事项目（${practical.length}）`, children: practicalList }]} />}
      {importing && data && (
        <WorkPointsImportDrawer orgUnit={data.orgUnit} departments={data.departments} onClose={() => setImporting(false)} onSaved={(y) => { setImporting(false); setUnitId(data.orgUnit.id); setYear(y); reload(); }} />
      )}
      {editing && data && (
        <WorkPointForm orgUnitId={data.orgUnit.id} year={data.year} departments={data.departments} point={editing.point} parentId={editing.parentId}
          onClose={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />
      )}
      {supervising && data && (
        <IssueSupervisionModal orgUnitId={data.orgUnit.id} target={{ workPointId: supervising.id }} departments={data.departments}
          departmentId={supervising.leads[0]?.id ?? supervising.partners[0]?.id}
          subject={supervising.practical ? `实事项目“${supervising.title}”推进滞后` : `工作要点“${supervising.title}”推进滞后`}
          notice={supervising.openSupervisions > 0 ? `该条已有 ${supervising.openSupervisions} 项未办结的督办。` : undefined}
          onClose={() => setSupervising(null)} onDone={() => { setSupervising(null); reload(); }} />
      )}
      {supervisionsOf && <WorkPointSupervisions point={supervisionsOf} onClose={() => setSupervisionsOf(null)} onChanged={reload} />}
      {recording !== null && all.some((p) => p.id === recording) && (
        <WorkPointRecords point={all.find((p) => p.id === recording)!} canManage={data!.canManage} onClose={() => setRecording(null)} onSaved={() => { setRecording(null); reload(); }} />
      )}
    </>
  );
}
