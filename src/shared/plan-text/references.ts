import { MAX_CLAUSE, oneOf, splitKeep, trimmed, type Clause } from './phrases';

const CLAUSE_OR_SENTENCE_END = oneOf('，,。；;！!');

/**
 * A share held against another figure instead of a number: “女党员代表比例一般不低于本地区党员总数中
 * 女性比例”, “职工代表大会中女性比例与女职工比例相适应”, “在园男童女童比例保持均衡”.
 */
const AGAINST_REFERENCE = /(?:率|比例|比重|占比)(?:一般|基本|总体)?(?:不低于|不少于|不高于|不超过|高于|低于|与.+(?:相适应|相当|相一致)|保持(?:均衡|平衡))/;

/**
 * Clauses of a goal that compare an indicator with a reference the importer cannot turn into a
 * value; a person has to set those targets. A clause with a number in it is a quantified target.
 */
export function referenceComparisons(goal: string): Clause[] {
  return splitKeep(goal, 0, CLAUSE_OR_SENTENCE_END)
    .map(trimmed)
    .filter((clause) => clause.text.length <= MAX_CLAUSE && !/[\d０-９]/.test(clause.text) && AGAINST_REFERENCE.test(clause.text));
}
