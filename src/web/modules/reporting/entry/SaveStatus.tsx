import { CheckCircleFilled, CloseCircleFilled, EditOutlined, LoadingOutlined } from '@ant-design/icons';
import { parseCellText, formatTime } from '../format';
import type { EntryState } from './entryState';

type Shown = { kind: 'saving' | 'saved' | 'error' | 'pending' | 'idle'; text: string };

export function saveStatusText(state: EntryState): Shown {
  const cells = Object.values(state.cells);
  if (cells.some((c) => c.saving)) return { kind: 'saving', text: '保存中…' };
  const conflict = cells.find((c) => c.conflict);
  if (conflict) return { kind: 'error', text: `保存失败：${conflict.conflict!.message}` };
  const refused = cells.find((c) => c.error && c.error.text === c.text && parseCellText(c.text).ok);
  if (refused) return { kind: 'error', text: `保存失败：${refused.error!.message}` };
  const unparsable = cells.filter((c) => !parseCellText(c.text).ok).length;
  if (unparsable) return { kind: 'error', text: `${unparsable} 项不是有效数字，未保存` };
  const pending = cells.filter((c) => c.dirty).length;
  if (pending) return { kind: 'pending', text: `${pending} 项待保存` };
  if (state.save.status === 'saved') return { kind: 'saved', text: `已保存 ${formatTime(state.save.at)}` };
  return { kind: 'idle', text: '自动保存' };
}

const ICONS = {
  saving: <LoadingOutlined />,
  saved: <CheckCircleFilled />,
  error: <CloseCircleFilled />,
  pending: <EditOutlined />,
  idle: <CheckCircleFilled />,
};

/** “保存中… / 已保存 14:32 / 保存失败：…” beside the page title. */
export function SaveStatus({ state }: { state: EntryState }) {
  const shown = saveStatusText(state);
  return (
    <div className={`save-status save-status--${shown.kind}`} role="status" aria-live="polite" aria-label="保存状态">
      <span aria-hidden="true">{ICONS[shown.kind]}</span>
      <span className="save-status__text">{shown.text}</span>
    </div>
  );
}
