import { Button, DatePicker, Form, Input, Modal, Radio, Timeline } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { FormModal } from '../../components/FormModal';
import { workPointsApi, type WorkPointDto } from './workPointsApi';

interface Values {
  kind: 'filing' | 'notice';
  onDate: Dayjs;
  ref: string;
  text: string;
}

/** A 实事项目's 备案 and 通报 so far, and the form to record the next one (the office only). */
export function WorkPointRecords({ point, canManage, onClose, onSaved }: { point: WorkPointDto; canManage: boolean; onClose: () => void; onSaved: () => void }) {
  const title = `备案与通报：${point.label}${point.title}`;
  const history = point.records.length === 0 ? (
    <p className="workitems-milestone__figure">还没有备案或通报。</p>
  ) : (
    <Timeline
      items={point.records.map((r) => ({
        color: r.kind === 'filing' ? 'blue' : 'green',
        children: <><b>{r.onDate} {r.kind === 'filing' ? '备案' : '通报'}</b>{r.ref && ` ${r.ref}`}<div>{r.text}</div><div className="workitems-milestone__figure">{r.actor ? `${r.actor} ` : ''}登记于 {r.at.slice(0, 10)}</div></>,
      }))}
    />
  );
  if (!canManage) return <Modal open title={title} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>}>{history}</Modal>;
  return <RecordForm point={point} title={title} history={history} onClose={onClose} onSaved={onSaved} />;
}

function RecordForm({ point, title, history, onClose, onSaved }: { point: WorkPointDto; title: string; history: ReactNode; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? (point.state === 'unfiled' ? 'filing' : 'notice');
  const save = async (v: Values) => {
    await workPointsApi.record(point.id, { kind: v.kind, onDate: v.onDate.format('YYYY-MM-DD'), ref: v.ref ?? '', text: v.text ?? '' });
    onSaved();
  };
  return (
    <FormModal title={title} form={form} fields={['kind', 'onDate', 'ref', 'text']} onSave={save} onCancel={onClose} okText="登记">
      {history}
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: point.state === 'unfiled' ? 'filing' : 'notice', onDate: dayjs(), ref: '', text: '' }}>
        <Form.Item name="kind" label="登记">
          <Radio.Group options={[{ value: 'filing', label: '备案' }, { value: 'notice', label: '通报' }]} optionType="button" />
        </Form.Item>
        <Form.Item name="onDate" label={kind === 'filing' ? '备案日期' : '通报日期'} rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker aria-label="日期" />
        </Form.Item>
        {kind === 'filing' && (
          <Form.Item name="ref" label="备案文号或文件名" rules={[{ required: true, whitespace: true, message: '备案须填写备案文号或文件名' }]}>
            <Input placeholder="如：淄妇儿工委〔2015〕3号" />
          </Form.Item>
        )}
        <Form.Item name="text" label={kind === 'filing' ? '说明' : '通报内容'} rules={kind === 'notice' ? [{ required: true, whitespace: true, message: '通报须填写通报内容' }] : []}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
