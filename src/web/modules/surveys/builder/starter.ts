import type { Question, SurveyDefinition } from '../../../../shared/surveys/model';

/** A new survey starts with the two questions almost every committee survey asks, ready to edit. */
export function starterDefinition(orgUnitId: number): SurveyDefinition {
  return {
    sections: [{
      title: '基本情况',
      questions: [
        { code: 'Q1', type: 'region', title: '您所在的地区', required: true, regionRootId: orgUnitId },
        { code: 'Q2', type: 'single', title: '您的性别', required: true, options: [{ code: '1', label: '女' }, { code: '2', label: '男' }] },
      ],
    }],
  };
}

/** The next free question code: Q1, Q2 … */
export function nextCode(def: SurveyDefinition): string {
  const used = new Set(def.sections.flatMap((s) => s.questions.map((q) => q.code)));
  let n = used.size + 1;
  while (used.has(`Q${n}`)) n++;
  return `Q${n}`;
}

export function blankQuestion(def: SurveyDefinition, type: Question['type'], regionRootId: number): Question {
  const code = nextCode(def);
  switch (type) {
    case 'single':
    case 'multiple':
      return { code, type, title: '新题目', required: true, options: [{ code: '1', label: '选项一' }, { code: '2', label: '选项二' }] };
    case 'rating':
      return { code, type, title: '新题目', required: true, scale: { min: 1, max: 5, minLabel: '很不满意', maxLabel: '很满意' } };
    case 'matrix':
      return { code, type, title: '新题目', required: true, rows: [{ code: 'r1', label: '第一行' }], scale: { min: 1, max: 5, minLabel: '很不了解', maxLabel: '很了解' } };
    case 'region':
      return { code, type, title: '您所在的地区', required: true, regionRootId };
    default:
      return { code, type, title: '新题目', required: type !== 'text' };
  }
}

/**
 * Options edited as lines of text: an existing label keeps its code (answers refer to it), a new
 * line gets the next number; a label saying 请注明 asks for the text of “other”.
 */
export function optionsFromLines(text: string, before: { code: string; label: string }[], prefix = ''): { code: string; label: string; other?: boolean }[] {
  const taken = new Set(before.map((o) => o.code));
  let n = 0;
  const fresh = () => {
    do n++;
    while (taken.has(`${prefix}${n}`));
    taken.add(`${prefix}${n}`);
    return `${prefix}${n}`;
  };
  const used = new Set<string>();
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((label) => {
      const kept = before.find((o) => o.label === label && !used.has(o.code));
      const code = kept?.code ?? fresh();
      used.add(code);
      return { code, label, ...(/请注明/.test(label) ? { other: true } : {}) };
    });
}
