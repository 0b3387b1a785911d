import { Button, Descriptions, Modal } from 'antd';
import { formatDateTime, formatNumber } from '../format';
import type { CellState } from './entryState';

interface ConflictModalProps {
  cell: CellState | null;
  onResolve: (key: string, take: 'theirs' | 'mine') => void;
}

/** A save refused because someone else saved the value first (409 VALUE_CONFLICT): take theirs or keep typing. */
export function ConflictModal({ cell, onResolve }: ConflictModalProps) {
  const conflict = cell?.conflict ?? null;
  return (
    <Modal
      open={conflict !== null}
      title="数据已被他人修改"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        cell && [
          <Button key="mine" onClick={() => onResolve(cell.key, 'mine')}>
            保留我的输入
          </Button>,
          <Button key="theirs" type="primary" onClick={() => onResolve(cell.key, 'theirs')}>
            采用对方的值
          </Button>,
        ]
      }
    >
      {cell && conflict && (
        <>
          <p className="conflict__lead">
            您编辑“{cell.label}”期间，{conflict.by ?? '他人'}{conflict.value === null ? '删除了该数值' : '已保存了新的数值'}。请核对后选择：
          </p>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'theirs', label: '对方保存的值', children: <strong className="num">{formatNumber(conflict.value)}</strong> },
              { key: 'by', label: '保存人', children: conflict.by ?? '—' },
              { key: 'at', label: '保存时间', children: formatDateTime(conflict.at) },
              ...(conflict.comment ? [{ key: 'comment', label: '对方的说明', children: conflict.comment }] : []),
              { key: 'mine', label: '您输入的值', children: <span className="num">{conflict.mine || '（空）'}</span> },
            ]}
          />
          <p className="conflict__hint">选择“保留我的输入”后，您的数值将在继续编辑后覆盖对方的值。</p>
        </>
      )}
    </Modal>
  );
}
