/** Rules an indicator must keep against the rest of the dictionary; pure over the loaded dictionary. */
import type { IndicatorDto, IndicatorInputDto } from '../../../shared/api/indicators';
import { formulaElements } from '../../../shared/indicators/formula';
import type { IssuePath } from '../../../shared/indicators/validate';

export interface DictionaryContext {
  all: readonly IndicatorDto[];
  /** The top committee's member departments: short name by id. */
  departments: ReadonlyMap<number, string>;
  /** Ids of the stored indicators this save replaces: their codes and data elements are theirs to change. */
  replacing: ReadonlySet<number>;
}

export function dictionaryIssues(input: IndicatorInputDto, ctx: DictionaryContext): IssuePath[] {
  const issues: IssuePath[] = [];
  const others = ctx.all.filter((i) => !ctx.replacing.has(i.id));
  const holder = others.find((i) => i.code === input.code);
  if (holder) issues.push({ path: ['code'], message: `指标代码“${input.code}”已被指标“${holder.name}”使用` });

  if (input.responsibleDepartmentId !== null && !ctx.departments.has(input.responsibleDepartmentId)) {
    const examples = [...ctx.departments.values()].slice(0, 3).join('、');
    issues.push({ path: ['responsibleDepartmentId'], message: `责任单位（编号 ${input.responsibleDepartmentId}）不是本级妇儿工委的成员单位${examples ? `（如 ${examples}）` : ''}` });
  }

  // A data element other indicators compute from keeps its type and parts, or their formulas break.
  for (const [key, element] of formulaElements(input.formula)) {
    for (const other of others) {
      const shared = formulaElements(other.formula).find(([, e]) => e.code === element.code)?.[1];
      if (shared && (shared.valueType !== element.valueType || shared.categories !== element.categories)) {
        issues.push({
          path: ['formula', key, 'code'],
          message: `数据元素“${element.code}”还用于指标 ${other.code}（${other.name}），不能在此修改其类型或分组`,
        });
        break;
      }
    }
  }
  return issues;
}
