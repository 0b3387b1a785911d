import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ParticipantDto } from '../../../shared/api/evaluation';
import type { RectificationDto, SiteCheckDto } from '../../../shared/api/evaluationChecks';
import { SITE_CHECK_LIMITS as L } from '../../../shared/evaluation/siteChecks';
import { FormModal } from '../../components/FormModal';
import { evaluationApi } from './api';

interface CheckValues {
  participantId: number;
  visitedOn: Dayjs;
  inspectors: string[];
  findings: string;
  rectifications: { id?: number; requirement: string; dueOn: Dayjs; answered?: boolean }[];
}

const CHECK_FIELDS = ['participantId', 'visitedOn', 'inspectors', 'findings', 'rectifications.*.requirement', 'rectifications.*.dueOn'] as const;
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Records a site check, or edits one (`check`): the unit, date, people, findings and the rectification requests with deadlines. */
export function SiteCheckModal({ roundId, participants, check, onSaved, onCancel }: { roundId: number; participants: readonly ParticipantDto[]; check?: SiteCheckDto; onSaved: () => void; onCancel: () => void }) {
  const [form] = Form.useForm<CheckValues>();
  const save = async (v: CheckValues) => {
    const input = {
      participantId: v.participantId, visitedOn: day(v.visitedOn), inspectors: v.inspectors ?? [], findings: v.findings ?? '',
      rectifications: (v.rectifications ?? []).map((r) => ({ ...(r.id ? { id: r.id } : {}), requirement: r.requirement ?? '', dueOn: r.dueOn ? day(r.dueOn) : '' })),
    };
    await (check ? evaluationApi.updateCheck(check.id, input) : evaluationApi.recordCheck(roundId, input));
    onSaved();
  };
  const initial = check
    ? { participantId: check.participant.id, visitedOn: dayjs(check.visitedOn), inspectors: check.inspectors, findings: check.findings, rectifications: check.rectifications.map((r) => ({ id: r.id, requirement: r.requirement, dueOn: dayjs(r.dueOn), answered: r.answer !== null })) }
    : { visitedOn: dayjs(), inspectors: [], rectifications: [] };
  return (
    <FormModal title={check ? '修改督导检查' : '记录督导检查'} form={form} fields={CHECK_FIELDS} onSave={save} onCancel={onCancel}>
      <Form<CheckValues> form={form} layout="vertical" initialValues={initial}>
        <Space align="start" wrap>
          <Form.Item name="participantId" label="被检查单位" rules={[{ required: true, message: '请选择被检查单位' }]}>
            <Select<number> style={{ width: 280 }} aria-label="被检查单位" placeholder="成员单位或下级妇儿工委" options={participants.map((p) => ({ value: p.id, label: p.label }))} />
          </Form.Item>
          <Form.Item name="visitedOn" label="检查日期" rules={[{ required: true, message: '请选择检查日期' }]}>
            <DatePicker aria-label="检查日期" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Space>
        <Form.Item name="inspectors" label="检查人员" extra={`输入姓名后回车，最多 ${L.inspectors} 人，每人不超过 ${L.inspectorName} 字（可注明单位）。`}
          rules={[{ required: true, type: 'array', min: 1, message: '请填写检查人员' }, { type: 'array', max: L.inspectors, message: `检查人员最多 ${L.inspectors} 人` }]}>
          <Select mode="tags" open={false} suffixIcon={null} aria-label="检查人员" placeholder="如：王明（市妇儿工委办公室）" tokenSeparators={['，', ',', '、']} />
        </Form.Item>
        <Form.Item name="findings" label="检查发现" rules={[{ required: true, whitespace: true, message: '请填写检查发现' }, { max: L.findings, message: `检查发现不能超过 ${L.findings} 字` }]}>
          <Input.TextArea rows={4} maxLength={L.findings} showCount />
        </Form.Item>
        <Form.List name="rectifications">
          {(fields, { add, remove }) => (
            <Form.Item label={`整改要求（最多 ${L.rectifications} 条）`} style={{ marginBottom: 0 }}>
              {fields.map((field, i) => {
                const answered = form.getFieldValue(['rectifications', field.name, 'answered']) === true;
                return (
                  <Space key={field.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[field.name, 'requirement']} rules={[{ required: true, whitespace: true, message: '请填写整改要求' }, { max: L.requirement, message: `不能超过 ${L.requirement} 字` }]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={L.requirement} placeholder={`第 ${i + 1} 条整改要求`} aria-label={`第 ${i + 1} 条整改要求`} style={{ width: 300 }} disabled={answered} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'dueOn']} rules={[{ required: true, message: '请选择整改期限' }]}>
                      <DatePicker placeholder="整改期限" aria-label={`第 ${i + 1} 条整改期限`} disabled={answered} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={`删除第 ${i + 1} 条整改要求`} title={answered ? '单位已答复，不能删除' : '删除'} disabled={answered} onClick={() => remove(field.name)} />
                  </Space>
                );
              })}
              <Button icon={<PlusOutlined />} disabled={fields.length >= L.rectifications} onClick={() => add({ requirement: '', dueOn: dayjs().add(1, 'month') })}>添加整改要求</Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}

interface AnswerValues {
  answer: string;
  doneOn: Dayjs;
}

/** The visited unit's answer to one rectification request: what was done, and when. */
export function AnswerModal({ rectification: r, onSaved, onCancel }: { rectification: RectificationDto; onSaved: () => void; onCancel: () => void }) {
  const [form] = Form.useForm<AnswerValues>();
  return (
    <FormModal title="答复整改要求" form={form} fields={['answer', 'doneOn']} onCancel={onCancel}
      onSave={async (v) => {
        await evaluationApi.answerRectification(r.id, { answer: v.answer ?? '', doneOn: day(v.doneOn) });
        onSaved();
      }}>
      <p><strong>整改要求：</strong>{r.requirement}（期限 {r.dueOn}）</p>
      <Form<AnswerValues> form={form} layout="vertical" initialValues={{ answer: r.answer ?? '', doneOn: r.doneOn ? dayjs(r.doneOn) : dayjs() }}>
        <Form.Item name="answer" label="整改情况" rules={[{ required: true, whitespace: true, message: '请填写整改情况' }, { max: L.answer, message: `整改情况不能超过 ${L.answer} 字` }]}>
          <Input.TextArea rows={4} maxLength={L.answer} showCount placeholder="做了什么、效果如何" />
        </Form.Item>
        <Form.Item name="doneOn" label="完成日期" rules={[{ required: true, message: '请选择完成日期' }]}>
          <DatePicker aria-label="完成日期" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
