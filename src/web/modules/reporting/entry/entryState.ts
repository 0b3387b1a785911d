import type { GridDto } from '../../../../shared/api/reporting';
import type { OptionCode } from '../../../../shared/monitoring/validation';
import type { IssueDto, SaveResultDto } from '../api';
import { inputText, parseCellText } from '../format';
import { cellKey } from './gridModel';

/** What another person saved in the meantime, from a 409 VALUE_CONFLICT's details[0].current. */
export interface Conflict {
  /** What this person had typed. */
  mine: string;
  value: number | null;
  comment: string | null;
  version: number | null;
  by: string | null;
  at: string | null;
  message: string;
}

export interface CellState {
  key: string;
  dataElementId: number;
  option: OptionCode;
  label: string;
  /** What is in the input. */
  text: string;
  /** As stored on the server. */
  value: number | null;
  version: number | null;
  comment: string | null;
  updatedAt: string | null;
  previous: number | null;
  /** The input differs from what is stored. */
  dirty: boolean;
  saving: boolean;
  /** Why this text cannot be or was not saved; cleared when the text changes. */
  error: { text: string; message: string } | null;
  conflict: Conflict | null;
}

export type SaveStatus = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: string } | { status: 'error'; message: string };

export interface EntryState {
  grid: GridDto;
  cells: Record<string, CellState>;
  issues: IssueDto[];
  save: SaveStatus;
}

/** One cell as sent to the server. */
export interface SentCell {
  key: string;
  text: string;
  value: number | null;
  comment: string | null;
  expectedVersion: number | null;
}

export type EntryAction =
  | { type: 'load'; grid: GridDto }
  | { type: 'edit'; key: string; text: string }
  | { type: 'saving'; sent: SentCell[] }
  | { type: 'saved'; sent: SentCell[]; result: SaveResultDto; at: string }
  | { type: 'failed'; sent: SentCell[]; message: string }
  | { type: 'conflict'; sent: SentCell; current: Omit<Conflict, 'mine' | 'message'>; message: string }
  | { type: 'resolve'; key: string; take: 'theirs' | 'mine' }
  | { type: 'derived'; derived: GridDto['derived'] };

export function initialState(grid: GridDto): EntryState {
  const cells: Record<string, CellState> = {};
  for (const row of grid.rows) {
    for (const c of row.cells) {
      const key = cellKey(row.dataElementId, c.option);
      cells[key] = {
        key,
        dataElementId: row.dataElementId,
        option: c.option,
        label: `${row.dataElementName}（${grid.options.find((o) => o.code === c.option)?.name ?? c.option}）`,
        text: inputText(c.value),
        value: c.value,
        version: c.version,
        comment: c.comment,
        updatedAt: c.updatedAt,
        previous: c.previous,
        dirty: false,
        saving: false,
        error: null,
        conflict: null,
      };
    }
  }
  return { grid, cells, issues: grid.issues, save: { status: 'idle' } };
}

function update(state: EntryState, key: string, change: (cell: CellState) => CellState): EntryState {
  const cell = state.cells[key];
  return cell ? { ...state, cells: { ...state.cells, [key]: change(cell) } } : state;
}

function edited(cell: CellState, text: string): CellState {
  const parsed = parseCellText(text);
  if (!parsed.ok) return { ...cell, text, dirty: true, error: { text, message: parsed.message } };
  const keepError = cell.error && cell.error.text === text ? cell.error : null;
  return { ...cell, text, dirty: parsed.value !== cell.value, error: keepError };
}

export function entryReducer(state: EntryState, action: EntryAction): EntryState {
  switch (action.type) {
    case 'load':
      return initialState(action.grid);
    case 'edit':
      return update(state, action.key, (cell) => edited(cell, action.text));
    case 'saving': {
      let next: EntryState = { ...state, save: { status: 'saving' } };
      for (const s of action.sent) next = update(next, s.key, (cell) => ({ ...cell, saving: true }));
      return next;
    }
    case 'saved': {
      let next: EntryState = { ...state, issues: action.result.issues, save: { status: 'saved', at: action.at } };
      for (const s of action.sent) {
        next = update(next, s.key, (cell) => {
          const stored = action.result.saved.find((w) => cellKey(w.dataElementId, w.option) === s.key);
          const value = stored ? stored.value : s.value;
          const version = stored ? stored.version : cell.version;
          const still = cell.text === s.text;
          return {
            ...cell,
            value,
            version,
            comment: value === null ? null : s.comment,
            updatedAt: action.at,
            saving: false,
            dirty: still ? false : cell.dirty,
            error: still ? null : cell.error,
          };
        });
      }
      return next;
    }
    case 'failed': {
      let next: EntryState = { ...state, save: { status: 'error', message: action.message } };
      for (const s of action.sent) next = update(next, s.key, (cell) => ({ ...cell, saving: false, error: { text: s.text, message: action.message } }));
      return next;
    }
    case 'conflict': {
      const next: EntryState = { ...state, save: { status: 'error', message: action.message } };
      return update(next, action.sent.key, (cell) => ({ ...cell, saving: false, conflict: { ...action.current, mine: action.sent.text, message: action.message } }));
    }
    case 'derived':
      return { ...state, grid: { ...state.grid, derived: action.derived } };
    case 'resolve':
      return update(state, action.key, (cell) => {
        const theirs = cell.conflict;
        if (!theirs) return cell;
        const stored = { value: theirs.value, version: theirs.version, comment: theirs.comment, updatedAt: theirs.at, conflict: null };
        if (action.take === 'theirs') return { ...cell, ...stored, text: inputText(theirs.value), dirty: false, error: null };
        return edited({ ...cell, ...stored }, cell.text);
      });
  }
}

/** Cells to send now: changed, parseable, not already on their way, not refused as they are, not waiting for a conflict decision. */
export function pendingCells(state: EntryState, only?: string): SentCell[] {
  return Object.values(state.cells)
    .filter((c) => (only === undefined || c.key === only) && c.dirty && !c.saving && !c.conflict && (c.error === null || c.error.text !== c.text))
    .map((c) => {
      const parsed = parseCellText(c.text);
      return parsed.ok ? { key: c.key, text: c.text, value: parsed.value, comment: parsed.value === null ? null : c.comment, expectedVersion: c.version } : null;
    })
    .filter((c): c is SentCell => c !== null);
}

/** The numbers in the inputs right now, for computing ratios as people type. */
export function currentValues(cells: Readonly<Record<string, CellState>> | null): Map<string, number | null> {
  return new Map(
    Object.values(cells ?? {}).map((c) => {
      const parsed = parseCellText(c.text);
      return [c.key, parsed.ok ? parsed.value : null];
    }),
  );
}

export function unsavedCount(state: EntryState): number {
  return Object.values(state.cells).filter((c) => c.dirty || c.saving).length;
}

export function filledCount(state: EntryState): { filled: number; expected: number } {
  const cells = Object.values(state.cells);
  return { filled: cells.filter((c) => c.value !== null).length, expected: cells.length };
}

/** Why the data cannot be submitted yet, as one Chinese sentence; null when nothing stands in the way here. */
export function submitBlockReason(state: EntryState): string | null {
  const reasons: string[] = [];
  const unsaved = unsavedCount(state);
  if (unsaved) reasons.push(`${unsaved} 项数据尚未保存`);
  const { filled, expected } = filledCount(state);
  if (filled < expected) reasons.push(`还有 ${expected - filled} 项数据未填写`);
  const errors = state.issues.filter((i) => i.severity === 'error').length;
  if (errors) reasons.push(`${errors} 个错误须修改`);
  const warnings = state.issues.filter((i) => i.severity === 'warning' && !i.commented).length;
  if (warnings) reasons.push(`${warnings} 个提示需填写说明`);
  return reasons.length ? `暂不能提交：${reasons.join('；')}` : null;
}
