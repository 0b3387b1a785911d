import { useEffect, useRef, useState } from 'react';
import type { PublicSurveyDto } from '../../../../shared/api/surveys';
import { validateAnswers } from '../../../../shared/surveys/answering';
import type { Answers } from '../../../../shared/surveys/model';
import { SurveyForm } from './SurveyForm';
import { browserToken, loadDraft, randomKey, saveDraft, submitWithRetry, type Draft } from './submit';

type Phase = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; survey: PublicSurveyDto } | { kind: 'done' };

const formatTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { dateStyle: 'long', timeStyle: 'short', hour12: false }) : '');

export function AnswerApp({ publicId, initialCode }: { publicId: string; initialCode: string }) {
  const [draft, setDraft] = useState<Draft>(() => loadDraft(publicId) ?? { values: {}, other: {}, code: initialCode });
  // A browser that already answered sees its thanks again instead of the form.
  const [phase, setPhase] = useState<Phase>(() => (draft.submittedAt ? { kind: 'done' } : { kind: 'loading' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const honeypot = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (phase.kind === 'done') return;
    fetch(`/api/public/surveys/${encodeURIComponent(publicId)}`, { credentials: 'omit' })
      .then(async (r) => (r.ok ? setPhase({ kind: 'ready', survey: (await r.json()) as PublicSurveyDto }) : setPhase({ kind: 'failed', message: r.status === 404 ? '没有找到这份问卷，请核对链接或重新扫码' : '问卷暂时打不开，请稍后再试' })))
      .catch(() => setPhase({ kind: 'failed', message: '网络连接不上，请检查网络后刷新页面' }));
    // Loaded once per page view; the draft is read from storage only at the start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [publicId]);

  const update = (next: Draft) => {
    setDraft(next);
    saveDraft(publicId, next);
  };

  if (phase.kind === 'loading') return <Shell><p className="sv-status">正在打开问卷…</p></Shell>;
  if (phase.kind === 'failed') return <Shell><p className="sv-status">{phase.message}</p></Shell>;
  if (phase.kind === 'done') {
    return (
      <Shell>
        <div className="sv-done">
          <h1>提交成功，感谢您的参与！</h1>
          <p>您的答卷已经收到。本问卷匿名填写，不记录您的姓名和网络地址。</p>
        </div>
      </Shell>
    );
  }
  const { survey } = phase;
  const child = survey.audience === 'child';
  if (survey.state !== 'open') {
    const why =
      survey.state === 'closed' ? '这份问卷已经结束收集，感谢您的关注。'
      : survey.state === 'not_open' ? `这份问卷将于 ${formatTime(survey.opensAt)} 开始，请到时再来。`
      : '这份问卷还没有发布。';
    return (
      <Shell child={child}>
        <h1 className="sv-heading">{survey.title}</h1>
        <p className="sv-status">{why}</p>
      </Shell>
    );
  }

  const answers: Answers = { values: draft.values, other: draft.other };
  const submit = async () => {
    setNotice(null);
    const regionIds = (code: string) => (survey.regions[code] ?? []).map((r) => r.id);
    const { problems } = validateAnswers(survey.definition, answers, (q) => regionIds(q.code));
    if (survey.needsCode && !draft.code.trim()) problems.unshift({ question: '__code', message: '请填写访问码' });
    if (problems.length) return showProblems(problems);
    // The key is kept with the draft before the first try: a reload resends the same response.
    const key = draft.idempotencyKey ?? randomKey();
    if (!draft.idempotencyKey) update({ ...draft, idempotencyKey: key, ticket: draft.ticket ?? survey.ticket });
    setSending(true);
    const outcome = await submitWithRetry(`/api/public/surveys/${encodeURIComponent(publicId)}/responses`, {
      answers, browserToken: browserToken(), idempotencyKey: key, ticket: draft.ticket ?? survey.ticket, code: draft.code.trim() || undefined, website: honeypot.current?.value || undefined,
    });
    setSending(false);
    if (outcome.ok || outcome.code === 'SURVEY_DUPLICATE') {
      update({ ...draft, idempotencyKey: key, submittedAt: new Date().toISOString() });
      if (outcome.ok) return setPhase({ kind: 'done' });
    }
    if (!outcome.ok) {
      if (outcome.code === 'SURVEY_ANSWERS_INVALID') return showProblems(outcome.details.map((d) => ({ question: d.path ?? '', message: d.message })));
      setNotice(outcome.message);
    }
  };

  function showProblems(problems: { question: string; message: string }[]) {
    setErrors(Object.fromEntries(problems.map((p) => [p.question, p.message])));
    setNotice(`还有 ${problems.length} 道题需要填写或修改，已用红色标出`);
    document.getElementById(problems[0]!.question === '__code' ? 'sv-code' : `q-${problems[0]!.question}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }

  return (
    <Shell child={child}>
      <h1 className="sv-heading">{survey.title}</h1>
      {survey.description && <p className="sv-intro">{survey.description}</p>}
      <p className="sv-privacy">匿名填写，不记录姓名和网络地址。答案会自动保存在本机，中途离开再回来可以接着填。</p>
      {survey.needsCode && (
        <label className={`sv-code${errors.__code ? ' has-error' : ''}`} id="sv-code">
          <span>访问码</span>
          <input value={draft.code} autoCapitalize="characters" autoComplete="off" onChange={(e) => update({ ...draft, code: e.target.value })} placeholder="请输入发给您的访问码" />
        </label>
      )}
      <SurveyForm
        definition={survey.definition}
        regions={survey.regions}
        answers={answers}
        errors={errors}
        seed={browserToken()}
        onChange={(a) => {
          update({ ...draft, values: a.values, other: a.other ?? {}, ticket: draft.ticket ?? survey.ticket });
          if (Object.keys(errors).length) {
            setErrors({});
            setNotice(null);
          }
        }}
      />
      {/* A field people never see; form-filling bots do. */}
      <input ref={honeypot} className="sv-hp" name="website" tabIndex={-1} autoComplete="off" aria-hidden="true" />
      {notice && <p className="sv-notice" role="alert">{notice}</p>}
      <button type="button" className="sv-submit" disabled={sending} onClick={() => void submit()}>
        {sending ? '正在提交…' : '提交'}
      </button>
    </Shell>
  );
}

function Shell({ child = false, children }: { child?: boolean; children: React.ReactNode }) {
  return (
    <main className={`sv-page${child ? ' sv-child' : ''}`}>
      {children}
      <footer className="sv-footer">半边天 · 妇女儿童工作委员会问卷调查</footer>
    </main>
  );
}
