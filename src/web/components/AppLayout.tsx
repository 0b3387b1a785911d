import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BellOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DownOutlined,
  FileDoneOutlined,
  FileTextOutlined,
  AuditOutlined as FilingOutlined,
  FlagOutlined,
  FormOutlined,
  HistoryOutlined,
  LineChartOutlined,
  LockOutlined,
  LogoutOutlined,
  NotificationOutlined,
  OrderedListOutlined,
  ProfileOutlined,
  ReadOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Layout, Menu, Tag, type MenuProps } from 'antd';
import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Me } from '../../shared/api/auth';
import { ROLE_LABELS } from '../../shared/roles';
import { ChangePasswordModal } from '../modules/auth/ChangePasswordModal';
import { allows, managesPeople, readsReports, seesAnalytics } from '../modules/auth/permissions';
import { useCurrentUser, useSession } from '../modules/auth/SessionContext';
import { NotificationBell } from '../modules/reporting/notifications/NotificationBell';
import { managesTasks, reportsData, reviewsData } from '../modules/reporting/permissions';
import { editsArticles, editsEvents } from '../modules/publishing/permissions';
import { seesSurveys } from '../modules/surveys/owner';
import { DemoDataProvider, useShowsDemoData } from './DemoData';
import { PageLoading } from './PageLoading';

const MENU_ITEMS: NonNullable<MenuProps['items']> = [
  { key: '/plans', icon: <FileTextOutlined />, label: <Link to="/plans">规划管理</Link> },
  { key: '/indicators', icon: <DatabaseOutlined />, label: <Link to="/indicators">指标管理</Link> },
  { key: '/reporting', icon: <FormOutlined />, label: <Link to="/reporting">数据填报</Link> },
  { key: '/reporting/tasks', icon: <ProfileOutlined />, label: <Link to="/reporting/tasks">填报任务</Link> },
  { key: '/reporting/review', icon: <AuditOutlined />, label: <Link to="/reporting/review">数据审核</Link> },
  {
    key: 'analytics',
    icon: <LineChartOutlined />,
    label: '监测分析',
    children: [
      { key: '/analytics', icon: <DashboardOutlined />, label: <Link to="/analytics">监测概览</Link> },
      { key: '/analytics/scorecard', icon: <TableOutlined />, label: <Link to="/analytics/scorecard">评估记分卡</Link> },
      { key: '/analytics/warnings', icon: <AlertOutlined />, label: <Link to="/analytics/warnings">预警</Link> },
      { key: '/analytics/achievement', icon: <TrophyOutlined />, label: <Link to="/analytics/achievement">达标率</Link> },
    ],
  },
  { key: '/reports', icon: <ReadOutlined />, label: <Link to="/reports">监测报告</Link> },
  { key: '/orgs', icon: <ApartmentOutlined />, label: <Link to="/orgs">组织机构</Link> },
  { key: '/users', icon: <TeamOutlined />, label: <Link to="/users">用户管理</Link> },
  { key: '/surveys', icon: <SolutionOutlined />, label: <Link to="/surveys">问卷调查</Link> },
  { key: '/publishing/articles', icon: <NotificationOutlined />, label: <Link to="/publishing/articles">信息发布</Link> },
  { key: '/publishing/events', icon: <HistoryOutlined />, label: <Link to="/publishing/events">大事记</Link> },
  { key: '/followups', icon: <AlertOutlined />, label: <Link to="/followups">预警整改</Link> },
  { key: '/notifications', icon: <BellOutlined />, label: <Link to="/notifications">通知中心</Link> },
  { key: '/plans/filings', icon: <FilingOutlined />, label: <Link to="/plans/filings">规划备案</Link> },
  { key: '/workitems', icon: <FlagOutlined />, label: <Link to="/workitems">重要事项</Link> },
  { key: '/workitems/supervisions', icon: <NotificationOutlined />, label: <Link to="/workitems/supervisions">督办</Link> },
  { key: '/my-responsibilities', icon: <AimOutlined />, label: <Link to="/my-responsibilities">我的责任目标</Link> },
  { key: '/unitreports', icon: <FileDoneOutlined />, label: <Link to="/unitreports">年度报告</Link> },
  { key: '/evaluation', icon: <CheckSquareOutlined />, label: <Link to="/evaluation">评估</Link> },
  { key: '/workitems/points', icon: <OrderedListOutlined />, label: <Link to="/workitems/points">工作要点</Link> },
];

/** Menu items hidden from those who cannot use them; the server refuses them anyway. */
const SHOWN_TO: Partial<Record<string, (user: Me) => boolean>> = {
  '/users': managesPeople,
  '/reporting': reportsData,
  '/reporting/tasks': managesTasks,
  '/reporting/review': reviewsData,
  analytics: seesAnalytics,
  '/reports': readsReports,
  '/surveys': seesSurveys,
  '/publishing/articles': editsArticles,
  '/publishing/events': editsEvents,
  '/followups': (user) => allows(user, 'followups.read'),
  '/plans/filings': (user) => allows(user, 'plans.reviewFiling'),
  '/workitems': (user) => allows(user, 'workitems.read'),
  '/workitems/supervisions': (user) => allows(user, 'workitems.read'),
  // A member department's own page: for those who hold a department's seat.
  '/my-responsibilities': (user) => user.roles.some((r) => r.departmentId !== null && allows(user, 'responsibilities.read')),
  '/unitreports': (user) => allows(user, 'unitreports.read') || allows(user, 'unitreports.report') || allows(user, 'unitreports.reportArea'),
  '/evaluation': (user) => allows(user, 'evaluation.read'),
  '/workitems/points': (user) => allows(user, 'workitems.read'),
};

/** The entries that lead somewhere, sub-menus opened. */
const LEAF_ITEMS = MENU_ITEMS.flatMap((item) => (item && 'children' in item && item.children ? item.children : [item]));

function selectedMenuKey(pathname: string): string[] {
  // The longest key that starts the path: /reporting/tasks/3 is 填报任务, not 数据填报.
  const match = LEAF_ITEMS.filter((item) => item && pathname.startsWith(String(item.key))).sort((a, b) => String(b!.key).length - String(a!.key).length)[0];
  return match ? [String(match.key)] : [];
}

function UserBox() {
  const user = useCurrentUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const roles = [...new Set(user.roles.map((r) => ROLE_LABELS[r.role]))];
  const { message } = App.useApp();
  const [changingPassword, setChangingPassword] = useState(false);

  const onLogout = async () => {
    try {
      await logout();
    } finally {
      navigate('/login', { replace: true });
    }
  };

  const accountMenu: MenuProps = {
    items: [
      { key: 'password', icon: <LockOutlined />, label: '修改密码' },
      { key: 'tokens', icon: <ApiOutlined />, label: 'API 令牌' },
      { key: 'notifications', icon: <BellOutlined />, label: '通知设置' },
      { type: 'divider' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
    ],
    onClick: ({ key }) => {
      if (key === 'logout') void onLogout();
      else if (key === 'tokens') navigate('/account/tokens');
      else if (key === 'notifications') navigate('/account/notifications');
      else setChangingPassword(true);
    },
  };

  return (
    <div className="app-header__user">
      {roles.map((role) => (
        <Tag key={role} className="app-header__role" variant="filled" color="blue">
          {role}
        </Tag>
      ))}
      <Dropdown menu={accountMenu} trigger={['click']} placement="bottomRight">
        <Button type="text" aria-label={`账号：${user.displayName}`}>
          <UserOutlined aria-hidden="true" />
          <span className="app-header__name">{user.displayName}</span>
          <DownOutlined aria-hidden="true" />
        </Button>
      </Dropdown>
      {changingPassword && (
        <ChangePasswordModal
          onClose={() => setChangingPassword(false)}
          onChanged={() => {
            setChangingPassword(false);
            message.success('密码已修改，其他设备上的登录已失效');
          }}
        />
      )}
    </div>
  );
}

function Frame() {
  const location = useLocation();
  const user = useCurrentUser();
  const menuItems = MENU_ITEMS.filter((item) => SHOWN_TO[String(item?.key)]?.(user) ?? true);
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
        <NotificationBell />
        <UserBox />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={208} className="app-sider">
          <Menu mode="inline" selectedKeys={selectedMenuKey(location.pathname)} defaultOpenKeys={['analytics']} items={menuItems} aria-label="主导航" />
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
