import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridDto } from '../../../../shared/api/reporting';
import type { WorkflowAction } from '../../../../shared/monitoring/workflow';
import { ApiRequestError, errorMessage } from '../../../http/client';
import { reportingApi } from '../api';
import { entryReducer, initialState, pendingCells, type EntryAction, type EntryState, type SentCell } from './entryState';
import { metaFromIndicator, type IndicatorMeta } from './gridModel';

/** How long typing may pause before the cell is saved without leaving it. */
export const AUTOSAVE_DELAY_MS = 1200;

export interface EntryGrid {
  state: EntryState | null;
  /** The state as of now, including what was dispatched since the last render. */
  latest: () => EntryState | null;
  loadError: Error | null;
  /** Indicator formulas for live ratios; null while unknown (then the server's computed values are shown). */
  metas: ReadonlyMap<number, IndicatorMeta> | null;
  reload: () => void;
  edit: (key: string, text: string) => void;
  /** Saves pending cells now (leaving a cell, before a workflow step); resolves when the queue is empty. */
  flush: () => Promise<void>;
  saveComment: (key: string, comment: string | null) => Promise<boolean>;
  resolveConflict: (key: string, take: 'theirs' | 'mine') => void;
  act: (action: WorkflowAction, reason?: string) => Promise<GridDto>;
}

function conflictOf(error: unknown) {
  if (!(error instanceof ApiRequestError) || error.code !== 'VALUE_CONFLICT') return null;
  const current = error.details.find((d) => d.current)?.current;
  return current ? { current, message: error.message } : null;
}

export function useEntryGrid(submissionId: number): EntryGrid {
  const [state, setState] = useState<EntryState | null>(null);
  const [loadError, setLoadError] = useState<Error | null>(null);
  const [metas, setMetas] = useState<ReadonlyMap<number, IndicatorMeta> | null>(null);
  const [loadCount, setLoadCount] = useState(0);
  // The authoritative state, updated synchronously so queued saves always see the latest input.
  const store = useRef<EntryState | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const hasMetas = useRef(false);

  const apply = useCallback((action: EntryAction) => {
    const next = action.type === 'load' ? initialState(action.grid) : store.current && entryReducer(store.current, action);
    store.current = next;
    setState(next);
  }, []);

  useEffect(() => {
    let cancelled = false;
    reportingApi.grid(submissionId).then(
      (grid) => {
        if (cancelled) return;
        setLoadError(null);
        apply({ type: 'load', grid });
      },
      (error: unknown) => {
        if (!cancelled) setLoadError(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [submissionId, loadCount, apply]);

  // The formulas come from the indicator dictionary; without it the page falls back to the server's values.
  useEffect(() => {
    let cancelled = false;
    reportingApi.indicators().then(
      (list) => {
        if (cancelled) return;
        hasMetas.current = true;
        setMetas(new Map(list.map((i) => [i.id, metaFromIndicator(i)])));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const sendOne = useCallback(
    async (cell: SentCell) => {
      const current = store.current?.cells[cell.key];
      if (!current) return;
      apply({ type: 'saving', sent: [cell] });
      try {
        const result = await reportingApi.saveCells(submissionId, [
          { dataElementId: current.dataElementId, option: current.option, value: cell.value, comment: cell.comment, expectedVersion: cell.expectedVersion },
        ]);
        apply({ type: 'saved', sent: [cell], result, at: new Date().toISOString() });
        if (!hasMetas.current) {
          const grid = await reportingApi.grid(submissionId);
          apply({ type: 'derived', derived: grid.derived });
        }
      } catch (error) {
        const conflict = conflictOf(error);
        if (conflict) {
          const c = conflict.current;
          apply({ type: 'conflict', sent: cell, current: { value: c.value, comment: c.comment, version: c.version, by: c.by, at: c.at }, message: conflict.message });
        } else {
          apply({ type: 'failed', sent: [cell], message: errorMessage(error) });
        }
      }
    },
    [apply, submissionId],
  );

  const enqueue = useCallback(
    (pick: () => SentCell[]) => {
      queue.current = queue.current.then(async () => {
        for (const cell of pick()) await sendOne(cell);
      });
      return queue.current;
    },
    [sendOne],
  );

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    // Picked when the job runs, so a cell typed into while an earlier save was on its way goes too.
    return enqueue(() => (store.current ? pendingCells(store.current) : []));
  }, [enqueue]);

  const edit = useCallback(
    (key: string, text: string) => {
      apply({ type: 'edit', key, text });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [apply, flush],
  );

  const saveComment = useCallback(
    async (key: string, comment: string | null) => {
      const cell = store.current?.cells[key];
      if (!cell || cell.value === null) return false;
      await enqueue(() => [{ key, text: cell.text, value: cell.value, comment: comment?.trim() ? comment.trim() : null, expectedVersion: cell.version }]);
      const after = store.current?.cells[key];
      return Boolean(after && !after.conflict && (after.error === null || after.error.text !== after.text));
    },
    [enqueue],
  );

  const resolveConflict = useCallback(
    (key: string, take: 'theirs' | 'mine') => {
      apply({ type: 'resolve', key, take });
      if (take === 'mine') {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
      }
    },
    [apply, flush],
  );

  const act = useCallback(
    async (action: WorkflowAction, reason?: string) => {
      await flush();
      const grid = await reportingApi.act(submissionId, action, reason);
      apply({ type: 'load', grid });
      return grid;
    },
    [apply, flush, submissionId],
  );

  // Whatever is still typed goes out when the page is left.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (store.current) for (const cell of pendingCells(store.current)) void sendOne(cell);
    },
    [sendOne],
  );

  const reload = useCallback(() => setLoadCount((n) => n + 1), []);
  const latest = useCallback(() => store.current, []);

  return { state, latest, loadError, metas, reload, edit, flush, saveComment, resolveConflict, act };
}
