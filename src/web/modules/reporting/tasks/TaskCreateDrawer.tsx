import { Alert, App, Button, DatePicker, Drawer, Form, Input, InputNumber, Select, Space, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import type { Me } from '../../../../shared/api/auth';
import type { IndicatorDto } from '../../../../shared/api/indicators';
import type { OrgUnitDto } from '../../../../shared/api/orgs';
import type { TaskDto, TaskOverlapDto } from '../../../../shared/api/reporting';
import { api, errorMessage } from '../../../http/client';
import { useApiGet } from '../../../http/useApiGet';
import { orgUrls } from '../../orgs/api';
import { buildOrgTree, toTreeSelectOptions } from '../../orgs/tree';
import { reportingApi, reportingUrls } from '../api';
import { defaultReportingUnits, defaultTaskName, departmentsOf, estimateSubmissions, indicatorOptions, publishingUnits } from './taskForm';

interface FormValues {
  orgUnitId: number;
  year: number;
  name: string;
  period: [Dayjs, Dayjs];
  indicatorIds: number[];
  orgUnitIds: number[];
}

interface TaskCreateDrawerProps {
  user: Me;
  onClose: () => void;
  onCreated: (task: TaskDto) => void;
}

/**
 * Existing tasks that already collect some of the chosen indicators at some of the chosen units in the
 * year: the server refuses such a task, so the drawer says so while the choice is being made.
 */
function useOverlaps(year: number | undefined, indicatorIds: number[], orgUnitIds: number[]): TaskOverlapDto[] {
  const [overlaps, setOverlaps] = useState<TaskOverlapDto[]>([]);
  const query = year && indicatorIds.length && orgUnitIds.length ? reportingUrls.overlaps(year, indicatorIds, orgUnitIds) : null;
  useEffect(() => {
    if (!query) return;
    let live = true;
    const timer = setTimeout(() => {
      api.get<TaskOverlapDto[]>(query).then((found) => live && setOverlaps(found), () => live && setOverlaps([]));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  return query ? overlaps : [];
}

/** The data year a new task most likely collects: last year, unless the unit already has a task for it. */
function defaultYear(tasks: readonly TaskDto[], unitId: number | undefined): number {
  const lastYear = dayjs().year() - 1;
  const taken = new Set(tasks.filter((t) => t.orgUnit.id === unitId).map((t) => t.year));
  return [lastYear, lastYear + 1].find((y) => !taken.has(y)) ?? lastYear;
}

/** 发布任务: the year, the indicators to report and the units that report them. */
export default function TaskCreateDrawer({ user, onClose, onCreated }: TaskCreateDrawerProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const orgs = useApiGet<OrgUnitDto[]>(orgUrls.list);
  const indicators = useApiGet<IndicatorDto[]>(reportingUrls.indicators);
  const tasks = useApiGet<TaskDto[]>(reportingUrls.tasks);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameTouched, setNameTouched] = useState(false);
  const [unitsTouched, setUnitsTouched] = useState(false);

  const units = useMemo(() => orgs.data ?? [], [orgs.data]);
  const publishers = useMemo(() => publishingUnits(user, units), [user, units]);
  const allTree = useMemo(() => toTreeSelectOptions(buildOrgTree(units)), [units]);
  const publisherTree = useMemo(() => toTreeSelectOptions(buildOrgTree(publishers)), [publishers]);
  const groups = useMemo(() => indicatorOptions(indicators.data ?? []), [indicators.data]);

  const rootId = Form.useWatch('orgUnitId', form);
  const chosenIndicators = Form.useWatch('indicatorIds', form) ?? [];
  const chosenUnits = Form.useWatch('orgUnitIds', form) ?? [];
  const chosenYear = Form.useWatch('year', form);
  const overlaps = useOverlaps(chosenYear, chosenIndicators, chosenUnits);
  const departments = departmentsOf(indicators.data ?? [], chosenIndicators);
  const estimate = estimateSubmissions(units, chosenUnits, departments);

  const initialRoot = publishers.find((u) => u.parentId === null)?.id ?? publishers[0]?.id;
  const initialYear = defaultYear(tasks.data ?? [], initialRoot);

  const onValuesChange = (changed: Partial<FormValues>) => {
    if (changed.year !== undefined && !nameTouched && changed.year) form.setFieldValue('name', defaultTaskName(changed.year));
    if (changed.orgUnitId !== undefined && !unitsTouched) form.setFieldValue('orgUnitIds', defaultReportingUnits(units, changed.orgUnitId));
    if (changed.name !== undefined) setNameTouched(true);
    if (changed.orgUnitIds !== undefined) setUnitsTouched(true);
  };

  const submit = async (values: FormValues) => {
    setSaving(true);
    setError(null);
    try {
      const task = await reportingApi.createTask({
        orgUnitId: values.orgUnitId,
        year: values.year,
        name: values.name.trim(),
        opensOn: values.period[0].format('YYYY-MM-DD'),
        dueOn: values.period[1].format('YYYY-MM-DD'),
        indicatorIds: values.indicatorIds,
        orgUnitIds: values.orgUnitIds.length ? values.orgUnitIds : undefined,
      });
      message.success(`已发布“${task.name}”，生成 ${task.counts.submissions} 张填报表`);
      onCreated(task);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const ready = orgs.data !== undefined && (tasks.data !== undefined || tasks.error !== null);
  return (
    <Drawer
      open
      size={600}
      title="发布填报任务"
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space className="drawer-footer">
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} disabled={!ready} onClick={() => form.submit()}>
            发布任务
          </Button>
        </Space>
      }
    >
      {error && <Alert className="form-error" type="error" showIcon title="任务未能发布" description={error} />}
      {overlaps.length > 0 && (
        <Alert
          className="form-error"
          type="warning"
          showIcon
          title="与已有任务重叠，发布时将被拒绝"
          description={
            <ul className="overlap-list">
              {overlaps.map((o) => (
                <li key={o.task.id}>
                  “{o.task.name}”{o.task.closed ? '（已关闭）' : ''}已包含 {o.units.map((u) => u.name).join('、')} 的{' '}
                  {o.indicators.map((i) => `“${i.name}”`).join('、')}
                </li>
              ))}
              <li>同一指标、同一单位、同一年度只能在一个任务中填报：请在原任务中填报，或去掉这些指标或单位。</li>
            </ul>
          }
        />
      )}
      {indicators.error && <Alert className="form-error" type="warning" showIcon title="指标库暂不可用" description={indicators.error.message} />}
      {ready && (
        <Form<FormValues>
          form={form}
          layout="vertical"
          requiredMark
          onFinish={submit}
          onValuesChange={onValuesChange}
          initialValues={{
            orgUnitId: initialRoot,
            year: initialYear,
            name: defaultTaskName(initialYear),
            period: [dayjs(), dayjs().add(1, 'month')],
            indicatorIds: [],
            orgUnitIds: defaultReportingUnits(units, initialRoot),
          }}
        >
          <Form.Item name="orgUnitId" label="发布单位" rules={[{ required: true, message: '请选择发布单位' }]}>
            <TreeSelect<number> treeData={publisherTree} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} placeholder="选择妇儿工委所在单位" />
          </Form.Item>
          <Form.Item name="year" label="数据年度" rules={[{ required: true, message: '请填写数据年度' }]} extra="填报的是该年度的监测数据，通常在次年初布置。">
            <InputNumber<number> min={2000} max={2100} precision={0} suffix="年" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="name" label="任务名称" rules={[{ required: true, whitespace: true, message: '请填写任务名称' }, { max: 100, message: '任务名称过长' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="period" label="填报期限" rules={[{ required: true, message: '请选择开始与截止日期' }]}>
            <DatePicker.RangePicker placeholder={['开始日期', '截止日期']} />
          </Form.Item>
          <Form.Item
            name="indicatorIds"
            label="填报指标"
            rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一个指标' }]}
            extra={chosenIndicators.length ? `已选 ${chosenIndicators.length} 个指标，由 ${departments.map((d) => d.shortName).join('、')} 填报` : '按责任单位分派给各成员单位填报'}
          >
            <Select<number[]>
              mode="multiple"
              options={groups}
              loading={indicators.loading}
              showSearch={{ optionFilterProp: 'label' }}
              placeholder="选择本次填报的监测指标"
              maxTagCount="responsive"
              aria-label="填报指标"
            />
          </Form.Item>
          <Form.Item
            name="orgUnitIds"
            label="填报单位"
            extra={`默认为发布单位及其下一级单位。预计生成 ${estimate} 张填报表（单位 × 成员单位）。`}
          >
            <TreeSelect<number[]>
              treeData={allTree}
              multiple
              treeDefaultExpandedKeys={rootId ? [rootId] : []}
              showSearch={{ treeNodeFilterProp: 'title' }}
              maxTagCount="responsive"
              placeholder="选择填报单位"
              aria-label="填报单位"
            />
          </Form.Item>
        </Form>
      )}
    </Drawer>
  );
}
