import { FileAddOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../http/client';
import { allows } from '../auth/permissions';
import { useCurrentUser } from '../auth/SessionContext';
import { reportsApi } from './api';

/** On an evaluation round: the office generates the report's draft, which then goes through 评估组审核 and 领导审定. */
export function DraftEvaluationReportButton({ roundId, orgUnitId }: { roundId: number; orgUnitId: number }) {
  const user = useCurrentUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  if (!allows(user, 'reports.edit', { orgUnitId })) return null;
  const generate = async () => {
    setBusy(true);
    try {
      const report = await reportsApi.createEvaluation(roundId);
      message.success('已生成评估报告草稿');
      navigate(`/reports/${report.id}`);
    } catch (e) {
      message.error(errorMessage(e));
      setBusy(false);
    }
  };
  return <Button type="primary" icon={<FileAddOutlined />} loading={busy} onClick={generate}>生成评估报告草稿</Button>;
}
