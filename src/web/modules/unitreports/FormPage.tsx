import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Input, Modal, Popconfirm, Space, Timeline, Upload } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ENTRY_KEYS, ENTRY_LABELS, SECTION_KEYS, SECTION_LABELS, UNIT_REPORT_LIMITS, type EntryDto, type FormContentDto, type FormItemDto } from '../../../shared/api/unitreports';
import { formatNumber } from '../../../shared/format';
import { FORM_ACTION_LABELS, figuresNote } from '../../../shared/unitreports/workflow';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { ApiRequestError, errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { StatusTag } from '../analytics/StatusTag';
import { unitReportsApi, unitReportsUrls, type FormDto } from './api';
import { FormStateTag, OverdueText } from './FormStateTag';
import './unitreports.css';

/** How long the form waits after the last keystroke before it saves the draft by itself. */
const AUTOSAVE_MS = 3000;
const EMPTY_ENTRY: EntryDto = { done: '', figures: '', problems: '', nextYear: '' };
const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** One unit's annual report: its items with their figures, the four answers per item, the free sections, files; the office's decision. */
export default function FormPage() {
  const id = Number(useParams().id);
  const { data, error, loading, reload } = useApiGet<FormDto>(unitReportsUrls.form(id));
  useDemoData(data?.isDemo ?? false);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  // A fresh editor per version read from the server: reloading after a conflict starts from what is stored.
  return <FormEditor key={`${data!.id}:${data!.version}:${data!.participant.state}`} initial={data!} onReload={reload} />;
}

function FormEditor({ initial, onReload }: { initial: FormDto; onReload: () => void }) {
  const { message, modal } = App.useApp();
  const [form, setForm] = useState(initial);
  const [content, setContent] = useState<FormContentDto>(initial.content);
  const [status, setStatus] = useState<string>(initial.updatedAt ? `${initial.updatedBy ?? ''} 于 ${time(initial.updatedAt)} 保存` : '');
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);
  // What the next save sends and on which version, read by the timer without re-rendering.
  const state = useRef({ content: initial.content, version: initial.version, dirty: false, saving: null as Promise<FormDto | null> | null, timer: 0 as unknown as ReturnType<typeof setTimeout> });

  const save = useCallback(async (attachmentIds: number[] = [], removeAttachmentIds: number[] = []): Promise<FormDto | null> => {
    const s = state.current;
    if (s.saving) await s.saving;
    if (!s.dirty && attachmentIds.length === 0 && removeAttachmentIds.length === 0) return null;
    const sent = s.content;
    s.dirty = false;
    setStatus('正在保存…');
    s.saving = unitReportsApi.save(initial.id, { version: s.version, content: sent, attachmentIds, removeAttachmentIds }).then(
      (saved) => {
        s.version = saved.version;
        setForm(saved);
        setStatus(`已保存 ${time(saved.updatedAt ?? new Date().toISOString())}`);
        return saved;
      },
      (e: unknown) => {
        s.dirty = true;
        setStatus('未保存');
        if (e instanceof ApiRequestError && e.code === 'UNIT_REPORT_CHANGED') {
          modal.confirm({ title: '报告已被他人修改', content: e.message, okText: '重新加载（放弃我的修改）', cancelText: '留在本页', onOk: onReload });
        } else message.error(errorMessage(e));
        throw e;
      },
    );
    try {
      return await s.saving;
    } finally {
      s.saving = null;
    }
  }, [initial.id, message, modal, onReload]);

  const change = (next: FormContentDto) => {
    const s = state.current;
    s.content = next;
    s.dirty = true;
    setContent(next);
    setStatus('有未保存的修改');
    clearTimeout(s.timer);
    s.timer = setTimeout(() => void save().catch(() => undefined), AUTOSAVE_MS);
  };
  useEffect(() => () => clearTimeout(state.current.timer), []);
  // Leaving with unsaved edits asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (state.current.dirty) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const setEntry = (key: string, field: keyof EntryDto, value: string) =>
    change({ ...content, items: { ...content.items, [key]: { ...EMPTY_ENTRY, ...content.items[key], [field]: value } } });

  const act = async (run: () => Promise<FormDto>, done: string) => {
    setBusy(true);
    try {
      clearTimeout(state.current.timer);
      await save();
      await run();
      message.success(done);
      onReload();
    } catch (e) {
      if (!(e instanceof ApiRequestError && e.code === 'UNIT_REPORT_CHANGED')) message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const p = form.participant;
  const editable = form.canEdit;
  const items = form.groups.flatMap((g) => g.items);
  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/unitreports">年度报告</Link>}
        title={`${p.name} ${form.round.year} 年度规划实施情况报告`}
        description={`报送${form.round.orgUnit.name}妇儿工委。${p.kind === 'area' ? '报告本地区规划实施情况和下一年工作安排。' : '按本单位负责的规划指标逐项报告落实情况和下一年工作安排。'}`}
        extra={
          form.canDecide && (
            <Space>
              <Button danger disabled={busy} onClick={() => setReturning(true)}>退回</Button>
              <Button type="primary" loading={busy} onClick={() => void act(() => unitReportsApi.accept(form.id), '报告已接收')}>接收</Button>
            </Space>
          )
        }
      />
      {p.state === 'returned' && p.returnedReason && <Alert type="error" showIcon style={{ marginBottom: 16 }} title="报告被退回" description={`退回原因：${p.returnedReason}。请修改后重新提交。`} />}
      <Descriptions size="small" bordered column={3} style={{ marginBottom: 16 }}
        items={[
          { key: 'state', label: '状态', children: <><FormStateTag state={p.state} /><OverdueText days={p.overdueDays} /></> },
          { key: 'due', label: '截止日期', children: form.round.dueOn },
          { key: 'items', label: '报告事项', children: `${items.length} 项` },
          ...(form.round.note ? [{ key: 'note', label: '办公室说明', span: 3, children: form.round.note }] : []),
        ]}
      />
      {form.figuresAsOf && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={figuresNote(form.figuresAsOf)} description="报告受理后，各项指标的数值和进展保持受理时的样子，不随此后的数据更正而变化。" />}
      {form.groups.map((g) => (
        <Card key={`${g.planTitle}#${g.title}`} size="small" style={{ marginBottom: 12 }} title={g.title} extra={g.planTitle !== g.title && <span className="unitreports-muted">{g.planTitle}</span>}>
          {g.items.map((item) => (
            <ItemEntry key={item.key} item={item} entry={content.items[item.key] ?? EMPTY_ENTRY} editable={editable} onChange={(field, v) => setEntry(item.key, field, v)} />
          ))}
        </Card>
      ))}
      {form.groups.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} title="本单位目前没有负责的规划指标，请在下列各部分报告工作情况。" />}
      <Card size="small" title="综合情况" style={{ marginBottom: 12 }}>
        {SECTION_KEYS.map((k) => (
          <div key={k} style={{ marginBottom: 12 }}>
            <label htmlFor={`section-${k}`} className="unitreports-item__name">{SECTION_LABELS[k]}{k === 'overview' && editable && <span className="unitreports-muted">（提交前必填）</span>}</label>
            {editable ? (
              <Input.TextArea id={`section-${k}`} aria-label={SECTION_LABELS[k]} autoSize={{ minRows: 3, maxRows: 12 }} maxLength={UNIT_REPORT_LIMITS.textChars}
                value={content.sections[k]} onChange={(e) => change({ ...content, sections: { ...content.sections, [k]: e.target.value } })} />
            ) : (
              <div className="unitreports-text">{content.sections[k].trim() || <span className="unitreports-muted">未填写</span>}</div>
            )}
          </div>
        ))}
      </Card>
      <Card size="small" title="附件" style={{ marginBottom: 12 }}>
        {form.attachments.map((a) => (
          <div key={a.id} className="unitreports-attachment">
            <a href={a.url} target="_blank" rel="noreferrer">{a.name}</a>
            {editable && (
              <Popconfirm title={`从报告中删除“${a.name}”？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }}
                onConfirm={() => save([], [a.id]).then(() => message.success(`已删除 ${a.name}`), () => undefined)}>
                <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`删除附件 ${a.name}`} />
              </Popconfirm>
            )}
          </div>
        ))}
        {form.attachments.length === 0 && !editable && <span className="unitreports-muted">无</span>}
        {editable && (
          <Upload
            showUploadList={false} multiple
            customRequest={async ({ file, onSuccess, onError }) => {
              try {
                const uploaded = await unitReportsApi.upload(file as File);
                await save([uploaded.id]);
                message.success(`已上传 ${uploaded.name}`);
                onSuccess?.(uploaded);
              } catch (e) {
                if (!(e instanceof ApiRequestError && e.code === 'UNIT_REPORT_CHANGED')) message.error(errorMessage(e));
                onError?.(e as Error);
              }
            }}
          >
            <Button icon={<UploadOutlined />} style={{ marginTop: 8 }}>上传附件（图片、PDF、Word、Excel，单个最大 20 MB）</Button>
          </Upload>
        )}
      </Card>
      {form.events.length > 0 && (
        <Card size="small" title="办理过程" style={{ marginBottom: 12 }}>
          <Timeline items={form.events.map((e, i) => ({ key: i, color: e.action === 'return' ? 'red' : e.action === 'accept' ? 'green' : 'blue', content: `${time(e.at)} ${e.by ?? ''} ${FORM_ACTION_LABELS[e.action]}${e.text ? `：${e.text}` : ''}` }))} />
        </Card>
      )}
      {editable && (
        <div className="unitreports-savebar">
          <span className="unitreports-savebar__status" role="status">{status}</span>
          <Button disabled={busy} onClick={() => void save().catch(() => undefined)}>保存草稿</Button>
          <Button type="primary" loading={busy} onClick={() => void act(() => unitReportsApi.submit(form.id, state.current.version), '报告已提交')}>提交报告</Button>
        </div>
      )}
      {returning && <ReturnModal formId={form.id} onClose={() => setReturning(false)} onDone={() => { setReturning(false); onReload(); }} />}
    </>
  );
}

function ItemEntry({ item, entry, editable, onChange }: { item: FormItemDto; entry: EntryDto; editable: boolean; onChange: (field: keyof EntryDto, value: string) => void }) {
  const figure = item.latest ? `${item.latest.year} 年 ${formatNumber(item.latest.value, item.decimals)}${item.unit ?? ''}` : '暂无数据';
  return (
    <div className="unitreports-item" data-item={item.key}>
      <div className="unitreports-item__head">
        <span className="unitreports-item__name">{item.name}</span>
        {item.kind === 'indicator' && <span className="unitreports-item__figure">最新值：{figure}</span>}
        <StatusTag status={item.status} />
        {item.note && <span className="unitreports-item__figure">{item.note}</span>}
      </div>
      {!editable && ENTRY_KEYS.every((k) => !entry[k].trim()) ? (
        <div className="unitreports-muted">未填写</div>
      ) : (
        <div className="unitreports-entries">
          {ENTRY_KEYS.map((k) => (
            <div key={k}>
              <label>{ENTRY_LABELS[k]}</label>
              {editable ? (
                <Input.TextArea aria-label={`${item.name}：${ENTRY_LABELS[k]}`} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={UNIT_REPORT_LIMITS.textChars} value={entry[k]} onChange={(e) => onChange(k, e.target.value)} />
              ) : (
                <div className="unitreports-text">{entry[k].trim() || <span className="unitreports-muted">未填写</span>}</div>
              )}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function ReturnModal({ formId, onClose, onDone }: { formId: number; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!reason.trim()) {
      message.error('请填写退回原因');
      return;
    }
    setSaving(true);
    try {
      await unitReportsApi.return(formId, reason.trim());
      message.success('报告已退回');
      onDone();
    } catch (e) {
      message.error(errorMessage(e));
      setSaving(false);
    }
  };
  return (
    <Modal open title="退回报告" okText="退回" okButtonProps={{ danger: true }} cancelText="取消" onOk={() => void submit()} onCancel={onClose} confirmLoading={saving}>
      <Input.TextArea aria-label="退回原因" rows={4} maxLength={UNIT_REPORT_LIMITS.reasonChars} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="请说明需要补充或修改的内容，报送单位将看到这段说明" />
    </Modal>
  );
}
