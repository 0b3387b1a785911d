import type { FindingText } from '../../../../shared/reports/findings';
import type { AnnualReport, ReportFinding } from '../annual/collect';

/**
 * The office's words in a draft: per finding (by indicator id) its edited text, or null where only
 * a note was added, and the generated text the edit was made against, so a regeneration can tell
 * whether the figures under an edit have changed.
 */
export interface FindingEdit {
  text: FindingText | null;
  note: string | null;
  generated: FindingText;
}
export type FindingEdits = Record<string, FindingEdit>;

const sameText = (a: FindingText, b: FindingText) => a.headline === b.headline && a.sentences.length === b.sentences.length && a.sentences.every((s, i) => s === b.sentences[i]);

/** The finding as the report states it: the office's text where edited, and its note. */
export function editedFinding(f: ReportFinding, edit: FindingEdit | undefined): ReportFinding {
  if (!edit) return f;
  return { ...f, text: edit.text ?? f.text, note: edit.note };
}

/** The whole report as it goes out. */
export function withEdits(report: AnnualReport, edits: FindingEdits): AnnualReport {
  return {
    ...report,
    plans: report.plans.map((p) => ({ ...p, areas: p.areas.map((a) => ({ ...a, findings: a.findings.map((f) => editedFinding(f, edits[f.indicatorId])) })) })),
  };
}

/** Records an edit; an edit equal to the generated text and without a note is no edit. */
export function applyEdit(edits: FindingEdits, finding: ReportFinding, text: FindingText | null, note: string | null): FindingEdits {
  const effective = text && !sameText(text, finding.text) ? text : null;
  const { [finding.indicatorId]: _previous, ...rest } = edits;
  if (!effective && !note) return rest;
  return { ...rest, [finding.indicatorId]: { text: effective, note, generated: finding.text } };
}

/**
 * The edits that still fit a regenerated report. Where new figures changed a finding's generated
 * text, the office's text for it is dropped (it would state old figures) and the finding named;
 * notes stay; edits of findings no longer in the report go.
 */
export function carryEdits(edits: FindingEdits, report: AnnualReport): { edits: FindingEdits; restored: string[] } {
  const findings = new Map(report.plans.flatMap((p) => p.areas.flatMap((a) => a.findings)).map((f) => [String(f.indicatorId), f]));
  const kept: FindingEdits = {};
  const restored: string[] = [];
  for (const [id, edit] of Object.entries(edits)) {
    const finding = findings.get(id);
    if (!finding) continue;
    if (!edit.text || sameText(edit.generated, finding.text)) {
      kept[id] = { ...edit, generated: finding.text };
      continue;
    }
    restored.push(finding.figures.name);
    if (edit.note) kept[id] = { text: null, note: edit.note, generated: finding.text };
  }
  return { edits: kept, restored };
}
