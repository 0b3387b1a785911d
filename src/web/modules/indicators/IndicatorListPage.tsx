import { DownloadOutlined, PlusOutlined, ThunderboltOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Input, Select, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { IndicatorDto } from '../../../shared/api/indicators';
import { CATEGORY_LABELS, FORMULA_LABELS, type FormulaType } from '../../../shared/indicators/vocabulary';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { useApiGet } from '../../http/useApiGet';
import { useCurrentUser } from '../auth/SessionContext';
import { indicatorUrls } from './api';
import { DirectionTag } from './DirectionTag';
import {
  areaOf, canEditIndicators, distinct, filterIndicators, formulaText, indicatorCounts, NO_FILTERS, targetText, type IndicatorFilters,
} from './format';
import { GenerateDialog } from './GenerateDialog';
import { ImportDialog } from './ImportDialog';
import './indicators.css';

const COLUMNS: TableColumnsType<IndicatorDto> = [
  { title: '代码', key: 'code', width: 96, render: (_, i) => <span className="indicator-code">{i.code}</span> },
  // Demo rows are not tagged one by one: the page's banner says the dictionary is demo data.
  { title: '指标名称', key: 'name', width: 220, render: (_, i) => <Link to={`/indicators/${i.id}`}>{i.name}</Link> },
  { title: '单位', key: 'unit', width: 76, render: (_, i) => i.unit ?? '—' },
  { title: '方向', key: 'direction', width: 96, render: (_, i) => <DirectionTag direction={i.direction} /> },
  { title: '计算方法', key: 'formula', render: (_, i) => <span className="indicator-formula">{formulaText(i.formula)}</span> },
  { title: '分组', key: 'categories', width: 96, render: (_, i) => CATEGORY_LABELS[i.categories] },
  { title: '责任单位', key: 'dept', width: 92, render: (_, i) => i.responsibleDept ?? '—' },
  {
    title: '目标',
    key: 'targets',
    width: 150,
    render: (_, i) => (
      <span className="indicator-targets">
        {i.targets.map((t) => (
          <span key={t.year}>{targetText(i, t)}</span>
        ))}
      </span>
    ),
  },
  { title: '领域', key: 'area', width: 150, className: 'nowrap', render: (_, i) => areaOf(i) },
];

interface FilterSelectProps<T extends string> {
  label: string;
  value: T | null;
  options: { value: T; label: string }[];
  onChange: (value: T | null) => void;
  width: number;
}

function FilterSelect<T extends string>({ label, value, options, onChange, width }: FilterSelectProps<T>) {
  return (
    <Select<T>
      allowClear
      placeholder={label}
      aria-label={`按${label}筛选`}
      value={value ?? undefined}
      onChange={(v) => onChange(v ?? null)}
      options={options}
      style={{ width }}
    />
  );
}

function FilterBar({ list, filters, onChange }: { list: IndicatorDto[]; filters: IndicatorFilters; onChange: (f: IndicatorFilters) => void }) {
  return (
    <div className="indicator-filters" role="search">
      <Input.Search
        allowClear
        placeholder="搜索代码或名称"
        aria-label="搜索指标"
        value={filters.text}
        onChange={(e) => onChange({ ...filters, text: e.target.value })}
        style={{ width: 240 }}
      />
      <FilterSelect
        label="领域"
        width={200}
        value={filters.area}
        onChange={(area) => onChange({ ...filters, area })}
        options={distinct(list.map(areaOf)).map((a) => ({ value: a, label: a }))}
      />
      <FilterSelect
        label="责任单位"
        width={150}
        value={filters.dept}
        onChange={(dept) => onChange({ ...filters, dept })}
        options={distinct(list.map((i) => i.responsibleDept ?? '')).map((d) => ({ value: d, label: d === '' ? '未指定' : d }))}
      />
      <FilterSelect<FormulaType>
        label="计算方式"
        width={130}
        value={filters.formula}
        onChange={(formula) => onChange({ ...filters, formula })}
        options={Object.entries(FORMULA_LABELS).map(([value, label]) => ({ value: value as FormulaType, label }))}
      />
    </div>
  );
}

export default function IndicatorListPage() {
  const navigate = useNavigate();
  const editable = canEditIndicators(useCurrentUser());
  const { data, error, loading, reload } = useApiGet<IndicatorDto[]>(indicatorUrls.list);
  const [filters, setFilters] = useState<IndicatorFilters>(NO_FILTERS);
  const [dialog, setDialog] = useState<'generate' | 'import' | null>(null);
  useDemoData(data?.some((i) => i.isDemo) ?? false);
  const shown = useMemo(() => filterIndicators(data ?? [], filters), [data, filters]);
  const counts = indicatorCounts(data ?? []);

  return (
    <>
      <PageHeader
        title="指标管理"
        description="指标字典：每个指标的定义、口径、计算方法、分组、责任单位、基线与分年度目标，供填报、审核和监测评估共用。"
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={indicatorUrls.exportXlsx} download>
              导出 xlsx
            </Button>
            {editable && (
              <>
                <Button icon={<UploadOutlined />} onClick={() => setDialog('import')}>
                  导入 xlsx
                </Button>
                <Button icon={<ThunderboltOutlined />} onClick={() => setDialog('generate')}>
                  从规划生成
                </Button>
                <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/indicators/new')}>
                  新建指标
                </Button>
              </>
            )}
          </>
        }
      />
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Card variant="borderless" className="content-card">
          <div className="indicator-toolbar">
            <FilterBar list={data ?? []} filters={filters} onChange={setFilters} />
            <p className="indicator-counts" aria-live="polite">
              共 {counts.total} 个指标：比率 {counts.ratio}，直接取值 {counts.direct}，已关联规划 {counts.linked}
              {shown.length !== counts.total && `；筛选出 ${shown.length} 个`}
            </p>
          </div>
          <Table<IndicatorDto>
            rowKey="id"
            size="middle"
            columns={COLUMNS}
            dataSource={shown}
            loading={loading}
            pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
            aria-label="指标列表"
            locale={{
              emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={counts.total === 0 ? '暂无指标，可“从规划生成”或“导入 xlsx”' : '没有符合条件的指标'} />,
            }}
          />
        </Card>
      )}
      {dialog === 'generate' && <GenerateDialog onClose={() => setDialog(null)} onGenerated={reload} />}
      {dialog === 'import' && <ImportDialog onClose={() => setDialog(null)} onImported={reload} />}
    </>
  );
}
