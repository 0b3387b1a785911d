import { Collapse } from 'antd';
import { useState } from 'react';
import type { AnnualContentDto, ReportFindingDto } from '../../../shared/api/reports';
import { FindingCard } from './FindingCard';
import { FindingEditModal } from './FindingEditModal';

/** An annual monitoring report's findings by plan and area; in a draft the office rewords them. */
export function AnnualReportBody({ content, onSaveFinding }: {
  content: AnnualContentDto;
  /** Null when the reader may not edit (not the office, or no longer a draft). */
  onSaveFinding: ((finding: ReportFindingDto, text: { headline: string; sentences: string[] } | null, note: string | null) => Promise<void>) | null;
}) {
  const [editing, setEditing] = useState<ReportFindingDto | null>(null);
  return (
    <>
      <h2 className="report-section-title">总体情况</h2>
      <p className="report-verdict">监测结果显示，{content.verdict}。</p>
      {content.plans.map((plan) => (
        <section key={plan.title} aria-label={plan.title}>
          <h3 className="report-plan-title">{plan.title}主要目标实施情况</h3>
          {content.plans.length > 1 && <p>{plan.verdict}。</p>}
          <Collapse
            destroyOnHidden
            defaultActiveKey={[String(plan.areas[0]?.no)]}
            items={plan.areas.map((area) => ({
              key: String(area.no),
              label: <span className="report-area-label">{area.title}<span className="report-area-verdict">{area.verdict}</span></span>,
              children: area.findings.map((f) => <FindingCard key={f.indicatorId} finding={f} onEdit={onSaveFinding ? () => setEditing(f) : undefined} />),
            }))}
          />
        </section>
      ))}
      {editing && onSaveFinding && <FindingEditModal finding={editing} onSave={(text, note) => onSaveFinding(editing, text, note)} onClose={() => setEditing(null)} />}
    </>
  );
}
