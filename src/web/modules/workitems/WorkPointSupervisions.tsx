import { Modal } from 'antd';
import { useApiGet } from '../../http/useApiGet';
import { workitemsUrls, type SupervisionDto } from './api';
import { SupervisionList } from './SupervisionList';

/** The 督办 on one work point with their history, and the steps the user may take on them. */
export function WorkPointSupervisions({ point, onClose, onChanged }: { point: { id: number; label: string; title: string }; onClose: () => void; onChanged: () => void }) {
  const { data, loading, reload } = useApiGet<SupervisionDto[]>(workitemsUrls.supervisions({ state: 'all', workPointId: point.id }));
  return (
    <Modal open width={760} title={`督办：${point.label}${point.title}`} footer={null} onCancel={onClose} loading={loading && !data}>
      <SupervisionList items={data ?? []} onChanged={() => { reload(); onChanged(); }} />
    </Modal>
  );
}
