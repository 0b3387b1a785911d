import { App, Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../../http/client';
import { allows } from '../auth/permissions';
import { useCurrentUser } from '../auth/SessionContext';
import { workitemsUrls, type IndicatorSupervisionDto } from './api';
import { IssueSupervisionModal } from './IssueSupervisionModal';

/**
 * 「督办」 where the office meets a lagging indicator (its analysis page, the warnings list): the
 * dialog comes prefilled with the indicator's responsible department at the unit (by id), a subject
 * and a request; it says when 督办 on the indicator there are still open. Nothing for those who may not issue one.
 */
export function IndicatorSupervisionButton({ indicator, orgUnit, subject, request, size, type }: {
  indicator: { id: number; name: string };
  orgUnit: { id: number; name: string };
  subject?: string;
  request?: string;
  size?: ButtonProps['size'];
  type?: ButtonProps['type'];
}) {
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [loading, setLoading] = useState(false);
  // Loaded at each opening: the count of open 督办 changes with each one issued.
  const [context, setContext] = useState<IndicatorSupervisionDto | null>(null);
  if (!allows(user, 'supervision.issue', { orgUnitId: orgUnit.id })) return null;
  const start = async () => {
    setLoading(true);
    try {
      setContext(await api.get<IndicatorSupervisionDto>(workitemsUrls.indicatorSupervision({ indicatorId: indicator.id, orgUnitId: orgUnit.id })));
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <Button danger size={size} type={type} loading={loading} onClick={() => void start()} aria-label={`督办：${orgUnit.name}${indicator.name}`}>
        督办
      </Button>
      {context && (
        <IssueSupervisionModal
          orgUnitId={context.orgUnit.id}
          target={{ indicatorId: context.indicator.id }}
          departments={context.departments}
          departmentId={context.departmentId}
          subject={subject ?? `${context.indicator.name}进展滞后`}
          request={request ?? `${context.orgUnit.name}“${context.indicator.name}”进展滞后。请分析原因，提出整改措施和预计达标时间，按期书面答复。`}
          notice={context.open > 0 ? `${context.orgUnit.name}“${context.indicator.name}”已有 ${context.open} 项未办结的督办，可在“督办”页查看。` : undefined}
          onClose={() => setContext(null)}
          onDone={() => setContext(null)}
        />
      )}
    </>
  );
}
