import { ArrowDownOutlined, ArrowUpOutlined, BookOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, InputNumber, Select, Space } from 'antd';
import { QUESTION_TYPE_LABELS, QUESTION_TYPES, type Question } from '../../../../shared/surveys/model';
import { optionsFromLines } from './starter';

interface Props {
  question: Question;
  index: number;
  /** The questions before this one: a skip rule can only look back. */
  earlier: Question[];
  onChange: (q: Question) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  /** 存入题库; absent for those who cannot edit. */
  onSaveToBank?: () => void;
  locked: boolean;
}

/** One question of the builder: type, wording, options, limits and its display condition. */
export function QuestionEditor({ question: q, index, earlier, onChange, onMove, onRemove, onSaveToBank, locked }: Props) {
  const set = (patch: Partial<Question>) => onChange({ ...q, ...patch });
  const condition = q.showIf?.[0];
  const conditionTarget = earlier.find((e) => e.code === condition?.question);
  const choiceTargets = earlier.filter((e) => e.type === 'single' || e.type === 'multiple');
  return (
    <Card
      size="small"
      className="survey-question-editor"
      data-code={q.code}
      title={<span>{index + 1}. <span className="survey-code">{q.code}</span> {QUESTION_TYPE_LABELS[q.type]}</span>}
      extra={
        <Space size={4}>
          {onSaveToBank && <Button size="small" icon={<BookOutlined />} onClick={onSaveToBank}>存入题库</Button>}
          <Button size="small" icon={<ArrowUpOutlined />} aria-label="上移" onClick={() => onMove(-1)} />
          <Button size="small" icon={<ArrowDownOutlined />} aria-label="下移" onClick={() => onMove(1)} />
          <Button size="small" danger icon={<DeleteOutlined />} aria-label="删除题目" disabled={locked} onClick={onRemove} />
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input aria-label="题目" value={q.title} maxLength={500} onChange={(e) => set({ title: e.target.value })} />
        <Space wrap>
          <Select<Question['type']> aria-label="题型" value={q.type} disabled={locked} style={{ width: 130 }} options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }))} onChange={(type) => set({ type })} />
          <Checkbox checked={q.required} onChange={(e) => set({ required: e.target.checked })}>必答</Checkbox>
          {(q.type === 'single' || q.type === 'multiple') && <Checkbox checked={q.randomize ?? false} onChange={(e) => set({ randomize: e.target.checked || undefined })}>选项随机排序</Checkbox>}
        </Space>
        {(q.type === 'single' || q.type === 'multiple') && (
          <Input.TextArea
            aria-label="选项（每行一个）"
            autoSize={{ minRows: 2, maxRows: 10 }}
            defaultValue={(q.options ?? []).map((o) => o.label).join('\n')}
            placeholder="每行一个选项；含“请注明”的选项会请答题人填写文字"
            onBlur={(e) => set({ options: optionsFromLines(e.target.value, q.options ?? []) })}
          />
        )}
        {q.type === 'multiple' && (
          <Space>
            至少选 <InputNumber size="small" min={0} value={q.minChoices} onChange={(v) => set({ minChoices: v ?? undefined })} />
            最多选 <InputNumber size="small" min={1} value={q.maxChoices} onChange={(v) => set({ maxChoices: v ?? undefined })} />
          </Space>
        )}
        {q.type === 'number' && (
          <Space wrap>
            最小值 <InputNumber size="small" value={q.min} onChange={(v) => set({ min: v ?? undefined })} />
            最大值 <InputNumber size="small" value={q.max} onChange={(v) => set({ max: v ?? undefined })} />
            <Checkbox checked={q.integer ?? false} onChange={(e) => set({ integer: e.target.checked || undefined })}>只能填整数</Checkbox>
          </Space>
        )}
        {(q.type === 'rating' || q.type === 'matrix') && (
          <Space wrap>
            分值 <InputNumber size="small" value={q.scale?.min ?? 1} onChange={(v) => set({ scale: { ...q.scale, min: v ?? 1, max: q.scale?.max ?? 5 } })} />
            至 <InputNumber size="small" value={q.scale?.max ?? 5} onChange={(v) => set({ scale: { ...q.scale, min: q.scale?.min ?? 1, max: v ?? 5 } })} />
            <Input size="small" style={{ width: 110 }} placeholder="最低分含义" value={q.scale?.minLabel} onChange={(e) => set({ scale: { min: 1, max: 5, ...q.scale, minLabel: e.target.value } })} />
            <Input size="small" style={{ width: 110 }} placeholder="最高分含义" value={q.scale?.maxLabel} onChange={(e) => set({ scale: { min: 1, max: 5, ...q.scale, maxLabel: e.target.value } })} />
          </Space>
        )}
        {q.type === 'matrix' && (
          <Input.TextArea
            aria-label="矩阵的行（每行一项）"
            autoSize={{ minRows: 2, maxRows: 8 }}
            defaultValue={(q.rows ?? []).map((o) => o.label).join('\n')}
            onBlur={(e) => set({ rows: optionsFromLines(e.target.value, q.rows ?? [], 'r').map(({ code, label }) => ({ code, label })) })}
          />
        )}
        <Space wrap className="survey-condition">
          <span>显示条件：</span>
          <Select
            aria-label="显示条件题目"
            allowClear
            placeholder="总是显示"
            style={{ width: 200 }}
            value={condition?.question}
            options={choiceTargets.map((e) => ({ value: e.code, label: `${e.code} ${e.title}` }))}
            onChange={(code?: string) => set({ showIf: code ? [{ question: code, op: 'equals', value: choiceTargets.find((e) => e.code === code)?.options?.[0]?.code }] : undefined })}
          />
          {conditionTarget && (
            <>
              <span>选择了</span>
              <Select
                aria-label="显示条件选项"
                style={{ width: 140 }}
                value={condition?.value}
                options={(conditionTarget.options ?? []).map((o) => ({ value: o.code, label: o.label }))}
                onChange={(value: string) => set({ showIf: [{ question: conditionTarget.code, op: conditionTarget.type === 'multiple' ? 'includes' : 'equals', value }] })}
              />
              <span>时显示</span>
            </>
          )}
        </Space>
      </Space>
    </Card>
  );
}
