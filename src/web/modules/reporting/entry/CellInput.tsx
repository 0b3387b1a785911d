import { Input, Tooltip, type InputRef } from 'antd';
import { memo, useCallback, type KeyboardEvent } from 'react';
import type { IssueDto } from '../api';
import { formatNumber, inputText } from '../format';
import { CommentButton } from './CommentButton';
import type { CellState } from './entryState';
import { moveForKey, type Move } from './gridModel';
import { HistoryButton, type AuditScope } from './HistoryButton';

export interface CellHandlers {
  register: (key: string, input: InputRef | null) => void;
  edit: (key: string, text: string) => void;
  commit: () => void;
  /** Moves focus; false when there is no cell that way. */
  move: (key: string, move: Move) => boolean;
  setCommentOpen: (key: string, open: boolean) => void;
  saveComment: (key: string, comment: string | null) => Promise<boolean>;
}

interface CellInputProps {
  cell: CellState;
  editable: boolean;
  issues: readonly IssueDto[] | undefined;
  commentOpen: boolean;
  handlers: CellHandlers;
  audit: AuditScope;
}

/** Problems to show on a cell: its own refusal first, then the validation of the stored values. */
function cellProblems(cell: CellState, issues: readonly IssueDto[] | undefined) {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (cell.conflict) errors.push(cell.conflict.message);
  if (cell.error && cell.error.text === cell.text) errors.push(cell.error.message);
  for (const issue of issues ?? []) {
    if (issue.severity === 'error') errors.push(issue.message);
    else if (!issue.commented) warnings.push(issue.message);
  }
  return { errors, warnings };
}

function CellInputImpl({ cell, editable, issues, commentOpen, handlers, audit }: CellInputProps) {
  const { key } = cell;
  const { errors, warnings } = cellProblems(cell, issues);
  const needsComment = warnings.length > 0;
  const register = handlers.register;
  const ref = useCallback((input: InputRef | null) => register(key, input), [register, key]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const target = e.currentTarget;
    if (e.key === 'Escape' && cell.dirty) {
      e.preventDefault();
      handlers.edit(key, inputText(cell.value));
      return;
    }
    const move = moveForKey(e, { start: target.selectionStart, end: target.selectionEnd, length: target.value.length });
    if (!move) return;
    if (handlers.move(key, move)) e.preventDefault();
    else if (e.key === 'Enter') {
      e.preventDefault();
      handlers.commit();
    }
  };

  const state = errors.length ? 'is-error' : needsComment ? 'is-warning' : cell.saving ? 'is-saving' : cell.dirty ? 'is-dirty' : '';
  const tip = [...errors, ...warnings].join('；');

  return (
    <div className={`entry-cell ${state}`} data-cell={key}>
      <div className="entry-cell__main">
        {editable ? (
          <Tooltip title={tip || undefined} placement="topLeft">
            <Input
              ref={ref}
              size="small"
              className="entry-cell__input"
              value={cell.text}
              inputMode="decimal"
              autoComplete="off"
              aria-label={cell.label}
              aria-invalid={errors.length > 0 || undefined}
              status={errors.length ? 'error' : needsComment ? 'warning' : undefined}
              onChange={(e) => handlers.edit(key, e.target.value)}
              onBlur={handlers.commit}
              onKeyDown={onKeyDown}
            />
          </Tooltip>
        ) : (
          <Tooltip title={tip || undefined} placement="topLeft">
            <span className="entry-cell__value num">
              {formatNumber(cell.value)}
            </span>
          </Tooltip>
        )}
      </div>
      <div className="entry-cell__meta">
        <span className="entry-cell__tools">
          <CommentButton
            cell={cell}
            editable={editable}
            needed={needsComment}
            open={commentOpen}
            onOpenChange={(open) => handlers.setCommentOpen(key, open)}
            onSave={(comment) => handlers.saveComment(key, comment)}
          />
          <HistoryButton cell={cell} scope={audit} />
        </span>
        {errors.length > 0 ? (
          <span className="entry-cell__flag entry-cell__flag--error">{cell.conflict ? '冲突' : '有误'}</span>
        ) : needsComment ? (
          <span className="entry-cell__flag entry-cell__flag--warning">需说明</span>
        ) : null}
        <span className="entry-cell__previous" title="上年数值">
          上年 <span className="num">{formatNumber(cell.previous)}</span>
        </span>
      </div>
    </div>
  );
}

export const CellInput = memo(CellInputImpl);
