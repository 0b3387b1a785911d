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

const FIELDS: readonly (keyof TargetForm)[] = ['indicator', 'comparator', 'value', 'unit', 'year', 'baseYear'];

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

/** The form field a server validation error is about: its path may be “value”, “body.value” or “/value”. */
export function fieldOf(path: string | undefined): keyof TargetForm | undefined {
  const last = path?.split(/[./[\]]/).filter(Boolean).at(-1);
  return FIELDS.find((field) => field === last);
}

export const isQualitative = (comparator: Comparator | undefined): boolean =>
  comparator === 'increase' || comparator === 'decrease';
