import { BookOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Dropdown, Input, Space } from 'antd';
import { useState } from 'react';
import { QUESTION_TYPE_LABELS, QUESTION_TYPES, type Question, type SurveyDefinition } from '../../../../shared/surveys/model';
import type { OrgUnitDto } from '../../../../shared/api/orgs';
import { errorMessage } from '../../../http/client';
import { useApiGet } from '../../../http/useApiGet';
import { SurveyForm } from '../answer/SurveyForm';
import '../answer/answer.css';
import { inputOf, surveysApi, type BankQuestionDto, type SurveyDto } from '../api';
import { BankModal } from './BankModal';
import { QuestionEditor } from './QuestionEditor';
import { blankQuestion, nextCode } from './starter';

/** The builder: questions on the left, the respondent's phone screen beside them. */
export function BuilderTab({ survey, canEdit, onSaved }: { survey: SurveyDto; canEdit: boolean; onSaved: (s: SurveyDto) => void }) {
  const [def, setDef] = useState<SurveyDefinition>(survey.definition);
  const [title, setTitle] = useState(survey.title);
  const [description, setDescription] = useState(survey.description ?? '');
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [previewAnswers, setPreviewAnswers] = useState({ values: {} });
  const [bankOpen, setBankOpen] = useState(false);
  const { message } = App.useApp();
  const answeredCodes = new Set(survey.responses > 0 ? survey.definition.sections.flatMap((s) => s.questions.map((q) => q.code)) : []);

  const change = (next: SurveyDefinition) => {
    setDef(next);
    setDirty(true);
  };
  const all = def.sections.flatMap((s, si) => s.questions.map((q, qi) => ({ q, si, qi })));
  const update = (si: number, qi: number, q: Question | null) =>
    change({ sections: def.sections.map((s, i) => (i !== si ? s : { ...s, questions: q ? s.questions.map((x, j) => (j === qi ? q : x)) : s.questions.filter((_, j) => j !== qi) })) });
  const move = (index: number, delta: -1 | 1) => {
    const flat = all.map((a) => a.q);
    const target = index + delta;
    if (target < 0 || target >= flat.length) return;
    [flat[index], flat[target]] = [flat[target]!, flat[index]!];
    // Moves keep section sizes: a question crossing a boundary changes section.
    let k = 0;
    change({ sections: def.sections.map((s) => ({ ...s, questions: s.questions.map(() => flat[k++]!) })) });
  };
  const append = (q: Question) => {
    const last = def.sections.length - 1;
    change({ sections: def.sections.map((s, i) => (i === last ? { ...s, questions: [...s.questions, q] } : s)) });
  };
  const add = (type: Question['type']) => append(blankQuestion(def, type, survey.orgUnit.id));
  const insertFromBank = (q: BankQuestionDto['question']) => {
    append({ ...q, code: nextCode(def) });
    message.success(`已插入“${q.title}”，保存问卷后生效`);
  };
  const saveToBank = async (q: Question) => {
    try {
      await surveysApi.saveToBank(survey.orgUnit.id, q);
      message.success(`已存入${survey.orgUnit.name}题库`);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const save = async () => {
    setSaving(true);
    try {
      const saved = await surveysApi.update(survey.id, { ...inputOf(survey), title, description: description || null, definition: def });
      setDirty(false);
      message.success('问卷已保存');
      onSaved(saved);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const units = useApiGet<OrgUnitDto[]>('/api/org-units').data ?? [];
  const regions = Object.fromEntries(all.filter(({ q }) => q.type === 'region').map(({ q }) => [q.code, units.filter((u) => u.parentId === q.regionRootId).map((u) => ({ id: u.id, name: u.name }))]));

  return (
    <div className="survey-builder">
      <div className="survey-builder__editor">
        {survey.responses > 0 && <Alert type="info" showIcon title={`已有 ${survey.responses} 份答卷：可以改写文字、新增题目和选项，不能删除题目或选项。`} style={{ marginBottom: 12 }} />}
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input aria-label="问卷标题" value={title} disabled={!canEdit} onChange={(e) => { setTitle(e.target.value); setDirty(true); }} />
          <Input.TextArea aria-label="问卷说明" placeholder="问卷说明（显示在答题页顶部）" value={description} disabled={!canEdit} autoSize={{ minRows: 2 }} onChange={(e) => { setDescription(e.target.value); setDirty(true); }} />
          <Checkbox
            disabled={!canEdit}
            checked={def.sections.every((s) => s.randomize)}
            onChange={(e) => change({ sections: def.sections.map((s) => ({ ...s, randomize: e.target.checked || undefined })) })}
          >
            题目随机排序（每位答题人顺序不同；有显示条件的题目和它所依据的题目保持原位）
          </Checkbox>
          {all.map(({ q, si, qi }, index) => (
            <QuestionEditor
              key={q.code}
              question={q}
              index={index}
              earlier={all.slice(0, index).map((a) => a.q)}
              locked={!canEdit || answeredCodes.has(q.code)}
              onChange={(next) => update(si, qi, next)}
              onMove={(delta) => move(index, delta)}
              onRemove={() => update(si, qi, null)}
              onSaveToBank={canEdit ? () => void saveToBank(q) : undefined}
            />
          ))}
          {canEdit && (
            <Space>
              <Dropdown menu={{ items: QUESTION_TYPES.map((t) => ({ key: t, label: QUESTION_TYPE_LABELS[t] })), onClick: ({ key }) => add(key as Question['type']) }}>
                <Button icon={<PlusOutlined />}>添加题目</Button>
              </Dropdown>
              <Button icon={<BookOutlined />} onClick={() => setBankOpen(true)}>从题库添加</Button>
              <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={!dirty} onClick={() => void save()}>
                保存问卷
              </Button>
            </Space>
          )}
        </Space>
      </div>
      {canEdit && <BankModal orgUnitId={survey.orgUnit.id} open={bankOpen} onClose={() => setBankOpen(false)} onInsert={insertFromBank} />}
      <aside className="survey-builder__preview" aria-label="手机预览">
        <div className="survey-phone">
          <div className={`sv-page${survey.audience === 'child' ? ' sv-child' : ''}`}>
            <h1 className="sv-heading">{title}</h1>
            {description && <p className="sv-intro">{description}</p>}
            <SurveyForm definition={def} regions={regions} answers={previewAnswers} errors={{}} seed="preview" onChange={setPreviewAnswers} />
          </div>
        </div>
        <p className="survey-phone-note">手机预览：可以点选试答，检验显示条件；不会提交。</p>
      </aside>
    </div>
  );
}
