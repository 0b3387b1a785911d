import { ApartmentOutlined, FileTextOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Layout, Menu, Tag, type MenuProps } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { ROLE_LABELS } from '../../shared/roles';
import { useCurrentUser, useSession } from '../modules/auth/SessionContext';
import { DemoDataProvider, useShowsDemoData } from './DemoData';
import { PageLoading } from './PageLoading';

const MENU_ITEMS: NonNullable<MenuProps['items']> = [
  { key: '/plans', icon: <FileTextOutlined />, label: <Link to="/plans">规划管理</Link> },
  { key: '/orgs', icon: <ApartmentOutlined />, label: <Link to="/orgs">组织机构</Link> },
];

function selectedMenuKey(pathname: string): string[] {
  const match = MENU_ITEMS.find((item) => item && pathname.startsWith(String(item.key)));
  return match ? [String(match.key)] : [];
}

function UserBox() {
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const roles = [...new Set(user.roles.map((r) => ROLE_LABELS[r.role]))];

  const onLogout = async () => {
    try {
      await logout();
    } finally {
      navigate('/login', { replace: true });
    }
  };

  return (
    <div className="app-header__user">
      <UserOutlined aria-hidden="true" />
      <span className="app-header__name">{user.displayName}</span>
      {roles.map((role) => (
        <Tag key={role} className="app-header__role" variant="filled" color="blue">
          {role}
        </Tag>
      ))}
      <Button type="text" icon={<LogoutOutlined />} onClick={onLogout}>
        退出登录
      </Button>
    </div>
  );
}

function Frame() {
  const location = useLocation();
  const showsDemoData = useShowsDemoData();

  return (
    <Layout className="app-shell">
      <Layout.Header className="app-header" role="banner">
        <Link to="/plans" className="app-header__brand" aria-label="半边天 首页">
          <span className="app-header__logo">半边天</span>
          <span className="app-header__product">妇女儿童发展规划监测评估平台</span>
        </Link>
        {showsDemoData && (
          <Tag color="orange" className="app-header__demo">
            演示数据
          </Tag>
        )}
        <UserBox />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} className="app-sider">
          <Menu mode="inline" selectedKeys={selectedMenuKey(location.pathname)} items={MENU_ITEMS} aria-label="主导航" />
        </Layout.Sider>
        <Layout.Content className="app-content">
          {showsDemoData && (
            <Alert
              className="app-demo-banner"
              type="warning"
              showIcon
              title="当前展示的是演示数据，仅用于功能体验与培训，不代表真实统计结果。"
            />
          )}
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

export default function AppLayout() {
  return (
    <DemoDataProvider>
      <Frame />
    </DemoDataProvider>
  );
}
