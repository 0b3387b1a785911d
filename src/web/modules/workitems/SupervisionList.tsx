import { App, Button, DatePicker, Empty, Form, Input, List, Modal, Space, Timeline } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { SUPERVISION_ACTION_LABELS } from '../../../shared/workitems/supervision';
import { errorMessage } from '../../http/client';
import { workitemsApi, type SupervisionDto } from './api';
import { SupervisionStateTag } from './StatusTags';

type Step = 'reply' | 'press' | 'close';

/** 督办 with their history and the steps the user may take: reply (the department), press again or close (the office). */
export function SupervisionList({ items, onChanged, compact }: { items: SupervisionDto[]; onChanged: () => void; compact?: boolean }) {
  const [acting, setActing] = useState<{ s: SupervisionDto; step: Step } | null>(null);
  if (items.length === 0) return <Empty description="没有督办" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <>
      <List
        dataSource={items}
        renderItem={(s) => (
          <List.Item
            key={s.id}
            actions={[
              s.canReply && <Button key="reply" type="primary" size="small" onClick={() => setActing({ s, step: 'reply' })}>答复</Button>,
              s.canManage && <Button key="press" size="small" onClick={() => setActing({ s, step: 'press' })}>再次督办</Button>,
              s.canManage && <Button key="close" size="small" onClick={() => setActing({ s, step: 'close' })}>办结</Button>,
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={<Space wrap><SupervisionStateTag state={s.state} overdue={s.overdue} />{s.subject}{s.round > 1 && <span className="workitems-milestone__figure">第 {s.round} 次督办</span>}</Space>}
              description={
                <>
                  <div>承办：{s.department.name}；办理期限 {s.dueOn}{s.item && <>；事项：<Link to={`/workitems/${s.item.id}`}>{s.item.year} 年第 {s.item.no} 项 {s.item.name}</Link></>}{s.indicator && <>；指标：<Link to={`/analytics/indicators/${s.indicator.id}?orgUnitId=${s.orgUnit.id}`}>{s.indicator.name}</Link></>}{s.workPoint && <>；工作要点：<Link to={`/workitems/points?orgUnitId=${s.orgUnit.id}&year=${s.workPoint.year}`}>{s.workPoint.title}</Link></>}</div>
                  {!compact && (
                    <Timeline className="workitems-events" items={s.events.map((e) => ({ key: e.id, children: <><b>{SUPERVISION_ACTION_LABELS[e.action]}</b>（{e.actor ?? '系统'}，{e.at.slice(0, 10)}{e.dueOn ? `，期限 ${e.dueOn}` : ''}）：{e.text}</> }))} />
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      {acting && <StepModal {...acting} onClose={() => setActing(null)} onDone={() => { setActing(null); onChanged(); }} />}
    </>
  );
}

function StepModal({ s, step, onClose, onDone }: { s: SupervisionDto; step: Step; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string; dueOn?: dayjs.Dayjs }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      await workitemsApi.act(s.id, { action: step, text: v.text, dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null });
      message.success(`已${SUPERVISION_ACTION_LABELS[step]}`);
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
      setSaving(false);
    }
  };
  const label = step === 'reply' ? '办理情况' : step === 'press' ? '督办要求' : '办结意见';
  return (
    <Modal open title={`${SUPERVISION_ACTION_LABELS[step]}：${s.subject}`} okText={SUPERVISION_ACTION_LABELS[step]} cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={saving}>
      <Form form={form} layout="vertical">
        <Form.Item name="text" label={label} rules={[{ required: true, message: `请填写${label}` }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        {step === 'press' && (
          <Form.Item name="dueOn" label="新的办理期限" rules={[{ required: true, message: '请选择新的办理期限' }]}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
