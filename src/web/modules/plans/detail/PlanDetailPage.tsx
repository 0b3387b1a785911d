import { App, Card, Empty, Tabs } from 'antd';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import type { GoalDto, PlanDetailDto, TargetDto, TargetInputDto } from '../../../../shared/api/plans';
import type { PlanResponsibilitiesDto } from '../../../../shared/api/responsibilities';
import { errorMessage } from '../../../http/client';
import { useApiGet } from '../../../http/useApiGet';
import { useDemoData } from '../../../components/DemoData';
import { LoadError } from '../../../components/LoadError';
import { PageLoading } from '../../../components/PageLoading';
import { plansApi, plansUrls } from '../api';
import { areaLabel } from '../format';
import { AreaPanel } from './AreaPanel';
import './detail.css';
import { PlanDetailHeader } from './PlanDetailHeader';
import { PlanLifecyclePanel } from '../lifecycle/PlanLifecyclePanel';
import { SourceDrawer } from './SourceDrawer';
import { TargetEditModal } from './TargetEditModal';
import { responsibilitiesUrls } from '../responsibilities/api';
import { ResponsibilityBar } from '../responsibilities/ResponsibilityBar';
import { ResponsibilityTags } from '../responsibilities/ResponsibilityTags';
import type { AreaDto, MeasureDto, SourceHighlight } from './types';

interface TargetEditing {
  goal: GoalDto;
  target: TargetDto | null;
  /** “（一）妇女与健康 · 目标 2：…”, shown above the form. */
  context: string;
}

const goalContext = (area: AreaDto, goal: GoalDto) => `${areaLabel(area.no, area.title)} · 目标 ${goal.no}：${goal.text}`;

export default function PlanDetailPage() {
  const { message } = App.useApp();
  const params = useParams();
  const planId = Number(params.id);
  const validId = Number.isInteger(planId) && planId > 0;
  const { data: plan, error, reload } = useApiGet<PlanDetailDto>(validId ? plansUrls.detail(planId) : null);
  const { data: duties, reload: reloadDuties } = useApiGet<PlanResponsibilitiesDto>(validId ? responsibilitiesUrls.ofPlan(planId) : null);
  const [searchParams, setSearchParams] = useSearchParams();
  const [editing, setEditing] = useState<TargetEditing | null>(null);
  const [busy, setBusy] = useState(false);
  const [source, setSource] = useState<{ open: boolean; highlight: SourceHighlight | null } | null>(null);
  useDemoData(plan?.isDemo ?? false);

  if (!validId) return <Empty className="page-empty" description="规划编号无效" />;
  if (error && !plan) return <LoadError error={error} onRetry={reload} />;
  if (!plan) return <PageLoading />;

  const selectedArea = plan.areas.find((area) => String(area.no) === searchParams.get('area')) ?? plan.areas[0];

  /** Runs a change, then reloads the plan so what is shown is what the server stored. */
  const mutate = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const submitTarget = async (input: TargetInputDto) => {
    if (!editing) return;
    // Errors propagate to the modal, which shows them on the fields.
    if (editing.target) await plansApi.updateTarget(editing.target.id, input);
    else await plansApi.addTarget(editing.goal.id, input);
    message.success(editing.target ? '指标已保存' : '指标已添加');
    setEditing(null);
    reload();
  };

  const showSource = (highlight: SourceHighlight | null) => setSource({ open: true, highlight });

  return (
    <>
      <PlanDetailHeader plan={plan} onShowSource={() => showSource(null)} />
      <PlanLifecyclePanel plan={plan} onChanged={reload} />
      {duties && <ResponsibilityBar planId={plan.id} data={duties} onChanged={reloadDuties} />}
      <Card variant="borderless" className="content-card plan-areas">
        {plan.areas.length === 0 || !selectedArea ? (
          <Empty description="该规划未识别到发展领域" />
        ) : (
          <Tabs
            tabPlacement="start"
            activeKey={String(selectedArea.no)}
            onChange={(key) => setSearchParams({ area: key }, { replace: true })}
            items={plan.areas.map((area) => ({
              key: String(area.no),
              label: areaLabel(area.no, area.title),
              children: (
                <AreaPanel
                  area={area}
                  busy={busy}
                  onEditTarget={(goal, target) => setEditing({ goal, target, context: goalContext(area, goal) })}
                  onAddTarget={(goal) => setEditing({ goal, target: null, context: goalContext(area, goal) })}
                  onDeleteTarget={(target) => mutate(() => plansApi.deleteTarget(target.id), '指标已删除')}
                  onToggleQualitative={(goal, qualitative) =>
                    mutate(
                      () => plansApi.setGoalQualitative(goal.id, qualitative),
                      qualitative ? '已标记为定性目标' : '已取消定性目标标记',
                    )
                  }
                  onShowGoalSource={(goal: GoalDto) =>
                    showSource({ label: `${area.title} · 目标 ${goal.no}`, lineStart: goal.lineStart, lineEnd: goal.lineEnd })
                  }
                  renderResponsibility={
                    duties &&
                    ((kind, id, label) => (
                      <ResponsibilityTags
                        kind={kind}
                        id={id}
                        label={label}
                        current={duties.items.find((i) => i.kind === kind && i.id === id)}
                        departments={duties.departments}
                        canManage={duties.canManage}
                        onSaved={reloadDuties}
                      />
                    ))
                  }
                  onShowMeasureSource={(measure: MeasureDto) =>
                    showSource({
                      label: `${area.title} · 策略措施 ${measure.no}`,
                      lineStart: measure.lineStart,
                      lineEnd: measure.lineEnd,
                    })
                  }
                />
              ),
            }))}
          />
        )}
      </Card>
      {editing && (
        <TargetEditModal
          target={editing.target}
          goalLabel={editing.context}
          onCancel={() => setEditing(null)}
          onSubmit={submitTarget}
        />
      )}
      {source && (
        <SourceDrawer
          planId={plan.id}
          open={source.open}
          highlight={source.highlight}
          onClose={() => setSource({ ...source, open: false })}
        />
      )}
    </>
  );
}
