import { Steps } from 'antd';
import type { SubmissionState } from '../../../../shared/monitoring/workflow';

const STEP_OF: Record<SubmissionState, number> = { draft: 0, returned: 0, submitted: 1, reviewed: 2, approved: 3 };

/** Where the submission stands: 填报 → 提交审核 → 部门审核 → 审核通过. */
export function WorkflowSteps({ state }: { state: SubmissionState }) {
  const current = STEP_OF[state];
  return (
    <Steps
      className="workflow-steps"
      size="small"
      current={current}
      status={state === 'returned' ? 'error' : state === 'approved' ? 'finish' : 'process'}
      items={[
        { title: state === 'returned' ? '已退回修改' : '成员单位填报', content: state === 'returned' ? '按意见修改后重新提交' : '填写并保存数据' },
        { title: '提交审核', content: '数据锁定，等待审核' },
        { title: '部门审核', content: '成员单位审核员上报（未设审核员时略过）' },
        { title: '统计监测组审核', content: '审核通过后锁定' },
      ]}
    />
  );
}
