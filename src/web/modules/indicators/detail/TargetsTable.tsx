import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select } from 'antd';
import { COMPARATOR_OPTIONS } from '../../plans/format';

const yearRule = { type: 'integer' as const, min: 1949, max: 2100, message: '年份不合理' };

/** 分年度目标: one editable row a year. */
export function TargetsTable({ disabled }: { disabled: boolean }) {
  return (
    <Form.List name="targets">
      {(rows, { add, remove }) => (
        <div className="targets-table" role="table" aria-label="分年度目标">
          <div className="targets-table__row targets-table__head" role="row">
            <span role="columnheader">目标年份</span>
            <span role="columnheader">比较方式</span>
            <span role="columnheader">目标值</span>
            <span role="columnheader">基期年份（相对目标）</span>
            <span role="columnheader" aria-label="操作" />
          </div>
          {rows.map((row) => (
            <div className="targets-table__row" role="row" key={row.key}>
              <Form.Item name={[row.name, 'year']} rules={[{ required: true, message: '请填写年份' }, yearRule]}>
                <InputNumber precision={0} placeholder="2030" aria-label="目标年份" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name={[row.name, 'comparator']} rules={[{ required: true, message: '请选择' }]}>
                <Select options={COMPARATOR_OPTIONS} aria-label="比较方式" />
              </Form.Item>
              <Form.Item name={[row.name, 'value']}>
                <InputNumber placeholder="定性目标可不填" aria-label="目标值" style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name={[row.name, 'baseYear']} rules={[yearRule]}>
                <InputNumber precision={0} placeholder="如 2019" aria-label="基期年份" style={{ width: '100%' }} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} disabled={disabled} aria-label="删除该年目标" onClick={() => remove(row.name)} />
            </div>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} disabled={disabled} onClick={() => add({ comparator: '>=' })} block>
            添加年度目标
          </Button>
        </div>
      )}
    </Form.List>
  );
}
