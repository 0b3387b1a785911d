import { Collapse, Tag } from 'antd';
import type { ImportChanges, ImportOutcome } from '../../../../shared/api/plans';
import { ChangeDetails, LinkReport } from './ChangeDetails';

const CHANGE_LABELS: { key: 'added' | 'changed' | 'removed'; label: string }[] = [
  { key: 'added', label: '新增' },
  { key: 'changed', label: '修改' },
  { key: 'removed', label: '删除' },
];

export function changeCounts(changes: ImportChanges): string {
  return CHANGE_LABELS.map(({ key, label }) => `${label} ${changes[key].length}`).join('、');
}

interface OutcomeSummaryProps {
  outcome: ImportOutcome;
  /** Preview says what saving will do; after saving it says what was done. */
  tense: 'will' | 'did';
}

/** 新建 / 更新：新增 x、修改 y、删除 z / 无变化, with the changed items (before → after) on demand and the links made. */
export function OutcomeSummary({ outcome, tense }: OutcomeSummaryProps) {
  const verb = tense === 'will' ? '将' : '已';
  const { changes } = outcome;
  const hasDetails = CHANGE_LABELS.some(({ key }) => changes[key].length > 0);

  return (
    <div className="outcome">
      <div className="outcome__line">
        {outcome.outcome === 'created' && (
          <>
            <Tag color="green">新建</Tag>
            <span>
              {verb}新建规划，所属单位：{outcome.orgUnit.name}
            </span>
          </>
        )}
        {outcome.outcome === 'updated' && (
          <>
            <Tag color="blue">更新</Tag>
            <span>
              {verb}更新{outcome.orgUnit.name}的现有规划：{changeCounts(changes)}
            </span>
          </>
        )}
        {outcome.outcome === 'unchanged' && (
          <>
            <Tag>无变化</Tag>
            <span>与{outcome.orgUnit.name}的现有规划内容一致，无需更新</span>
          </>
        )}
      </div>
      {outcome.outcome === 'updated' && hasDetails && (
        <Collapse
          size="small"
          ghost
          items={[
            {
              key: 'details',
              label: '查看变更明细',
              children: (
                <dl className="outcome__details">
                  {CHANGE_LABELS.filter(({ key }) => changes[key].length > 0).map(({ key, label }) => (
                    <div key={key} className="outcome__group">
                      <dt>{label}</dt>
                      <dd>{changes[key].join('；')}</dd>
                    </div>
                  ))}
                  <ChangeDetails details={changes.details} />
                </dl>
              ),
            },
          ]}
        />
      )}
      <LinkReport links={outcome.links} verb={verb} />
    </div>
  );
}
