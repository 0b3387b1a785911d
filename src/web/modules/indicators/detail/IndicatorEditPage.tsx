import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Checkbox, Col, Empty, Form, Input, InputNumber, Popconfirm, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { IndicatorDto, IndicatorMetaDto } from '../../../../shared/api/indicators';
import { CATEGORIES, CATEGORY_LABELS, DIRECTION_LABELS } from '../../../../shared/indicators/vocabulary';
import { CATEGORY_PARTS, OPTION_LABELS } from '../../../../shared/monitoring/validation';
import { useDemoData } from '../../../components/DemoData';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { ApiRequestError, errorMessage } from '../../../http/client';
import { useApiGet } from '../../../http/useApiGet';
import { useCurrentUser } from '../../auth/SessionContext';
import { UNIT_OPTIONS } from '../../plans/format';
import { indicatorsApi, indicatorUrls } from '../api';
import { canEditIndicators } from '../format';
import '../indicators.css';
import { FormulaSection } from './FormulaSection';
import { fieldOf, NEW_INDICATOR, toForm, toInput, type IndicatorForm } from './indicatorForm';
import { PlanTargetsCard } from './PlanTargetsCard';
import { SourceCard } from './SourceCard';
import { TargetsTable } from './TargetsTable';

const DIRECTION_OPTIONS = Object.entries(DIRECTION_LABELS).map(([value, label]) => ({ value, label }));
const number = { style: { width: '100%' } };

interface EditorProps {
  indicator: IndicatorDto | null;
  meta: IndicatorMetaDto;
  editable: boolean;
}

function IndicatorEditor({ indicator, meta, editable }: EditorProps) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<IndicatorForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useDemoData(indicator?.isDemo ?? false);

  const save = async () => {
    if (!(await form.validateFields().catch(() => null))) return;
    // Unregistered values (an element's own parts) are kept in the store, not in validateFields' result.
    const input = toInput(form.getFieldsValue(true) as IndicatorForm);
    setSaving(true);
    setError(null);
    try {
      const saved = indicator ? await indicatorsApi.update(indicator.id, input) : await indicatorsApi.create(input);
      message.success('指标已保存');
      form.setFieldsValue(toForm(saved));
      if (!indicator) navigate(`/indicators/${saved.id}`, { replace: true });
    } catch (e) {
      const details = e instanceof ApiRequestError ? e.details : [];
      const placed = details.flatMap((d) => {
        const name = fieldOf(d.path);
        return name ? [{ name, errors: [d.message] }] : [];
      });
      // Paths come from the server at run time, so the form's typed field names cannot check them.
      form.setFields(placed as Parameters<typeof form.setFields>[0]);
      setError(placed.length > 0 ? '请按提示修改后再保存' : errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!indicator) return;
    try {
      await indicatorsApi.remove(indicator.id);
      message.success('指标已删除');
      navigate('/indicators');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/indicators">指标管理</Link>}
        title={indicator ? `${indicator.code} ${indicator.name}` : '新建指标'}
        extra={
          editable && (
            <>
              {indicator && (
                <Popconfirm title="删除该指标？" description="已列入填报任务的指标不能删除。" okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={remove}>
                  <Button danger icon={<DeleteOutlined />}>
                    删除
                  </Button>
                </Popconfirm>
              )}
              <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={save}>
                保存
              </Button>
            </>
          )
        }
      />
      {error && <Alert className="indicator-error" type="error" showIcon title={error} />}
      <Form<IndicatorForm> form={form} layout="vertical" initialValues={indicator ? toForm(indicator) : NEW_INDICATOR} disabled={!editable}>
        <Row gutter={16} align="top">
          <Col xs={24} xl={16}>
            <Card variant="borderless" className="content-card" title="基本信息">
              <Row gutter={12}>
                <Col span={6}>
                  <Form.Item label="指标代码" name="code" rules={[{ required: true, whitespace: true, message: '请填写指标代码' }]}>
                    <Input placeholder="如 W01_022" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="指标名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写指标名称' }]}>
                    <Input placeholder="如：孕产妇死亡率" />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item label="单位" name="unit">
                    <AutoComplete options={UNIT_OPTIONS.map((unit) => ({ value: unit }))} placeholder="如：%" />
                  </Form.Item>
                </Col>
                <Col span={24}>
                  <Form.Item label="别名" name="aliases" extra="其他规划对该指标的称呼；导入规划时按名称或别名（且单位一致）关联到本指标">
                    <Select mode="tags" open={false} suffixIcon={null} placeholder="输入后回车，可填多个" aria-label="别名" />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item label="方向" name="direction">
                    <Select options={DIRECTION_OPTIONS} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item label="责任单位" name="responsibleDepartmentId" tooltip="市级成员单位；各区由其对口成员单位填报">
                    <Select
                      allowClear
                      showSearch
                      optionFilterProp="label"
                      placeholder="成员单位"
                      options={meta.departments.map((d) => ({ value: d.id, label: d.shortName, title: d.name }))}
                    />
                  </Form.Item>
                </Col>
                <Col span={8}>
                  <Form.Item label="数据来源" name="dataSource">
                    <Input placeholder="如：妇幼卫生年报" />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item label="公开发布" name="published" valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label="定义" name="definition">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
              <Form.Item label="统计口径" name="caliber">
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="统计范围、时点、分子分母的口径" />
              </Form.Item>
            </Card>
            <Card variant="borderless" className="content-card" title="计算方法">
              <FormulaSection form={form} elements={meta.dataElements} />
            </Card>
            <Card variant="borderless" className="content-card" title="基线与目标">
              <Row gutter={12}>
                <Col span={6}>
                  <Form.Item label="基线年份" name="baselineYear" rules={[{ type: 'integer', min: 1949, max: 2100, message: '年份不合理' }]}>
                    <InputNumber precision={0} placeholder="如 2020" {...number} />
                  </Form.Item>
                </Col>
                <Col span={6}>
                  <Form.Item label="基线值" name="baselineValue">
                    <InputNumber {...number} />
                  </Form.Item>
                </Col>
              </Row>
              <TargetsTable disabled={!editable} />
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <SourceCard source={indicator?.source ?? null} />
            {indicator && <PlanTargetsCard indicatorId={indicator.id} editable={editable} />}
            <Card variant="borderless" className="content-card" title="分组">
              <p className="section-hint">除合计外还需分别填报的部分，每组各部分之和应等于合计。</p>
              {CATEGORIES.map((c) => (
                <Form.Item key={c} name={c} valuePropName="checked" noStyle>
                  <Checkbox>{`${CATEGORY_LABELS[c]}（${(CATEGORY_PARTS[c] ?? []).map((o) => OPTION_LABELS[o]).join('、')}）`}</Checkbox>
                </Form.Item>
              ))}
            </Card>
            <Card variant="borderless" className="content-card" title="校验设置">
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item label="最小值" name="minValue">
                    <InputNumber {...number} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="最大值" name="maxValue">
                    <InputNumber {...number} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="同比阈值（%）" name="yoyThreshold" tooltip="与上年相比变动超过此比例时，填报需说明原因">
                    <InputNumber min={0} {...number} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="区间容差（%）" name="tolerance" tooltip="“保持在左右”目标的允许偏差，默认为目标值的 ±2%">
                    <InputNumber min={0} {...number} />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item label="小数位数" name="decimals" rules={[{ required: true, message: '请填写小数位数' }]}>
                    <InputNumber min={0} max={6} precision={0} {...number} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
          </Col>
        </Row>
      </Form>
    </>
  );
}

export default function IndicatorEditPage() {
  const params = useParams();
  const isNew = params.id === 'new';
  const id = Number(params.id);
  const validId = isNew || (Number.isInteger(id) && id > 0);
  const editable = canEditIndicators(useCurrentUser());
  const indicator = useApiGet<IndicatorDto>(validId && !isNew ? indicatorUrls.detail(id) : null);
  const meta = useApiGet<IndicatorMetaDto>(indicatorUrls.meta);

  if (!validId) return <Empty className="page-empty" description="指标编号无效" />;
  const error = indicator.error ?? meta.error;
  const retry = () => {
    indicator.reload();
    meta.reload();
  };
  if (error) return <LoadError error={error} onRetry={retry} />;
  if (!meta.data || (!isNew && !indicator.data)) return <PageLoading />;
  return <IndicatorEditor key={indicator.data?.id ?? 'new'} indicator={indicator.data ?? null} meta={meta.data} editable={editable} />;
}
