import { EditOutlined } from '@ant-design/icons';
import { Button, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { EvaluationContentDto } from '../../../shared/api/reports';
import { formatShare } from '../../../shared/format';
import { AdviceEditModal } from './AdviceEditModal';

type AreaRow = EvaluationContentDto['areas'][number];
type UnitRow = EvaluationContentDto['units'][number];
const score = (n: number | null) => (n === null ? '—' : n);

/** An evaluation report as frozen: 达标率 by area, the units' scores, and the 意见建议 the office may reword. */
export function EvaluationReportBody({ content, onSaveAdvice }: {
  content: EvaluationContentDto;
  /** Null when the reader may not edit (not the office, or no longer a draft). */
  onSaveAdvice: ((advice: string[] | null) => Promise<void>) | null;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <>
      <h2 className="report-section-title">总体评价</h2>
      <p className="report-verdict">{content.verdict}</p>
      <p className="report-meta">
        《{content.planTitle}》{content.milestone}年评估{content.roundId !== null && <> · <Link to={`/evaluation/rounds/${content.roundId}`}>查看评估详情</Link></>}
      </p>
      <section aria-label="各领域目标达标率">
        <h3 className="report-plan-title">各领域目标达标率</h3>
        <Table<AreaRow>
          rowKey="no" size="small" pagination={false} dataSource={content.areas}
          columns={[
            { title: '领域', dataIndex: 'title' },
            { title: '目标数', dataIndex: 'goals', align: 'right', width: 90 },
            { title: '可评估', dataIndex: 'assessable', align: 'right', width: 90 },
            { title: '达标', dataIndex: 'met', align: 'right', width: 90 },
            { title: '达标率', key: 'rate', align: 'right', width: 100, render: (_, a) => formatShare(a.rate) },
          ]}
        />
      </section>
      <section aria-label="参评单位得分">
        <h3 className="report-plan-title">参评单位得分</h3>
        <Table<UnitRow>
          rowKey="label" size="small" pagination={false} dataSource={content.units}
          columns={[
            { title: '排名', key: 'rank', width: 70, align: 'center', render: (_, u) => u.rank ?? '—' },
            { title: '参评单位', dataIndex: 'label' },
            { title: '自评表', key: 'forms', align: 'right', width: 100, render: (_, u) => `${u.submitted}/${u.forms}` },
            { title: '自评平均分', key: 'self', align: 'right', width: 110, render: (_, u) => score(u.selfScore) },
            { title: '评估组平均分', key: 'review', align: 'right', width: 120, render: (_, u) => score(u.reviewScore) },
          ]}
        />
      </section>
      <section aria-label="意见建议">
        <h3 className="report-plan-title report-advice__title">
          意见建议
          {content.adviceEdited && <Tag color="blue">已修改</Tag>}
          {onSaveAdvice && <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>修改意见建议</Button>}
        </h3>
        {content.notMet > 0 && <p className="report-meta">共有 {content.notMet} 项目标被自评为未达标或基本达标，原因和整改承诺列在报告“存在问题”一节。</p>}
        {content.advice.map((paragraph, i) => <p key={i} className="report-finding__text">{paragraph}</p>)}
      </section>
      {editing && onSaveAdvice && <AdviceEditModal content={content} onSave={onSaveAdvice} onClose={() => setEditing(false)} />}
    </>
  );
}
