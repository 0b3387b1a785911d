import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiRequestError, errorMessage, type ApiErrorDetail } from './client';

/**
 * Splits a refusal's details into errors under form fields and the rest. A detail's path names a
 * field when it matches one of `fields`, with list indexes as `*` (“roles.0.departmentId” matches
 * “roles.*.departmentId”); its form name is the path as a list (['roles', 0, 'departmentId']).
 */
export function splitFieldErrors(details: readonly ApiErrorDetail[], fields: readonly string[]) {
  const isField = (path: string | undefined) => path !== undefined && fields.includes(path.replace(/\.\d+(?=\.|$)/g, '.*'));
  return {
    onFields: details
      .filter((d) => isField(d.path))
      .map((d) => ({ name: d.path!.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), errors: [d.message] })),
    rest: details.filter((d) => !isField(d.path)).map((d) => d.message),
  };
}

/**
 * Validates the form, then saves. A refusal's field errors land under their fields; whatever is
 * left is `error`, for an alert above the form.
 */
export function useFormSave<T>(form: FormInstance<T>, fields: readonly string[], onSave: (values: T) => Promise<void>) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    setError(null);
    try {
      await onSave(values);
    } catch (e) {
      const { onFields, rest } = splitFieldErrors(e instanceof ApiRequestError ? e.details : [], fields);
      // Field names come from the server's paths, so they are not typed against the form's values.
      (form as FormInstance).setFields(onFields);
      setError(onFields.length > 0 && rest.length === 0 ? null : rest.length > 0 ? rest.join('；') : errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  return { saving, error, save };
}
