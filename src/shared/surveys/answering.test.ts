import { describe, expect, it } from 'vitest';
import { validateAnswers, visibleQuestions } from './answering';
import type { Answers, Question, SurveyDefinition } from './model';

const yesNo = [{ code: '1', label: '是' }, { code: '2', label: '否' }];
const q = (code: string, type: Question['type'], extra: Partial<Question> = {}): Question => ({ code, type, title: `${code}题`, required: true, ...extra });

const def: SurveyDefinition = {
  sections: [
    {
      title: '基本情况',
      questions: [
        q('Q1', 'region', { regionRootId: 1 }),
        q('Q2', 'number', { min: 18, max: 100, integer: true }),
        q('Q3', 'single', { options: [...yesNo, { code: '9', label: '其他', other: true }] }),
        // Shown only for 是; Q5 only when Q4 is shown and 是: a chain.
        q('Q4', 'single', { options: yesNo, showIf: [{ question: 'Q3', op: 'equals', value: '1' }] }),
        q('Q5', 'text', { showIf: [{ question: 'Q4', op: 'equals', value: '1' }], maxLength: 10 }),
        q('Q6', 'multiple', { options: [{ code: 'A', label: '甲' }, { code: 'B', label: '乙' }, { code: 'C', label: '丙' }], minChoices: 1, maxChoices: 2 }),
        q('Q7', 'matrix', { rows: [{ code: 'r1', label: '营养' }, { code: 'r2', label: '运动' }], scale: { min: 1, max: 5 } }),
        q('Q8', 'rating', { required: false, scale: { min: 1, max: 5 } }),
      ],
    },
  ],
};
const regions = () => [11, 12];
const full = (over: Answers['values'] = {}, other?: Answers['other']): Answers => ({
  values: { Q1: 11, Q2: 30, Q3: '1', Q4: '1', Q5: '知道', Q6: ['A'], Q7: { r1: 4, r2: 5 }, ...over },
  other,
});

describe('visibleQuestions', () => {
  it.each<[string, Answers['values'], string[]]>([
    ['condition met shows the follow-up', { Q3: '1' }, ['Q4']],
    ['condition not met hides it', { Q3: '2' }, []],
    ['unanswered hides it', {}, []],
    ['chain: Q5 needs Q4 = 是', { Q3: '1', Q4: '1' }, ['Q4', 'Q5']],
    ['chain broken upstream: a stale Q4 answer does not show Q5', { Q3: '2', Q4: '1' }, []],
  ])('%s', (_name, values, shown) => {
    const visible = visibleQuestions(def, values);
    expect(['Q4', 'Q5'].filter((c) => visible.has(c))).toEqual(shown);
  });

  it('notEquals needs an answer; includes looks into multiple choices; answered', () => {
    const d: SurveyDefinition = { sections: [{ title: '', questions: [
      q('A', 'multiple', { options: yesNo }),
      q('B', 'text', { showIf: [{ question: 'A', op: 'includes', value: '2' }] }),
      q('C', 'text', { showIf: [{ question: 'A', op: 'notEquals', value: '1' }] }),
      q('D', 'text', { showIf: [{ question: 'A', op: 'answered' }] }),
    ] }] };
    expect([...visibleQuestions(d, { A: ['1', '2'] })]).toEqual(['A', 'B', 'D']);
    expect([...visibleQuestions(d, { A: ['2'] })]).toEqual(['A', 'B', 'C', 'D']);
    expect([...visibleQuestions(d, {})]).toEqual(['A']);
  });
});

describe('validateAnswers', () => {
  it.each<[string, Answers, string[]]>([
    ['a complete response', full(), []],
    ['required missing', full({ Q2: '' as never }), ['第 2 题：请填写']],
    ['required choice missing', { values: { ...full().values, Q3: '' } }, ['第 3 题：请选择']],
    ['number below range', full({ Q2: 12 }), ['第 2 题：不能小于 18']],
    ['number above range', full({ Q2: 120 }), ['第 2 题：不能大于 100']],
    ['fraction where an integer is asked', full({ Q2: 30.5 }), ['第 2 题：请填写整数']],
    ['unknown option', full({ Q3: '7' }), ['第 3 题：选项无效']],
    ['other without its text', full({ Q3: '9' }), ['第 3 题：选择“其他”时请注明']],
    ['other with its text', full({ Q3: '9' }, { Q3: '不清楚' }), []],
    ['hidden question not required', full({ Q3: '2', Q4: '' as never, Q5: '' }), []],
    ['too many choices', full({ Q6: ['A', 'B', 'C'] }), ['第 6 题：最多选择 2 项']],
    ['too few choices counts as unanswered', full({ Q6: [] }), ['第 6 题：请选择']],
    ['matrix row missing', full({ Q7: { r1: 3 } }), ['第 7 题：请为“运动”选择']],
    ['matrix value off the scale', full({ Q7: { r1: 3, r2: 9 } }), ['第 7 题：选项无效']],
    ['rating off the scale', full({ Q8: 0 }), ['第 8 题：请在量表上选择一个分值']],
    ['region outside the offered units', full({ Q1: 99 }), ['第 1 题：请从列表中选择地区']],
    ['text too long', full({ Q5: '一二三四五六七八九十十一' }), ['第 5 题：不能超过 10 个字']],
  ])('%s', (_name, answers, messages) => {
    expect(validateAnswers(def, answers, regions).problems.map((p) => p.message)).toEqual(messages);
  });

  it('drops answers to hidden questions and other texts of options not chosen', () => {
    const { clean } = validateAnswers(def, full({ Q3: '2', Q4: '1', Q5: '残留' }, { Q3: '多余' }), regions);
    expect(clean.values).not.toHaveProperty('Q4');
    expect(clean.values).not.toHaveProperty('Q5');
    expect(clean.other).toBeUndefined();
  });
});
