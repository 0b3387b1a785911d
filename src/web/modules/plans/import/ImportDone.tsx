import { Button, Card, Result } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import type { PlanImportDto } from '../../../../shared/api/plans';
import { OutcomeSummary } from './OutcomeSummary';

export function ImportDone({ result, onAgain }: { result: PlanImportDto; onAgain: () => void }) {
  const navigate = useNavigate();
  return (
    <Card variant="borderless" className="content-card">
      <Result
        status="success"
        title="导入完成"
        subTitle={`文件“${result.fileName}”已保存，共 ${result.outcomes.length} 部规划。`}
        extra={[
          <Button key="list" type="primary" onClick={() => navigate('/plans')}>
            返回规划列表
          </Button>,
          <Button key="again" onClick={onAgain}>
            继续导入
          </Button>,
        ]}
      />
      <ul className="import-done" aria-label="导入结果">
        {result.outcomes.map((outcome, index) => (
          <li key={outcome.planId ?? `${outcome.title}-${index}`} className="import-done__item">
            <div className="import-done__title">
              <strong>{outcome.title}</strong>
              {outcome.planId !== null && <Link to={`/plans/${outcome.planId}`}>查看规划</Link>}
            </div>
            <OutcomeSummary outcome={outcome} tense="did" />
          </li>
        ))}
      </ul>
    </Card>
  );
}
