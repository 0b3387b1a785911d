/** The two shapes of an indicator's formula, whatever its data elements are. */
export type Formula<E> = { type: 'direct'; value: E } | { type: 'ratio'; numerator: E; denominator: E; factor: number };

export type ElementRole = 'value' | 'numerator' | 'denominator';
export const ELEMENT_ROLE_LABELS: Record<ElementRole, string> = { value: '数值', numerator: '分子', denominator: '分母' };

/** The data elements of a formula with the role each plays in it. */
export function formulaElements<E>(formula: Formula<E>): [ElementRole, E][] {
  return formula.type === 'direct'
    ? [['value', formula.value]]
    : [['numerator', formula.numerator], ['denominator', formula.denominator]];
}

/** The same formula over other data elements (API input, stored rows, catalogue codes …). */
export function mapFormula<A, B>(formula: Formula<A>, element: (e: A, role: ElementRole) => B): Formula<B> {
  return formula.type === 'direct'
    ? { type: 'direct', value: element(formula.value, 'value') }
    : { type: 'ratio', numerator: element(formula.numerator, 'numerator'), denominator: element(formula.denominator, 'denominator'), factor: formula.factor };
}
