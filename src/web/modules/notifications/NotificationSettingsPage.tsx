import { Alert, App, Button, Card, Form, Input, Switch } from 'antd';
import { useEffect } from 'react';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { api } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';

interface Settings { email: string | null; emailEnabled: boolean; smtpConfigured: boolean }

/** 通知设置: the user's e-mail address and whether reminders are e-mailed too (in-app notifications always). */
export default function NotificationSettingsPage() {
  const { message } = App.useApp();
  const { data, error, reload } = useApiGet<Settings>('/api/notifications/settings');
  const [form] = Form.useForm<{ email: string; emailEnabled: boolean }>();
  useEffect(() => {
    if (data) form.setFieldsValue({ email: data.email ?? '', emailEnabled: data.emailEnabled });
  }, [data, form]);
  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  const save = async (v: { email: string; emailEnabled: boolean }) => {
    try {
      await api.put('/api/notifications/settings', { email: v.email.trim() || null, emailEnabled: v.emailEnabled });
      message.success('通知设置已保存');
      reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <PageHeader title="通知设置" description="站内通知始终发送；填写邮箱并开启后，自动提醒（填报截止、预警整改期限等）也会发到邮箱。" />
      <Card variant="borderless" className="content-card">
        {!data.smtpConfigured && <Alert type="info" showIcon className="form-alert" title="本平台尚未配置邮件服务器，暂时只发送站内通知。" />}
        <Form form={form} layout="vertical" onFinish={save} style={{ maxWidth: 420 }}>
          <Form.Item label="邮箱" name="email" rules={[{ type: 'email', message: '邮箱地址格式不正确' }]}>
            <Input placeholder="name@example.gov.cn" autoComplete="email" />
          </Form.Item>
          <Form.Item label="邮件提醒" name="emailEnabled" valuePropName="checked">
            <Switch checkedChildren="开" unCheckedChildren="关" aria-label="邮件提醒" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            保存
          </Button>
        </Form>
      </Card>
    </>
  );
}
