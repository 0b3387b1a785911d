import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { errorMessage } from '../../http/client';
import './login.css';
import { useSession } from './SessionContext';

interface LoginForm {
  username: string;
  password: string;
}

function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from.startsWith('/') && !state.from.startsWith('/login') ? state.from : '/';
  }
  // The home route sends each user to their own start page.
  return '/';
}

export default function LoginPage() {
  const { state, login } = useSession();
  const location = useLocation();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = redirectTarget(location.state);

  if (state.status === 'signed-in') return <Navigate to={target} replace />;

  const onFinish = async ({ username, password }: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      // On success the session turns signed-in and the <Navigate> above takes over.
      await login(username.trim(), password);
    } catch (e) {
      setError(errorMessage(e));
      setSubmitting(false);
    }
  };

  return (
    <div className="login-page">
      <section className="login-brand" aria-hidden="true">
        <div className="login-brand__mark">半边天</div>
        <div className="login-brand__title">妇女儿童发展规划监测评估平台</div>
        <p className="login-brand__text">
          服务妇女儿童工作委员会及成员单位，贯通规划目标、监测指标、数据填报与评估全过程。
        </p>
        <ul className="login-brand__points">
          <li>规划文本导入与目标指标识别</li>
          <li>市、区、街道三级组织协同</li>
          <li>中期、终期评估数据支撑</li>
        </ul>
      </section>
      <main className="login-panel">
        <div className="login-card">
          <h1 className="login-card__title">用户登录</h1>
          <p className="login-card__subtitle">请使用分配的账号登录系统</p>
          {error && <Alert className="login-card__error" type="error" showIcon title={error} />}
          <Form<LoginForm> layout="vertical" size="large" requiredMark={false} onFinish={onFinish}>
            <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
              <Input prefix={<UserOutlined />} autoComplete="username" placeholder="请输入用户名" autoFocus />
            </Form.Item>
            <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              登录
            </Button>
          </Form>
          <p className="login-card__public">
            <Link to="/portal">公开数据</Link>：无需登录，查看已公开的监测指标
          </p>
        </div>
        <footer className="login-footer">妇女儿童工作委员会办公室 · 技术支持与账号申请请联系系统管理员</footer>
      </main>
    </div>
  );
}
