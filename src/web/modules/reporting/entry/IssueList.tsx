import { CheckCircleFilled } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useState } from 'react';
import type { IssueDto } from '../api';
import { cellKey } from './gridModel';

interface IssueListProps {
  issues: readonly IssueDto[];
  editable: boolean;
  onLocate: (key: string) => void;
  onComment: (key: string) => void;
}

const SHOWN = 6;

function rank(issue: IssueDto): number {
  if (issue.severity === 'error') return 0;
  return issue.commented ? 2 : 1;
}

/** Validation of the stored values above the grid: errors block submission, warnings need a comment. */
export function IssueList({ issues, editable, onLocate, onComment }: IssueListProps) {
  const [expanded, setExpanded] = useState(false);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const uncommented = issues.filter((i) => i.severity === 'warning' && !i.commented).length;
  if (issues.length === 0) {
    return (
      <div className="issue-summary issue-summary--ok" role="status">
        <CheckCircleFilled aria-hidden="true" /> 已填数据校验通过
      </div>
    );
  }
  const sorted = [...issues].sort((a, b) => rank(a) - rank(b));
  const visible = expanded ? sorted : sorted.slice(0, SHOWN);
  return (
    <section className="issue-panel" aria-label="校验结果">
      <header className="issue-panel__head">
        <span className="issue-panel__title">校验结果</span>
        {errors > 0 && <span className="issue-panel__count issue-panel__count--error">{errors} 个错误，须修改后才能提交</span>}
        {uncommented > 0 && <span className="issue-panel__count issue-panel__count--warning">{uncommented} 个提示需填写说明</span>}
        {errors === 0 && uncommented === 0 && <span className="issue-panel__count">提示均已说明</span>}
      </header>
      <ul className="issue-panel__list">
        {visible.map((issue, i) => {
          const key = cellKey(issue.dataElementId, issue.option);
          const kind = rank(issue);
          return (
            <li key={`${key}-${issue.rule}-${i}`} className={`issue-panel__item issue-panel__item--${['error', 'warning', 'done'][kind]}`}>
              <Tag color={['red', 'orange', 'default'][kind]} variant="filled" className="issue-panel__tag">
                {['错误', '需填写说明', '已说明'][kind]}
              </Tag>
              <span className="issue-panel__message">{issue.message}</span>
              <span className="issue-panel__actions">
                {editable && kind === 1 && (
                  <Button type="link" size="small" onClick={() => onComment(key)}>
                    填写说明
                  </Button>
                )}
                {editable && (
                  <Button type="link" size="small" onClick={() => onLocate(key)}>
                    定位
                  </Button>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {sorted.length > SHOWN && (
        <Button type="link" size="small" onClick={() => setExpanded((v) => !v)}>
          {expanded ? '收起' : `展开全部 ${sorted.length} 条`}
        </Button>
      )}
    </section>
  );
}
