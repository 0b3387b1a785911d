import { Alert, AutoComplete, Col, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import type { TargetDto, TargetInputDto } from '../../../../shared/api/plans';
import { useFormSave } from '../../../http/useFormSave';
import { COMPARATOR_OPTIONS, UNIT_OPTIONS } from '../format';
import { isQualitative, TARGET_FORM_FIELDS, toInput, type TargetForm } from './targetForm';

interface TargetEditModalProps {
  /** The target to edit, or null to add one. */
  target: TargetDto | null;
  goalLabel: string;
  onCancel: () => void;
  onSubmit: (input: TargetInputDto) => Promise<void>;
}

/** Form for one target; server validation errors land on their fields. Mount it only while open. */
export function TargetEditModal({ target, goalLabel, onCancel, onSubmit }: TargetEditModalProps) {
  const [form] = Form.useForm<TargetForm>();
  const comparator = Form.useWatch('comparator', form);

  const initialValues: Partial<TargetForm> = target
    ? {
        indicator: target.indicator,
        comparator: target.comparator,
        value: target.value,
        unit: target.unit ?? undefined,
        year: target.year,
        baseYear: target.baseYear,
      }
    : { comparator: '>=', value: null, year: null, baseYear: null };

  const { saving, error, save } = useFormSave(form, TARGET_FORM_FIELDS, (values) => onSubmit(toInput(values)));

  return (
    <Modal
      open
      title={target ? '编辑量化指标' : '添加量化指标'}
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={save}
      onCancel={onCancel}
      width={640}
    >
      <p className="modal-context">{goalLabel}</p>
      {target?.quote && <p className="modal-quote">原文：{target.quote}</p>}
      {error && <Alert className="modal-error" type="error" showIcon title={error} />}
      <Form<TargetForm> form={form} layout="vertical" initialValues={initialValues} requiredMark="optional">
        <Form.Item
          label="指标名称"
          name="indicator"
          rules={[
            { required: true, whitespace: true, message: '请输入指标名称' },
            { max: 200, message: '指标名称过长' },
          ]}
        >
          <Input placeholder="如：孕产妇系统管理率" />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item label="比较方式" name="comparator" rules={[{ required: true, message: '请选择比较方式' }]}>
              <Select options={COMPARATOR_OPTIONS} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              label="目标值"
              name="value"
              extra={isQualitative(comparator) ? '定性方向可不填；填写基期年份时为相对基期的变化幅度。' : undefined}
              rules={[{ required: !isQualitative(comparator), message: '定量目标必须填写目标值' }]}
            >
              <InputNumber style={{ width: '100%' }} placeholder="如：95" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item label="单位" name="unit" rules={[{ max: 20, message: '单位过长' }]}>
              <AutoComplete options={UNIT_OPTIONS.map((unit) => ({ value: unit }))} placeholder="如：%" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label="目标年份" name="year" rules={[{ type: 'integer', min: 1949, max: 2100, message: '年份不合理' }]}>
              <InputNumber style={{ width: '100%' }} precision={0} placeholder="如：2025" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              label="基期年份"
              name="baseYear"
              dependencies={['year']}
              rules={[
                { type: 'integer', min: 1949, max: 2100, message: '年份不合理' },
                ({ getFieldValue }) => ({
                  validator: (_, baseYear: number | null | undefined) => {
                    const year = getFieldValue('year') as number | null | undefined;
                    return baseYear != null && year != null && baseYear >= year
                      ? Promise.reject(new Error('基期年份应早于目标年份'))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <InputNumber style={{ width: '100%' }} precision={0} placeholder="相对目标填写" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}
