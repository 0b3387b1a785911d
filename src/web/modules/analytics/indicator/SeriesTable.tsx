import { Table, Tag, type TableColumnsType } from 'antd';
import type { IndicatorAnalyticsDto } from '../api';
import { formatNumber } from '../format';

type Point = IndicatorAnalyticsDto['series'][number]['points'][number];
interface Row extends Point {
  parts: Record<string, number | undefined>;
}

/** The total's points by year, newest first, with the other series' values (女, 男 …) alongside. */
function rows(data: IndicatorAnalyticsDto): Row[] {
  const total = data.series.find((s) => s.option === 'total');
  const others = data.series.filter((s) => s.option !== 'total');
  return [...(total?.points ?? [])]
    .sort((a, b) => b.year - a.year)
    .map((p) => ({ ...p, parts: Object.fromEntries(others.map((s) => [s.option, s.points.find((q) => q.year === p.year)?.value])) }));
}

/** 数据表: year, value, numerator, denominator and whether the unit reported it or it sums its sub-units. */
export function SeriesTable({ data }: { data: IndicatorAnalyticsDto }) {
  const { decimals, unit } = data.indicator;
  const others = data.series.filter((s) => s.option !== 'total');
  const columns: TableColumnsType<Row> = [
    { title: '年度', dataIndex: 'year', width: 72, render: (year: number) => `${year}年` },
    { title: `数值${unit ? `（${unit}）` : ''}`, key: 'value', align: 'right', render: (_, r) => <span className="num">{formatNumber(r.value, decimals)}</span> },
    ...others.map((s) => ({
      title: s.optionName,
      key: s.option,
      align: 'right' as const,
      render: (_: unknown, r: Row) => <span className="num">{formatNumber(r.parts[s.option], decimals)}</span>,
    })),
    { title: '分子', key: 'numerator', align: 'right', render: (_, r) => <span className="num">{formatNumber(r.numerator)}</span> },
    { title: '分母', key: 'denominator', align: 'right', render: (_, r) => <span className="num">{formatNumber(r.denominator)}</span> },
    {
      title: '来源',
      key: 'source',
      width: 96,
      render: (_, r) => (r.source === 'reported' ? <Tag>本级填报</Tag> : <Tag color="geekblue">下级汇总</Tag>),
    },
  ];
  return (
    <Table<Row>
      rowKey="year"
      size="small"
      columns={columns}
      dataSource={rows(data)}
      pagination={false}
      aria-label={`${data.indicator.name}数据表`}
      locale={{ emptyText: '暂无数据' }}
    />
  );
}
