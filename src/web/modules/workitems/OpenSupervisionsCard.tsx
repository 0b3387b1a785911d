import { Card } from 'antd';
import { Link } from 'react-router-dom';
import { useApiGet } from '../../http/useApiGet';
import { workitemsUrls, type SupervisionDto } from './api';
import { SupervisionList } from './SupervisionList';

/** On a home page: the open 督办 the user answers or oversees; nothing when there are none. */
export function OpenSupervisionsCard() {
  const { data, reload } = useApiGet<SupervisionDto[]>(workitemsUrls.supervisions({ state: 'open' }));
  if (!data || data.length === 0) return null;
  return (
    <Card size="small" title={`未办结的督办（${data.length}）`} extra={<Link to="/workitems/supervisions">全部督办</Link>} style={{ marginBottom: 16 }}>
      <SupervisionList items={data} onChanged={reload} compact />
    </Card>
  );
}
