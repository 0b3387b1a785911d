import { Alert, Card, Tabs } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import type { SubmissionDto } from '../../../../shared/api/reporting';
import type { WorkflowAction } from '../../../../shared/monitoring/workflow';
import { LoadError } from '../../../components/LoadError';
import NotFoundPage from '../../../components/NotFoundPage';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { useCurrentUser } from '../../auth/SessionContext';
import { reportingUrls, type ReviewEventDto } from '../api';
import { allows } from '../../auth/permissions';
import { availableActions, holdsThisSeat, managesTasks, reviewsData, withheldActions } from '../permissions';
import { myReviewQueue, nextInQueue } from '../review/queue';
import { SubmissionTemplateButton } from '../xlsx/TemplateButtons';
import '../reporting.css';
import './cells.css';
import './entry.css';
import type { CellHandlers } from './CellInput';
import { ConflictModal } from './ConflictModal';
import { EntryGrid } from './EntryGrid';
import { EntryHeader } from './EntryHeader';
import { currentValues, filledCount, submitBlockReason, unsavedCount } from './entryState';
import { buildSections, navMatrix, type IndicatorMeta } from './gridModel';
import { IssueList } from './IssueList';
import { ReviewHistory } from './ReviewHistory';
import { UnitAuditTable } from './UnitAuditTable';
import { SaveStatus } from './SaveStatus';
import { useEntryGrid } from './useEntryGrid';
import { useGridFocus } from './useGridFocus';
import { WorkflowActions } from './WorkflowActions';
import { WorkflowSteps } from './WorkflowSteps';

const NO_METAS: ReadonlyMap<number, IndicatorMeta> = new Map();

function EntryPage({ submissionId }: { submissionId: number }) {
  const user = useCurrentUser();
  const entry = useEntryGrid(submissionId);
  const { state, metas } = entry;
  const events = useApiGet<ReviewEventDto[]>(reportingUrls.events(submissionId));
  const reviewer = reviewsData(user);
  const queue = useApiGet<SubmissionDto[]>(reviewer ? reportingUrls.submissions : null);
  const [commentKey, setCommentKey] = useState<string | null>(null);
  const [tab, setTab] = useState('grid');

  const grid = state?.grid ?? null;
  const cells = state?.cells ?? null;
  const sections = useMemo(() => (grid ? buildSections(grid, metas ?? NO_METAS) : []), [grid, metas]);
  const matrix = useMemo(
    () => navMatrix(sections.flatMap((s) => s.rows), grid?.options.map((o) => o.code) ?? []),
    [sections, grid],
  );
  const values = useMemo(() => currentValues(cells), [cells]);
  const focus = useGridFocus(matrix);
  const { edit, flush, saveComment } = entry;
  const handlers = useMemo<CellHandlers>(
    () => ({
      register: focus.register,
      edit,
      commit: () => void flush(),
      move: focus.move,
      setCommentOpen: (key, open) => setCommentKey(open ? key : null),
      saveComment,
    }),
    [focus.register, focus.move, edit, flush, saveComment],
  );

  const unsaved = state ? unsavedCount(state) : 0;
  useEffect(() => {
    if (unsaved === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const { act, latest } = entry;
  const onAct = useCallback(
    async (action: WorkflowAction, reason?: string) => {
      await act(action, reason);
      events.reload();
      queue.reload();
    },
    [act, events, queue],
  );
  const beforeSubmit = useCallback(async () => {
    await flush();
    const now = latest();
    return now ? submitBlockReason(now) : null;
  }, [flush, latest]);

  if (!state || !grid) return entry.loadError ? <LoadError error={entry.loadError} onRetry={entry.reload} /> : <PageLoading />;

  const submission = grid.submission;
  const back = holdsThisSeat(user, submission) || !managesTasks(user) ? { to: '/reporting', label: '我的填报任务' } : { to: `/reporting/tasks/${submission.taskId}`, label: '填报任务' };
  const { filled, expected } = filledCount(state);
  const next = reviewer && queue.data ? nextInQueue(myReviewQueue(user, queue.data).mine, submission.id) : null;
  // Steps the user's role takes, but not here: say who does (the city looking at a district's data).
  const withheld = withheldActions(user, submission);
  const conflictCell = Object.values(state.cells).find((c) => c.conflict) ?? null;

  const openComment = (key: string) => {
    setTab('grid');
    focus.focusCell(key);
    setCommentKey(key);
  };

  return (
    <div className="entry-page">
      <EntryHeader
        submission={submission}
        filled={filled}
        expected={expected}
        back={back}
        next={next}
        status={grid.editable ? <SaveStatus state={state} /> : null}
        actions={
          <>
            {/* An upload may change any value and its checks: reload the grid as the server now has it. */}
            <SubmissionTemplateButton grid={grid} beforeUpload={flush} onUploaded={entry.reload} />
            <WorkflowActions actions={availableActions(user, submission)} beforeSubmit={beforeSubmit} onAct={onAct} />
          </>
        }
      />
      <Card variant="borderless" className="content-card entry-steps-card">
        <WorkflowSteps state={submission.state} />
      </Card>
      {submission.state === 'returned' && submission.returnReason && (
        <Alert className="entry-alert" type="error" showIcon title="数据已被退回，请按以下意见修改后重新提交" description={submission.returnReason} />
      )}
      {!grid.editable && grid.lockedReason && <Alert className="entry-alert" type="info" showIcon title={grid.lockedReason} />}
      {withheld.length > 0 && <Alert className="entry-alert" type="info" showIcon title={withheld.map((w) => w.reason).join('；')} />}
      <Card variant="borderless" className="content-card">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'grid',
              label: '填报数据',
              children: (
                <>
                  <IssueList issues={state.issues} editable={grid.editable} onLocate={focus.focusCell} onComment={openComment} />
                  {grid.rows.length === 0 ? (
                    <div className="empty-hint">本任务没有需要该成员单位填报的指标。</div>
                  ) : (
                    <EntryGrid
                      state={state}
                      sections={sections}
                      values={values}
                      editable={grid.editable}
                      handlers={handlers}
                      commentKey={commentKey}
                      audit={{ orgUnitId: submission.orgUnit.id, period: submission.year }}
                    />
                  )}
                  {grid.editable && (
                    <p className="entry-keys">
                      <span><kbd>Enter</kbd> / <kbd>↓</kbd> 下一行</span>
                      <span><kbd>Tab</kbd> / <kbd>→</kbd> 下一格</span>
                      <span><kbd>Esc</kbd> 撤销未保存的输入</span>
                      <span>离开单元格或停顿片刻即自动保存</span>
                    </p>
                  )}
                </>
              ),
            },
            {
              key: 'history',
              label: `审核记录${events.data?.length ? `（${events.data.length}）` : ''}`,
              children: <ReviewHistory events={events.data} />,
            },
            // The unit-wide trail is the committee's view; a reporter sees each value's history beside it.
            ...(allows(user, 'data.readUnit', { orgUnitId: submission.orgUnit.id })
              ? [
                  {
                    key: 'changes',
                    label: '数据修改记录',
                    children: (
                      <UnitAuditTable orgUnitId={submission.orgUnit.id} period={submission.year} dataElementIds={new Set(grid.rows.map((r) => r.dataElementId))} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <ConflictModal cell={conflictCell} onResolve={entry.resolveConflict} />
    </div>
  );
}

export default function SubmissionEntryPage() {
  const { id } = useParams();
  const submissionId = Number(id);
  if (!Number.isInteger(submissionId) || submissionId <= 0) return <NotFoundPage />;
  return <EntryPage key={submissionId} submissionId={submissionId} />;
}
