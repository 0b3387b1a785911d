import { App, Button, Card, DatePicker, Descriptions, Form, Input, Space, Timeline } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { WARNING_KIND_LABELS } from '../../../shared/api/analytics';
import { FOLLOWUP_ACTION_LABELS, FOLLOWUP_STATE_LABELS, type FollowupState } from '../../../shared/followup/stateMachine';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { useApiGet } from '../../http/useApiGet';
import { formatDateTime } from '../reporting/format';
import { followupApi, followupUrls, type FollowupDetailDto } from './api';
import { FollowupStateTag } from './FollowupStateTag';

const EVENT_LABELS: Record<string, string> = { assign: '交办', ...FOLLOWUP_ACTION_LABELS };

interface AnswerForm {
  cause: string;
  measures: string;
  expectedOn: Dayjs;
}

/** One follow-up: the warning, the department's answer, the office's buttons, and the history. */
export default function FollowupPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const { data, error, reload } = useApiGet<FollowupDetailDto>(followupUrls.detail(id));
  const [answer] = Form.useForm<AnswerForm>();
  const [review] = Form.useForm<{ comment?: string }>();
  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;

  const act = async (run: () => Promise<unknown>, text: string) => {
    try {
      await run();
      message.success(text);
      review.resetFields();
      reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const officeActions = data.actions.filter((a) => a !== 'answer');
  return (
    <>
      <PageHeader
        title={`预警整改：${data.subject}`}
        breadcrumb={<Link to="/followups">预警整改</Link>}
        extra={<FollowupStateTag state={data.state} recovered={data.recovered} overdue={data.overdue} />}
      />
      <Card variant="borderless" className="content-card" title="预警">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="类型">{WARNING_KIND_LABELS[data.kind]}</Descriptions.Item>
          <Descriptions.Item label="单位">{data.orgUnit.name}</Descriptions.Item>
          <Descriptions.Item label="承办成员单位">{data.department.name}</Descriptions.Item>
          <Descriptions.Item label="整改期限">{data.deadline}</Descriptions.Item>
          <Descriptions.Item label="原因" span={2}>
            {data.reason} <Link to={data.link}>查看数据</Link>
          </Descriptions.Item>
          <Descriptions.Item label="交办">
            {data.assignedBy ?? '—'} · {formatDateTime(data.assignedAt)}
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            {data.recovered ? '预警已不再成立，指标已恢复' : FOLLOWUP_STATE_LABELS[data.state as FollowupState]}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {data.cause && (
        <Card variant="borderless" className="content-card" title="成员单位答复">
          <Descriptions column={1} size="small">
            <Descriptions.Item label="原因分析">{data.cause}</Descriptions.Item>
            <Descriptions.Item label="整改措施">{data.measures}</Descriptions.Item>
            <Descriptions.Item label="预计达标日期">{data.expectedOn}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {data.actions.includes('answer') && (
        <Card variant="borderless" className="content-card" title="答复整改">
          <Form<AnswerForm>
            form={answer}
            layout="vertical"
            requiredMark={false}
            initialValues={{ cause: data.cause ?? '', measures: data.measures ?? '', expectedOn: data.expectedOn ? dayjs(data.expectedOn) : undefined }}
            onFinish={(v) => act(() => followupApi.answer(id, { cause: v.cause.trim(), measures: v.measures.trim(), expectedOn: v.expectedOn.format('YYYY-MM-DD') }), '已提交答复')}
          >
            <Form.Item label="原因分析" name="cause" rules={[{ required: true, whitespace: true, message: '请填写原因分析' }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item label="整改措施" name="measures" rules={[{ required: true, whitespace: true, message: '请填写整改措施' }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
            <Form.Item label="预计达标日期" name="expectedOn" rules={[{ required: true, message: '请选择预计达标日期' }]}>
              <DatePicker aria-label="预计达标日期" />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              提交答复
            </Button>
          </Form>
        </Card>
      )}
      {officeActions.length > 0 && (
        <Card variant="borderless" className="content-card" title="办理">
          <Form form={review} layout="vertical">
            <Form.Item label="意见（退回时必填）" name="comment">
              <Input.TextArea rows={2} maxLength={500} showCount />
            </Form.Item>
            <Space>
              {officeActions.map((a) => (
                <Button
                  key={a}
                  type={a === 'accept' ? 'primary' : 'default'}
                  danger={a === 'return'}
                  onClick={() => act(() => followupApi.review(id, a as 'accept' | 'return' | 'close', review.getFieldValue('comment')?.trim()), `已${FOLLOWUP_ACTION_LABELS[a]}`)}
                >
                  {FOLLOWUP_ACTION_LABELS[a]}
                </Button>
              ))}
            </Space>
          </Form>
        </Card>
      )}
      <Card variant="borderless" className="content-card" title="办理记录">
        <Timeline
          items={data.events.map((e) => ({
            content: (
              <div>
                <strong>{EVENT_LABELS[e.action] ?? e.action}</strong> · {e.actor ?? '系统'} · {formatDateTime(e.at)}
                {e.comment && <div className="followup-comment">{e.comment}</div>}
              </div>
            ),
          }))}
        />
      </Card>
    </>
  );
}
