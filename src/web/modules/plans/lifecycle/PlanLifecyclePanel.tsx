import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Popconfirm, Space, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { FilingDto, PlanLifecycleDto } from '../../../../shared/api/planFiling';
import { errorMessage } from '../../../http/client';
import { useApiGet } from '../../../http/useApiGet';
import { allows } from '../../auth/permissions';
import { useCurrentUser } from '../../auth/SessionContext';
import { filingUrls, lifecycleApi } from '../filing/api';
import { PlanStatusTag, StandingTag } from '../filing/StandingTag';
import './lifecycle.css';

interface Props {
  plan: { id: number; title: string; orgUnit: { id: number; name: string } };
  /** The plan's own data changed (status, archived): the page reloads it. */
  onChanged: () => void;
}

/** 草案 → 已印发 → 已备案 → 已废止 on the plan page: where the plan stands, its 备案, and the buttons the user may use. */
export function PlanLifecyclePanel({ plan, onChanged }: Props) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { data: state, reload } = useApiGet<PlanLifecycleDto>(filingUrls.lifecycle(plan.id));
  const manages = allows(user, 'plans.manage', { orgUnitId: plan.orgUnit.id });
  const files = allows(user, 'plans.file', { orgUnitId: plan.orgUnit.id });
  const { data: filings, reload: reloadFilings } = useApiGet<FilingDto[]>(state?.filesWith && files ? filingUrls.ofPlan(plan.id) : null);
  const [dialog, setDialog] = useState<'release' | 'file' | null>(null);
  const [busy, setBusy] = useState(false);
  if (!state) return null;

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      setDialog(null);
      reload();
      reloadFilings();
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const latest = filings?.[0];
  const a = state.actions;

  return (
    <Card variant="borderless" className="content-card plan-lifecycle" aria-label="规划状态与备案">
      <div className="plan-lifecycle__facts">
        <dl className="plan-meta">
          <div>
            <dt>状态</dt>
            <dd><PlanStatusTag status={state.status} archived={state.archived} /></dd>
          </div>
          <div>
            <dt>印发日期</dt>
            <dd>{state.releasedOn ?? '未登记'}</dd>
          </div>
          {state.filesWith && (
            <div>
              <dt>向{state.filesWith.name}备案</dt>
              <dd>
                <StandingTag status={state.standing.status} late={state.standing.late} />
                {state.standing.dueOn && <span className="plan-lifecycle__due">应于 {state.standing.dueOn} 前报送</span>}
              </dd>
            </div>
          )}
        </dl>
        <Space wrap className="plan-lifecycle__actions">
          {manages && a.release.ok && (
            <Button onClick={() => setDialog('release')}>{state.status === 'draft' ? '印发' : state.releasedOn ? '更正印发日期' : '登记印发日期'}</Button>
          )}
          {files && state.filesWith && state.status !== 'filed' && state.status !== 'repealed' && (
            <Tooltip title={a.file.ok ? undefined : a.file.reason}>
              <Button type="primary" disabled={!a.file.ok} onClick={() => setDialog('file')}>
                {state.standing.status === 'returned' ? '重新报送备案' : '报送备案'}
              </Button>
            </Tooltip>
          )}
          {manages && a.repeal.ok && (
            <Popconfirm title="废止后该规划不再作为评估依据，确定废止？" okText="废止" cancelText="取消" onConfirm={() => run(() => lifecycleApi.repeal(plan.id), '规划已废止')}>
              <Button disabled={busy}>废止</Button>
            </Popconfirm>
          )}
          {manages && a.archive.ok && <Button disabled={busy} onClick={() => run(() => lifecycleApi.archive(plan.id), '规划已归档')}>归档</Button>}
          {manages && a.unarchive.ok && <Button disabled={busy} onClick={() => run(() => lifecycleApi.unarchive(plan.id), '已取消归档')}>取消归档</Button>}
          {manages && a.delete.ok && (
            <Popconfirm
              title="删除后规划及其领域、目标、措施都将移除，不可恢复。确定删除？"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={async () => {
                try {
                  await lifecycleApi.remove(plan.id);
                  message.success('规划已删除');
                  navigate('/plans');
                } catch (e) {
                  message.error(errorMessage(e));
                }
              }}
            >
              <Button danger disabled={busy}>删除</Button>
            </Popconfirm>
          )}
        </Space>
      </div>
      {latest?.state === 'returned' && (
        <Alert
          type="warning"
          showIcon
          className="plan-lifecycle__alert"
          title={`${latest.toOrgUnit.name}退回了备案（${dayjs(latest.decidedAt).format('YYYY-MM-DD')}）`}
          description={<>退回理由：{latest.returnReason} <Link to={`/plans/filings/${latest.id}`}>查看目标比较</Link></>}
        />
      )}
      {latest && latest.state !== 'returned' && (
        <div className="plan-lifecycle__latest">
          {dayjs(latest.filedAt).format('YYYY-MM-DD')} 已报送{latest.toOrgUnit.name}
          {latest.state === 'accepted' ? `，${dayjs(latest.decidedAt).format('YYYY-MM-DD')} 已接收备案` : '，等待审核'}；与上级规划比较：
          {latest.comparison.counts.weaker ?? 0} 项低于上级目标。<Link to={`/plans/filings/${latest.id}`}>查看目标比较</Link>
        </div>
      )}
      {dialog === 'release' && (
        <ReleaseDialog initial={state.releasedOn} busy={busy} onCancel={() => setDialog(null)} onOk={(date) => run(() => lifecycleApi.release(plan.id, date), '印发日期已登记')} />
      )}
      {dialog === 'file' && state.filesWith && (
        <FileDialog
          to={state.filesWith.name}
          dueOn={state.standing.dueOn}
          busy={busy}
          onCancel={() => setDialog(null)}
          onOk={(note) => run(() => lifecycleApi.file(plan.id, note), `已报送${state.filesWith!.name}备案`)}
        />
      )}
    </Card>
  );
}

function ReleaseDialog({ initial, busy, onCancel, onOk }: { initial: string | null; busy: boolean; onCancel: () => void; onOk: (date: string) => void }) {
  const [date, setDate] = useState(initial ? dayjs(initial) : null);
  return (
    <Modal open title="登记印发日期" okText="确定" cancelText="取消" confirmLoading={busy} okButtonProps={{ disabled: !date }} onCancel={onCancel} onOk={() => date && onOk(date.format('YYYY-MM-DD'))}>
      <p>规划印发后 1 个月内应报送上级妇儿工委办公室备案。</p>
      <Form layout="vertical">
        <Form.Item label="印发日期" required>
          <DatePicker value={date} onChange={setDate} disabledDate={(d) => d.isAfter(dayjs(), 'day')} aria-label="印发日期" style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function FileDialog({ to, dueOn, busy, onCancel, onOk }: { to: string; dueOn: string | null; busy: boolean; onCancel: () => void; onOk: (note: string | null) => void }) {
  const [note, setNote] = useState('');
  return (
    <Modal open title={`报送${to}妇儿工委办公室备案`} okText="报送" cancelText="取消" confirmLoading={busy} onCancel={onCancel} onOk={() => onOk(note.trim() || null)}>
      <p>
        报送后，上级办公室将看到本规划每项指标目标与上级规划的比较，并决定接收备案或退回。
        {dueOn && ` 报送期限：${dueOn}。`}
      </p>
      <Form layout="vertical">
        <Form.Item label="报送说明（可选）">
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} showCount rows={3} aria-label="报送说明" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
