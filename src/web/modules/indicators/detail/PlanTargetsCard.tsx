import { Alert, App, Button, Card, Empty, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { LINK_FLAG_LABELS, type IndicatorPlanTargetDto, type LinkFlagDto } from '../../../../shared/api/plans';
import { errorMessage } from '../../../http/client';
import { useApiGet } from '../../../http/useApiGet';
import { plansApi } from '../../plans/api';
import { formatTarget } from '../../plans/format';
import { indicatorUrls } from '../api';

const COLUMNS: TableColumnsType<IndicatorPlanTargetDto> = [
  { title: '单位', key: 'unit', width: 72, render: (_, t) => t.orgUnit.name },
  {
    title: '规划目标',
    key: 'target',
    render: (_, t) => (
      <>
        <Link to={`/plans/${t.planId}`}>{t.planTitle}</Link>
        <div className="muted">{t.item}</div>
      </>
    ),
  },
  {
    title: '目标值',
    key: 'value',
    width: 120,
    render: (_, t) => (
      <>
        {formatTarget(t)}
        {t.edited && <Tag className="edited-tag">人工修改</Tag>}
      </>
    ),
  },
];

/** The targets every plan sets for the indicator, by unit, and the revisions' open flags on it. */
export function PlanTargetsCard({ indicatorId, editable }: { indicatorId: number; editable: boolean }) {
  const { message } = App.useApp();
  const targets = useApiGet<IndicatorPlanTargetDto[]>(indicatorUrls.planTargets(indicatorId));
  const flags = useApiGet<LinkFlagDto[]>(indicatorUrls.linkFlags(indicatorId));

  const resolve = async (flag: LinkFlagDto, action: 'keep' | 'accept') => {
    try {
      await plansApi.resolveFlag(flag.id, action);
      message.success(action === 'accept' ? '已采用修订后的规划值' : '已确认');
      flags.reload();
      targets.reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <Card variant="borderless" className="content-card" title="各级规划目标">
      {(flags.data ?? []).map((f) => (
        <Alert
          key={f.id}
          className="dialog-alert"
          type="warning"
          showIcon
          title={`${LINK_FLAG_LABELS[f.kind]}：${f.planTitle} ${f.item}`}
          description={f.message}
          action={
            editable && (
              <span className="flag-actions">
                {f.kind === 'conflict' && (
                  <Popconfirm title="采用修订后的规划值？" onConfirm={() => resolve(f, 'accept')}>
                    <Button size="small" type="primary">
                      采用规划值
                    </Button>
                  </Popconfirm>
                )}
                <Button size="small" onClick={() => resolve(f, 'keep')}>
                  {f.kind === 'conflict' ? '保留现值' : '知道了'}
                </Button>
              </span>
            )
          }
        />
      ))}
      {(targets.data ?? []).length === 0 && !targets.loading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无规划目标关联到本指标" />
      ) : (
        <Table<IndicatorPlanTargetDto>
          rowKey="targetId"
          size="small"
          columns={COLUMNS}
          dataSource={targets.data ?? []}
          loading={targets.loading}
          pagination={false}
          aria-label="各级规划目标"
        />
      )}
    </Card>
  );
}
