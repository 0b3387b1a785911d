import { Layout } from 'antd';
import { Link, Outlet } from 'react-router-dom';
import { Suspense } from 'react';
import { PageLoading } from '../../components/PageLoading';
import '../analytics/analytics.css';
import './portal.css';

/** The public portal's frame: its own header, no menu, no session needed. */
export default function PortalLayout() {
  return (
    <Layout className="portal-shell">
      <Layout.Header className="portal-header" role="banner">
        <Link to="/portal" className="portal-header__brand">
          大连市妇女儿童发展规划监测 · 指标公开
        </Link>
        <Link to="/login" className="portal-header__login">
          登录管理端
        </Link>
      </Layout.Header>
      <Layout.Content className="portal-content">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="portal-footer">
        数据来源：各级妇女儿童工作委员会及成员单位，经统计监测组审核后公开。
      </Layout.Footer>
    </Layout>
  );
}
