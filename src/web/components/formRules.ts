import type { FormRule } from 'antd';

/** A required text field of at most `max` characters, with messages naming it as the server does. */
export const requiredText = (label: string, max: number): FormRule[] => [
  { required: true, whitespace: true, message: `请填写${label}` },
  { max, message: `${label}不能超过 ${max} 个字符` },
];
