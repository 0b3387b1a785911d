import { Alert } from 'antd';
import type { PlanPreviewDto } from '../../../../shared/api/plans';

type Warning = PlanPreviewDto['result']['warnings'][number];

export function PreviewWarnings({ warnings }: { warnings: Warning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Alert
      className="preview-warnings"
      type="warning"
      showIcon
      title={`识别提示（${warnings.length} 条），请核对原文对应位置`}
      description={
        <ul className="preview-warnings__list" aria-label="识别提示">
          {warnings.map((warning, index) => (
            <li key={index}>
              第 {warning.line} 行：{warning.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
