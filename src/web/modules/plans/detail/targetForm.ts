import type { TargetInputDto } from '../../../../shared/api/plans';
import type { Comparator } from '../../../../shared/plan-text/types';

/** Values of the target form; antd leaves cleared inputs as null or undefined. */
export interface TargetForm {
  indicator: string;
  comparator: Comparator;
  value?: number | null;
  unit?: string | null;
  year?: number | null;
  baseYear?: number | null;
}

/** The fields server validation errors may name. */
export const TARGET_FORM_FIELDS: readonly (keyof TargetForm)[] = ['indicator', 'comparator', 'value', 'unit', 'year', 'baseYear'];

export function toInput(values: TargetForm): TargetInputDto {
  const unit = values.unit?.trim() ?? '';
  return {
    indicator: values.indicator.trim(),
    comparator: values.comparator,
    value: values.value ?? null,
    unit: unit === '' ? null : unit,
    year: values.year ?? null,
    baseYear: values.baseYear ?? null,
  };
}

export const isQualitative = (comparator: Comparator | undefined): boolean =>
  comparator === 'increase' || comparator === 'decrease';
