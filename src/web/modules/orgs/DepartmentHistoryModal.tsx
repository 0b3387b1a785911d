import { Modal, Table } from 'antd';
import type { DepartmentChangeDto, DepartmentDto } from '../../../shared/api/orgs';
import { formatDateTime } from '../reporting/format';
import { useApiGet } from '../../http/useApiGet';

const FIELD_LABELS: Record<string, string> = { name: '名称', shortName: '简称', counterpart: '对口上级成员单位', runsSurveys: '可发起问卷调查' };

/** Who renamed a department, changed its counterpart or its 可发起问卷调查, and when: names are labels, so each change is kept. */
export function DepartmentHistoryModal({ department, onClose }: { department: DepartmentDto; onClose: () => void }) {
  const { data, error } = useApiGet<DepartmentChangeDto[]>(`/api/departments/${department.id}/history`);
  return (
    <Modal open title={`“${department.name}”的变更记录`} footer={null} onCancel={onClose} width={640}>
      {error ? (
        <p role="alert">{error.message}</p>
      ) : (
        <Table<DepartmentChangeDto>
          rowKey={(c) => `${c.changedAt}-${c.field}`}
          size="small"
          loading={!data}
          dataSource={data ?? []}
          pagination={false}
          aria-label="成员单位变更记录"
          locale={{ emptyText: '没有变更记录' }}
          columns={[
            { title: '时间', key: 'at', width: 150, render: (_, c) => formatDateTime(c.changedAt) },
            { title: '项目', key: 'field', width: 120, render: (_, c) => FIELD_LABELS[c.field] ?? c.field },
            { title: '原为', key: 'old', render: (_, c) => c.oldValue ?? '（无）' },
            { title: '改为', key: 'new', render: (_, c) => c.newValue ?? '（无）' },
            { title: '修改人', key: 'by', width: 90, render: (_, c) => c.changedBy ?? '—' },
          ]}
        />
      )}
    </Modal>
  );
}
