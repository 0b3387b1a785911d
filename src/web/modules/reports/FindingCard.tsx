import { EditOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useMemo } from 'react';
import type { ReportFindingDto } from '../../../shared/api/reports';
import { trendOption } from '../../../shared/charts/options';
import { EChart } from '../analytics/charts/EChart';
import { StatusTag } from '../analytics/StatusTag';

/** A finding as it will be printed: headline, paragraph, note, source, and its chart from the frozen figures. */
export function FindingCard({ finding, onEdit }: { finding: ReportFindingDto; onEdit?: () => void }) {
  const option = useMemo(() => (finding.view.series.some((s) => s.points.length > 0) ? trendOption(finding.view) : null), [finding.view]);
  return (
    <article className="report-finding" aria-label={finding.name}>
      <header className="report-finding__head">
        <h4 className="report-finding__headline">{finding.text.headline}</h4>
        <span className="report-finding__tags">
          <StatusTag status={finding.status} />
          {finding.edited && <Tag color="orange">已修改</Tag>}
          {onEdit && <Button size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={`修改 ${finding.name}`}>修改</Button>}
        </span>
      </header>
      <p className="report-finding__text">{finding.text.sentences.join('')}</p>
      {finding.note && <p className="report-finding__note">注：{finding.note}</p>}
      {finding.footnote && <p className="report-finding__source">{finding.footnote}</p>}
      {option && <EChart option={option} title={finding.name} height={240} exportable={false} />}
    </article>
  );
}
