import { Segmented } from 'antd';
import { useState } from 'react';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useApiGet } from '../../http/useApiGet';
import { workitemsUrls, type SupervisionDto } from './api';
import { SupervisionList } from './SupervisionList';
import './workitems.css';

export default function SupervisionsPage() {
  const [state, setState] = useState<'open' | 'all'>('open');
  const { data, error, loading, reload } = useApiGet<SupervisionDto[]>(workitemsUrls.supervisions({ state }));
  return (
    <>
      <PageHeader title="督办" description="办公室对滞后的重要事项、进展缓慢的指标和工作要点（实事项目）发出的督办：承办单位按期答复，办公室办结或再次督办，全过程留痕。" />
      <Segmented value={state} onChange={setState} options={[{ value: 'open', label: '未办结' }, { value: 'all', label: '全部' }]} style={{ marginBottom: 16 }} aria-label="按状态筛选" />
      {error ? <LoadError error={error} onRetry={reload} /> : loading && !data ? <PageLoading /> : <SupervisionList items={data ?? []} onChanged={reload} />}
    </>
  );
}
