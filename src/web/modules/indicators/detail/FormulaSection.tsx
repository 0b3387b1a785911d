import { AutoComplete, Col, Form, Input, Radio, Row, Select, type FormInstance } from 'antd';
import type { DataElementDto } from '../../../../shared/api/indicators';
import { ELEMENT_ROLE_LABELS, type ElementRole } from '../../../../shared/indicators/formula';
import { FACTOR_OPTIONS, FORMULA_LABELS, VALUE_TYPE_LABELS, type ValueType } from '../../../../shared/indicators/vocabulary';
import type { IndicatorForm } from './indicatorForm';

const VALUE_TYPE_OPTIONS = Object.entries(VALUE_TYPE_LABELS).map(([value, label]) => ({ value: value as ValueType, label }));

interface ElementFieldsProps {
  role: ElementRole;
  form: FormInstance<IndicatorForm>;
  elements: readonly DataElementDto[];
  /** Only additive types make sense in a ratio. */
  additive: boolean;
}

/** One data element: picking a known code fills in the rest, so indicators share it. */
function ElementFields({ role, form, elements, additive }: ElementFieldsProps) {
  const label = ELEMENT_ROLE_LABELS[role];
  const fill = (code: string) => {
    const known = elements.find((e) => e.code === code);
    if (known) form.setFieldValue(role, { code: known.code, name: known.name, unit: known.unit, valueType: known.valueType, categories: known.categories });
  };
  return (
    <fieldset className="element-fields">
      <legend>{label}数据元素</legend>
      <Row gutter={12}>
        <Col span={7}>
          <Form.Item label={`${label}代码`} name={[role, 'code']} rules={[{ required: true, whitespace: true, message: `请填写${label}代码` }]}>
            <AutoComplete
              options={elements.map((e) => ({ value: e.code, label: `${e.code} ${e.name}` }))}
              filterOption={(input, option) => String(option?.label ?? '').toUpperCase().includes(input.toUpperCase())}
              onSelect={fill}
              placeholder="如 LIVE_BIRTHS"
            />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item label={`${label}名称`} name={[role, 'name']} rules={[{ required: true, whitespace: true, message: `请填写${label}名称` }]}>
            <Input placeholder="如：活产数" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item label={`${label}单位`} name={[role, 'unit']}>
            <Input placeholder="人" />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item label={`${label}类型`} name={[role, 'valueType']} rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={additive ? VALUE_TYPE_OPTIONS.filter((o) => o.value !== 'rate') : VALUE_TYPE_OPTIONS} />
          </Form.Item>
        </Col>
      </Row>
    </fieldset>
  );
}

/** 计算方法: a reported value, or numerator ÷ denominator × factor over additive counts. */
export function FormulaSection({ form, elements }: { form: FormInstance<IndicatorForm>; elements: readonly DataElementDto[] }) {
  const type = Form.useWatch('formulaType', form);
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item label="计算方式" name="formulaType">
            <Radio.Group options={Object.entries(FORMULA_LABELS).map(([value, label]) => ({ value, label }))} optionType="button" />
          </Form.Item>
        </Col>
        {type === 'ratio' && (
          <Col span={12}>
            <Form.Item label="系数" name="factor" rules={[{ required: true, message: '请选择系数' }]} extra="比率 = 分子 ÷ 分母 × 系数">
              <Select options={FACTOR_OPTIONS.map((o) => ({ ...o }))} />
            </Form.Item>
          </Col>
        )}
      </Row>
      {type === 'ratio' ? (
        <>
          <ElementFields role="numerator" form={form} elements={elements} additive />
          <ElementFields role="denominator" form={form} elements={elements} additive />
        </>
      ) : (
        <ElementFields role="value" form={form} elements={elements} additive={false} />
      )}
    </>
  );
}
