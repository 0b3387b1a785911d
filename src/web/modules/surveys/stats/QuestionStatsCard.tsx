import { Card, Descriptions, Segmented, Table, Tag, Typography } from 'antd';
import { categoryBars, categoryPie, choiceChartOf, histogramBars, pieAllowed, type ChoiceChart } from '../../../../shared/charts/surveys';
import type { QuestionStats } from '../../../../shared/surveys/stats';
import { EChart } from '../../analytics/charts/EChart';

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

interface Props {
  stats: QuestionStats;
  index: number;
  /** The chart picked for a choice question (bar or pie); the default when absent. */
  chart?: ChoiceChart;
  onChart: (code: string, chart: ChoiceChart) => void;
}

/** One question's statistics: counts and shares with a bar or pie chart, a histogram, matrix rows or the words of free texts. */
export function QuestionStatsCard({ stats: s, index, chart: picked, onChart }: Props) {
  const chart = choiceChartOf(s.type, picked);
  const toggle = s.kind === 'choice' && pieAllowed(s.type) && (
    <Segmented<ChoiceChart> size="small" aria-label={`${s.code} 图表类型`} value={chart} onChange={(v) => onChart(s.code, v)} options={[{ value: 'bar', label: '条形图' }, { value: 'pie', label: '饼图' }]} />
  );
  return (
    <Card
      size="small"
      className="survey-stat"
      data-code={s.code}
      title={`${index + 1}. ${s.title}`}
      extra={<span className="survey-stat__extra">{toggle}作答 {s.answered.toLocaleString('zh-CN')} 人</span>}
    >
      {s.kind === 'choice' && (
        <div className="survey-stat__body">
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={s.categories}
            columns={[
              { title: '选项', dataIndex: 'label' },
              { title: '人数', dataIndex: 'count', align: 'right', width: 80 },
              { title: '比例', dataIndex: 'share', align: 'right', width: 80, render: pct },
            ]}
            footer={s.mean !== null ? () => `平均分 ${s.mean}` : undefined}
          />
          {chart === 'pie' ? (
            <EChart key="pie" title={`${s.code}-${s.title}`} option={categoryPie(s.categories)} height={260} />
          ) : (
            <EChart key="bar" title={`${s.code}-${s.title}`} option={categoryBars(s.categories)} height={Math.max(140, s.categories.length * 34)} />
          )}
          {s.otherTexts.length > 0 && <div className="survey-stat__texts">“其他”填写：{s.otherTexts.map((t, i) => <Tag key={i}>{t}</Tag>)}</div>}
        </div>
      )}
      {s.kind === 'numeric' && (
        <div className="survey-stat__body">
          <Descriptions size="small" column={4} items={[{ label: '平均数', children: s.mean ?? '—' }, { label: '中位数', children: s.median ?? '—' }, { label: '最小值', children: s.min ?? '—' }, { label: '最大值', children: s.max ?? '—' }]} />
          {s.histogram.length > 0 && <EChart title={`${s.code}-${s.title}`} option={histogramBars(s.histogram)} height={220} />}
        </div>
      )}
      {s.kind === 'matrix' && (
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={s.rows}
          columns={[{ title: '', dataIndex: 'label' }, ...s.points.map((p, i) => ({ title: String(p), key: p, align: 'right' as const, render: (_: unknown, r: (typeof s.rows)[number]) => r.counts[i] })), { title: '平均分', dataIndex: 'mean', align: 'right' }]}
        />
      )}
      {s.kind === 'text' && (
        <div>
          <div className="survey-words">{s.words.length ? s.words.map((w) => <Tag key={w.word} className="survey-word">{w.word} <b>{w.count}</b></Tag>) : <Typography.Text type="secondary">暂无</Typography.Text>}</div>
          {s.latest.length > 0 && <ul className="survey-latest">{s.latest.map((t, i) => <li key={i}>{t}</li>)}</ul>}
        </div>
      )}
    </Card>
  );
}
