import type { AnswerValue, Question, SurveyOption } from '../../../../shared/surveys/model';
import { scalePoints } from '../../../../shared/surveys/model';

interface Props {
  question: Question;
  value: AnswerValue | undefined;
  other: string;
  regions: { id: number; name: string }[];
  /** Options in the order this respondent sees them (shuffled where the question asks). */
  options: SurveyOption[];
  onChange: (value: AnswerValue | undefined) => void;
  onOther: (text: string) => void;
}

/** One question's input, in plain HTML controls large enough for a thumb. */
export function QuestionInput({ question: q, value, other, regions, options, onChange, onOther }: Props) {
  const name = `q-${q.code}`;
  const otherBox = (o: SurveyOption, chosen: boolean) =>
    o.other && chosen ? (
      <input className="sv-other" aria-label={`${o.label}：请注明`} placeholder="请注明" value={other} maxLength={500} onChange={(e) => onOther(e.target.value)} />
    ) : null;

  switch (q.type) {
    case 'single':
      return (
        <div className="sv-choices" role="radiogroup">
          {options.map((o) => (
            <label key={o.code} className={`sv-choice${value === o.code ? ' is-on' : ''}`}>
              <input type="radio" name={name} checked={value === o.code} onChange={() => onChange(o.code)} />
              <span>{o.label}</span>
              {otherBox(o, value === o.code)}
            </label>
          ))}
        </div>
      );
    case 'multiple': {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <div className="sv-choices">
          {options.map((o) => {
            const on = chosen.includes(o.code);
            return (
              <label key={o.code} className={`sv-choice${on ? ' is-on' : ''}`}>
                <input type="checkbox" checked={on} onChange={() => onChange(on ? chosen.filter((c) => c !== o.code) : [...chosen, o.code])} />
                <span>{o.label}</span>
                {otherBox(o, on)}
              </label>
            );
          })}
        </div>
      );
    }
    case 'region':
      return (
        <select className="sv-select" aria-label={q.title} value={typeof value === 'number' ? String(value) : ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : undefined)}>
          <option value="">请选择</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      );
    case 'text':
      return <textarea className="sv-text" aria-label={q.title} rows={3} maxLength={q.maxLength ?? 500} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.target.value)} />;
    case 'number':
      return (
        <input
          className="sv-number"
          aria-label={q.title}
          type="number"
          inputMode={q.integer ? 'numeric' : 'decimal'}
          min={q.min}
          max={q.max}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
        />
      );
    case 'rating':
      return <Scale question={q} name={name} value={typeof value === 'number' ? value : undefined} onPick={(p) => onChange(p)} />;
    case 'matrix': {
      const rows = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, number>;
      return (
        <div className="sv-matrix">
          {(q.rows ?? []).map((row) => (
            <div key={row.code} className="sv-matrix-row">
              <div className="sv-matrix-label">{row.label}</div>
              <Scale question={q} name={`${name}-${row.code}`} value={rows[row.code]} onPick={(p) => onChange({ ...rows, [row.code]: p })} />
            </div>
          ))}
        </div>
      );
    }
  }
}

function Scale({ question, name, value, onPick }: { question: Question; name: string; value: number | undefined; onPick: (p: number) => void }) {
  return (
    <div className="sv-scale">
      <div className="sv-scale-points" role="radiogroup">
        {scalePoints(question).map((p) => (
          <label key={p} className={`sv-point${value === p ? ' is-on' : ''}`}>
            <input type="radio" name={name} checked={value === p} onChange={() => onPick(p)} />
            <span>{p}</span>
          </label>
        ))}
      </div>
      {(question.scale?.minLabel || question.scale?.maxLabel) && (
        <div className="sv-scale-ends">
          <span>{question.scale?.minLabel}</span>
          <span>{question.scale?.maxLabel}</span>
        </div>
      )}
    </div>
  );
}
