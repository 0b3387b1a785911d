import { PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Form, Input, Modal, Popconfirm, Space, Table, Tag, Timeline } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { EVALUATOR_MAX_DAYS, type EvaluatorAuditDto, type EvaluatorDto } from '../../../shared/api/evaluationEvaluators';
import { FormModal } from '../../components/FormModal';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { PasswordOnceModal, type ShownPassword } from '../users/PasswordOnceModal';
import { evaluationApi, evaluationUrls } from './api';

const STATE: Record<EvaluatorDto['state'], [string, string]> = { active: ['有效', 'success'], expired: ['已到期', 'warning'], revoked: ['已撤销', 'default'] };
const inRange = (d: Dayjs) => d.isBefore(dayjs(), 'day') || d.isAfter(dayjs().add(EVALUATOR_MAX_DAYS, 'day'), 'day');

interface NewValues { username: string; displayName: string; organisation: string; expiresOn: Dayjs }

/** The office's third-party and expert evaluator accounts of a round: add (password shown once), extend, revoke, and what each did. */
export function EvaluatorsTab({ roundId }: { roundId: number }) {
  const { data, error, loading, reload } = useApiGet<EvaluatorDto[]>(evaluationUrls.evaluators(roundId));
  const [adding, setAdding] = useState(false);
  const [extending, setExtending] = useState<EvaluatorDto | null>(null);
  const [shown, setShown] = useState<ShownPassword | null>(null);
  const [audit, setAudit] = useState<{ who: EvaluatorDto; rows: EvaluatorAuditDto } | null>(null);
  const [form] = Form.useForm<NewValues>();
  const [extendForm] = Form.useForm<{ expiresOn: Dayjs }>();
  const { message } = App.useApp();
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  const act = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      message.success(done);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <span className="text-muted">第三方评估账号只能查看本次评估的自评表、佐证材料、督导检查和结果，并对各目标打分；到期后自动失效，全部操作留有记录。</span>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>添加第三方评估账号</Button>
      </Space>
      <Table<EvaluatorDto> rowKey="id" dataSource={data} pagination={false} size="middle" locale={{ emptyText: '尚未添加第三方评估账号' }}
        columns={[
          { title: '机构', dataIndex: 'organisation' },
          { title: '姓名', dataIndex: 'displayName', width: 120 },
          { title: '用户名', dataIndex: 'username', width: 140 },
          { title: '到期日期', dataIndex: 'expiresOn', width: 120 },
          { title: '状态', key: 'state', width: 90, render: (_, e) => <Tag color={STATE[e.state][1]}>{STATE[e.state][0]}</Tag> },
          { title: '已评目标', dataIndex: 'scored', width: 90, align: 'right' },
          {
            title: '', key: 'act', width: 230, render: (_, e) => (
              <Space>
                <Button size="small" onClick={() => void evaluationApi.evaluatorAudit(e.id).then((rows) => setAudit({ who: e, rows }), (err: unknown) => message.error(errorMessage(err)))}>操作记录</Button>
                {e.state !== 'revoked' && <Button size="small" onClick={() => setExtending(e)}>延期</Button>}
                {e.state !== 'revoked' && (
                  <Popconfirm title={`撤销“${e.organisation} ${e.displayName}”的账号？撤销后立即失效。`} okText="撤销" cancelText="取消" onConfirm={() => void act(() => evaluationApi.revokeEvaluator(e.id), '账号已撤销')}>
                    <Button size="small" danger>撤销</Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {adding && (
        <FormModal title="添加第三方评估账号" okText="添加" form={form} fields={['username', 'displayName', 'organisation', 'expiresOn']} onCancel={() => setAdding(false)}
          onSave={async (v) => {
            const made = await evaluationApi.addEvaluator(roundId, { username: v.username, displayName: v.displayName, organisation: v.organisation, expiresOn: v.expiresOn.format('YYYY-MM-DD') });
            setAdding(false);
            setShown({ title: `已添加第三方评估账号“${made.evaluator.displayName}”`, username: made.evaluator.username, password: made.password });
            reload();
          }}>
          <Form<NewValues> form={form} layout="vertical" initialValues={{ expiresOn: dayjs().add(2, 'month') }}>
            <Form.Item name="organisation" label="所在机构" rules={[{ required: true, whitespace: true, message: '请填写所在机构' }, { max: 100, message: '不能超过 100 个字符' }]}>
              <Input placeholder="如：大连市统计学会" maxLength={100} />
            </Form.Item>
            <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 50, message: '不能超过 50 个字符' }]}>
              <Input maxLength={50} />
            </Form.Item>
            <Form.Item name="username" label="用户名" extra="字母、数字、下划线、点和连字符，2—32 个字符。" rules={[{ required: true, message: '请填写用户名' }, { pattern: /^[A-Za-z0-9_.-]{2,32}$/, message: '用户名只能包含字母、数字、下划线、点和连字符，2—32 个字符' }]}>
              <Input maxLength={32} />
            </Form.Item>
            <Form.Item name="expiresOn" label="到期日期" extra="到期当天仍可使用，最长一年，到期前可延期。" rules={[{ required: true, message: '请选择到期日期' }]}>
              <DatePicker aria-label="到期日期" disabledDate={inRange} />
            </Form.Item>
          </Form>
        </FormModal>
      )}
      {extending && (
        <FormModal title={`延期：${extending.organisation} ${extending.displayName}`} form={extendForm} fields={['expiresOn']} onCancel={() => setExtending(null)}
          onSave={async (v) => {
            await evaluationApi.extendEvaluator(extending.id, { expiresOn: v.expiresOn.format('YYYY-MM-DD') });
            setExtending(null);
            message.success('已延期');
            reload();
          }}>
          <Form form={extendForm} layout="vertical" initialValues={{ expiresOn: dayjs(extending.expiresOn).isBefore(dayjs()) ? dayjs().add(1, 'month') : dayjs(extending.expiresOn).add(1, 'month') }}>
            <Form.Item name="expiresOn" label="新的到期日期" rules={[{ required: true, message: '请选择到期日期' }]}>
              <DatePicker aria-label="新的到期日期" disabledDate={inRange} />
            </Form.Item>
          </Form>
        </FormModal>
      )}
      {shown && <PasswordOnceModal shown={shown} onClose={() => setShown(null)} />}
      {audit && (
        <Modal open title={`操作记录：${audit.who.organisation} ${audit.who.displayName}`} footer={null} onCancel={() => setAudit(null)} width={640}>
          {audit.rows.length === 0 ? <p className="text-muted">尚无操作</p> : (
            <Timeline items={audit.rows.map((a) => ({ content: <span>{dayjs(a.at).format('YYYY-MM-DD HH:mm')} · <strong>{a.action}</strong>{a.detail && a.detail !== a.action ? `：${a.detail}` : ''}</span> }))} />
          )}
        </Modal>
      )}
    </>
  );
}
