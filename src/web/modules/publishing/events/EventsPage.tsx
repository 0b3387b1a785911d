import { ImportOutlined } from '@ant-design/icons';
import { Button, Empty, Segmented, Space, Table } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { useApiGet } from '../../../http/useApiGet';
import { useUnitOptions } from '../../analytics/useUnitOptions';
import { useCurrentUser } from '../../auth/SessionContext';
import { OrgUnitSelect } from '../../orgs/OrgUnitSelect';
import { eventsByYear } from '../../portal/home/eventsByYear';
import { eventUrls, type EventDto } from '../api';
import { EventEditModal } from './EventEditModal';
import { EventImportDrawer } from './EventImportDrawer';
import '../publishing.css';

const findName = (options: { value: number; title: string; children?: unknown[] }[], id: number): string | undefined => {
  for (const o of options) {
    if (o.value === id) return o.title;
    const below = findName((o.children ?? []) as typeof options, id);
    if (below) return below;
  }
  return undefined;
};

/** 大事记 of a unit, one year at a time: edit each, import a whole text with a preview first. */
export default function EventsPage() {
  const user = useCurrentUser();
  const { options } = useUnitOptions(user);
  const [unitId, setUnitId] = useState<number | undefined>(user.roles.find((r) => r.orgUnitId)?.orgUnitId ?? undefined);
  const unit = unitId ?? (options[0]?.value as number | undefined);
  const { data, error, loading, reload } = useApiGet<EventDto[]>(unit ? eventUrls.list(unit) : null);
  const years = useMemo(() => eventsByYear(data ?? []), [data]);
  const [year, setYear] = useState<string | null>(null);
  const [editing, setEditing] = useState<EventDto | null>(null);
  const [importing, setImporting] = useState(false);
  const shown = years.find((y) => y.year === year) ?? years[0];
  const unitName = unit ? findName(options as never, unit) ?? '' : '';

  return (
    <>
      <PageHeader
        title="大事记"
        description="本单位妇女儿童工作的大事，按年份在门户网站展示；可逐条编辑、关联指标，或从文本整批导入。"
        extra={<Button type="primary" icon={<ImportOutlined />} disabled={!unit} onClick={() => setImporting(true)}>从文本导入</Button>}
      />
      <Space wrap className="list-filters">
        <span>单位</span>
        <OrgUnitSelect options={options} value={unit} onChange={(v) => { setUnitId(v ?? undefined); setYear(null); }} className="events-unit" aria-label="单位" />
        {years.length > 0 && (
          <Segmented<string> value={shown?.year} onChange={setYear} options={years.map((y) => ({ value: y.year, label: y.year ? `${y.year}年` : '未注明年份' }))} aria-label="年份" />
        )}
      </Space>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : !loading && years.length === 0 ? (
        <Empty className="page-empty" description="还没有大事记，可从文本导入" />
      ) : (
        <Table<EventDto>
          rowKey="id"
          loading={loading}
          dataSource={shown?.events}
          pagination={false}
          columns={[
            { title: '编号', dataIndex: 'no', width: 64 },
            { title: '日期', dataIndex: 'date', width: 90, render: (d: string | null) => d ?? '—' },
            { title: '标题', dataIndex: 'title', width: 260 },
            { title: '正文', dataIndex: 'text', render: (t: string) => <span className="events-text">{t}</span> },
            {
              title: '关联', key: 'links', width: 110,
              render: (_: unknown, e) => (
                <Space orientation="vertical" size={0}>
                  {e.indicatorId && <Link to={`/indicators/${e.indicatorId}`}>相关指标</Link>}
                  {e.linkUrl && <a href={e.linkUrl} target="_blank" rel="noreferrer">相关链接</a>}
                  {e.pictures.length > 0 && <span>配图 {e.pictures.length} 张</span>}
                </Space>
              ),
            },
            { title: '', key: 'edit', width: 70, render: (_: unknown, e) => <Button type="link" size="small" aria-label={`编辑第 ${e.no} 条`} onClick={() => setEditing(e)}>编辑</Button> },
          ]}
        />
      )}
      {editing && <EventEditModal event={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); reload(); }} />}
      {importing && unit && (
        <EventImportDrawer orgUnitId={unit} unitName={unitName} onClose={() => setImporting(false)} onImported={() => { setImporting(false); reload(); }} />
      )}
    </>
  );
}
