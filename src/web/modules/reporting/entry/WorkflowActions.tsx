import { CheckOutlined, RollbackOutlined, SendOutlined, UnlockOutlined, AuditOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { TRANSITIONS, type WorkflowAction } from '../../../../shared/monitoring/workflow';
import { errorMessage } from '../../../http/client';

export const BUTTON_LABELS: Record<WorkflowAction, string> = {
  submit: '提交',
  review: '审核上报',
  approve: '审核通过',
  return: '退回',
  reopen: '重新打开',
};

const ICONS: Record<WorkflowAction, ReactNode> = {
  submit: <SendOutlined />,
  review: <AuditOutlined />,
  approve: <CheckOutlined />,
  return: <RollbackOutlined />,
  reopen: <UnlockOutlined />,
};

const DONE: Record<WorkflowAction, string> = {
  submit: '已提交，等待审核',
  review: '已审核并上报统计监测组',
  approve: '已审核通过，数据已锁定',
  return: '已退回填报单位',
  reopen: '已重新打开，填报单位可以修改',
};

const REASON_TEXT: Partial<Record<WorkflowAction, { title: string; label: string; placeholder: string; ok: string }>> = {
  return: { title: '退回修改', label: '退回原因', placeholder: '请写明需要核实或修改的数据及原因，填报单位将看到此内容', ok: '确认退回' },
  reopen: { title: '重新打开已审核数据', label: '重新打开原因', placeholder: '例如：国家反馈口径调整，需更正后重新报送', ok: '确认重新打开' },
};

interface WorkflowActionsProps {
  actions: WorkflowAction[];
  /** Saves what is typed, then says why submitting cannot work yet (errors, warnings without a comment), or null. */
  beforeSubmit: () => Promise<string | null>;
  onAct: (action: WorkflowAction, reason?: string) => Promise<unknown>;
}

function ReasonModal({ action, onCancel, onConfirm }: { action: WorkflowAction; onCancel: () => void; onConfirm: (reason: string) => Promise<void> }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const text = REASON_TEXT[action]!;
  const ok = async () => {
    let reason: string;
    try {
      ({ reason } = await form.validateFields());
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    try {
      await onConfirm(reason.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={text.title} okText={text.ok} okButtonProps={{ danger: action === 'return', loading: busy }} onOk={ok} onCancel={onCancel} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark>
        <Form.Item name="reason" label={text.label} rules={[{ required: true, whitespace: true, message: `请填写${text.label}` }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 8 }} maxLength={500} showCount placeholder={text.placeholder} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The review steps this user may take now: 提交, 审核上报, 审核通过, 退回 (with a reason), 重新打开 (with a reason). */
export function WorkflowActions({ actions, beforeSubmit, onAct }: WorkflowActionsProps) {
  const { message, modal } = App.useApp();
  const [asking, setAsking] = useState<WorkflowAction | null>(null);
  const [busy, setBusy] = useState<WorkflowAction | null>(null);

  const run = async (action: WorkflowAction, reason?: string) => {
    setBusy(action);
    try {
      await onAct(action, reason);
      message.success(DONE[action]);
      setAsking(null);
    } catch (error) {
      message.error(errorMessage(error), 6);
    } finally {
      setBusy(null);
    }
  };

  const click = async (action: WorkflowAction) => {
    if (action === 'submit') {
      setBusy('submit');
      const blocked = await beforeSubmit().finally(() => setBusy(null));
      if (blocked) {
        message.warning(blocked, 6);
        return;
      }
    }
    if (TRANSITIONS[action].needsReason) {
      setAsking(action);
      return;
    }
    if (action === 'submit') {
      modal.confirm({
        title: '确认提交数据？',
        content: '提交后数据将锁定，等待审核；如需修改，须由审核人退回。',
        okText: '确认提交',
        cancelText: '再检查一下',
        onOk: () => run('submit'),
      });
      return;
    }
    if (action === 'approve') {
      modal.confirm({
        title: '确认审核通过？',
        content: '审核通过后数据将锁定，不能再修改；如需更正，须由统计监测组重新打开。',
        okText: '审核通过',
        cancelText: '取消',
        onOk: () => run('approve'),
      });
      return;
    }
    void run(action);
  };

  return (
    <>
      {actions.map((action) => {
        const primary = action === 'submit' || action === 'approve' || action === 'review';
        return (
          <Button
            key={action}
            type={primary ? 'primary' : 'default'}
            danger={action === 'return'}
            icon={ICONS[action]}
            loading={busy === action}
            disabled={busy !== null && busy !== action}
            onClick={() => void click(action)}
          >
            {BUTTON_LABELS[action]}
          </Button>
        );
      })}
      {asking && <ReasonModal action={asking} onCancel={() => setAsking(null)} onConfirm={(reason) => run(asking, reason)} />}
    </>
  );
}
