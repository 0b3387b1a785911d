import { useMemo } from 'react';
import { visibleQuestions } from '../../../../shared/surveys/answering';
import type { AnswerValue, Answers, SurveyDefinition } from '../../../../shared/surveys/model';
import { conditionTargets, optionOrder, questionOrder } from '../../../../shared/surveys/order';
import { QuestionInput } from './QuestionInput';

interface Props {
  definition: SurveyDefinition;
  regions: Record<string, { id: number; name: string }[]>;
  answers: Answers;
  errors: Record<string, string>;
  /** Seeds the shuffled question and option order, so a respondent sees the same order after a reload. */
  seed: string;
  onChange: (answers: Answers) => void;
}

/** The questionnaire as respondents see it; skip rules hide and show questions as answers change. Used by the public page and the builder's phone preview. */
export function SurveyForm({ definition, regions, answers, errors, seed, onChange }: Props) {
  const visible = useMemo(() => visibleQuestions(definition, answers.values), [definition, answers.values]);
  const referenced = useMemo(() => conditionTargets(definition.sections), [definition]);
  let number = 0;
  const set = (code: string, v: AnswerValue | undefined) => {
    const values = { ...answers.values };
    if (v === undefined) delete values[code];
    else values[code] = v;
    onChange({ ...answers, values });
  };
  return (
    <>
      {definition.sections.map((section, si) => {
        const shown = questionOrder(section, `${seed}:section${si}`, referenced).filter((q) => visible.has(q.code));
        if (shown.length === 0) return null;
        return (
          <section key={si} className="sv-section">
            {section.title && <h2 className="sv-section-title">{section.title}</h2>}
            {shown.map((q) => {
              number++;
              const error = errors[q.code];
              return (
                <fieldset key={q.code} id={`q-${q.code}`} className={`sv-question${error ? ' has-error' : ''}`} data-code={q.code}>
                  <legend className="sv-title">
                    <span className="sv-no">{number}.</span> {q.title}
                    {q.required && <span className="sv-required" aria-label="必答">*</span>}
                  </legend>
                  {q.help && <p className="sv-help">{q.help}</p>}
                  {q.type === 'multiple' && (q.minChoices || q.maxChoices) && (
                    <p className="sv-help">{[q.minChoices && `至少选 ${q.minChoices} 项`, q.maxChoices && `最多选 ${q.maxChoices} 项`].filter(Boolean).join('，')}</p>
                  )}
                  <QuestionInput
                    question={q}
                    value={answers.values[q.code]}
                    other={answers.other?.[q.code] ?? ''}
                    regions={regions[q.code] ?? []}
                    options={optionOrder(q.options ?? [], q.randomize, `${seed}:${q.code}`)}
                    onChange={(v) => set(q.code, v)}
                    onOther={(text) => onChange({ ...answers, other: { ...answers.other, [q.code]: text } })}
                  />
                  {error && (
                    <p className="sv-error" role="alert">
                      {error.replace(/^第 \d+ 题：/, '')}
                    </p>
                  )}
                </fieldset>
              );
            })}
          </section>
        );
      })}
    </>
  );
}
