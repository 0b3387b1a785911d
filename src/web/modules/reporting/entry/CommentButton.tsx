import { MessageFilled, MessageOutlined } from '@ant-design/icons';
import { Button, Input, Popover, Space } from 'antd';
import { useState } from 'react';
import type { CellState } from './entryState';

interface CommentButtonProps {
  cell: CellState;
  editable: boolean;
  /** A warning on this value asks for a comment. */
  needed: boolean;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSave: (comment: string | null) => Promise<boolean>;
}

function CommentEditor({ cell, onSave, onClose }: { cell: CellState; onSave: CommentButtonProps['onSave']; onClose: () => void }) {
  const [text, setText] = useState(cell.comment ?? '');
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    const ok = await onSave(text.trim() ? text.trim() : null);
    setSaving(false);
    if (ok) onClose();
  };
  return (
    <div className="comment-editor" role="dialog" aria-label={`${cell.label}的说明`}>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={500}
        showCount
        placeholder="说明数据来源、口径或较上年变化较大的原因"
        aria-label="说明"
        autoFocus
      />
      <Space className="comment-editor__actions">
        <Button size="small" onClick={onClose}>
          取消
        </Button>
        <Button size="small" type="primary" loading={saving} onClick={save}>
          保存说明
        </Button>
      </Space>
    </div>
  );
}

/** The small speech-bubble beside a value: shows, adds or edits the value's comment. */
export function CommentButton({ cell, editable, needed, open, onOpenChange, onSave }: CommentButtonProps) {
  const has = Boolean(cell.comment);
  if (!editable && !has) return null;
  const canWrite = editable && cell.value !== null;
  const label = has ? `查看说明：${cell.label}` : `填写说明：${cell.label}`;
  const content = canWrite ? (
    <CommentEditor cell={cell} onSave={onSave} onClose={() => onOpenChange(false)} />
  ) : (
    <div className="comment-view" role="dialog" aria-label={`${cell.label}的说明`}>
      {cell.comment ?? '请先填写并保存数值，再填写说明'}
    </div>
  );
  return (
    <Popover
      trigger="click"
      open={open}
      onOpenChange={onOpenChange}
      destroyOnHidden
      placement="bottomRight"
      title={needed ? '该数值需填写说明' : '数值说明'}
      content={content}
    >
      <Button
        type="text"
        size="small"
        tabIndex={-1}
        className={`entry-cell__tool${has ? ' has-comment' : ''}${needed ? ' needs-comment' : ''}`}
        aria-label={label}
        icon={has ? <MessageFilled /> : <MessageOutlined />}
      />
    </Popover>
  );
}
