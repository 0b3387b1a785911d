import { Layout } from 'antd';
import { Suspense } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { PageLoading } from '../../components/PageLoading';
import { publicUrls } from './api';
import { usePortalUnits } from './usePortalUnits';
import '../analytics/analytics.css';
import './portal.css';

/** The public portal's frame: the committee's name, the sections, no session needed. */
export default function PortalLayout() {
  const { name, unit, isTop } = usePortalUnits();
  const { pathname, search } = useLocation();
  // A district's section stays in the district while the visitor moves between its pages.
  const unitQuery = unit && !isTop ? `orgUnitId=${unit.id}` : '';
  const home = `/portal${unitQuery ? `?${unitQuery}` : ''}`;
  const category = new URLSearchParams(search).get('category');
  const sections = [
    { to: home, label: '首页', active: pathname === '/portal' && !category },
    { to: `/portal?${unitQuery ? `${unitQuery}&` : ''}category=news`, label: '工作动态', active: category === 'news' },
    { to: `/portal?${unitQuery ? `${unitQuery}&` : ''}category=notice`, label: '通知公告', active: category === 'notice' },
    { to: `/portal/indicators${unitQuery ? `?${unitQuery}` : ''}`, label: '指标公开', active: pathname.startsWith('/portal/indicators') },
  ];
  return (
    <Layout className="portal-shell">
      <header className="portal-header" role="banner">
        <div className="portal-header__inner">
          <Link to="/portal" className="portal-header__brand">
            <span className="portal-header__name">{name}</span>
            <span className="portal-header__tagline">妇女儿童发展规划 · 信息公开</span>
          </Link>
          <Link to="/login" className="portal-header__login">
            登录管理端
          </Link>
        </div>
        <nav className="portal-nav" aria-label="栏目">
          {sections.map((s) => (
            <NavLink key={s.label} to={s.to} className={() => `portal-nav__item${s.active ? ' is-active' : ''}`} aria-current={s.active ? 'page' : undefined} end>
              {s.label}
            </NavLink>
          ))}
          <Link to="/portal/search" className={`portal-nav__item${pathname === '/portal/search' ? ' is-active' : ''}`}>
            搜索
          </Link>
        </nav>
      </header>
      <Layout.Content className="portal-content">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="portal-footer">
        <p>{name} · 数据来源：各级妇女儿童工作委员会及成员单位，经统计监测组审核后公开。</p>
        <p>
          <a href={publicUrls.feed}>订阅最新文章（Atom）</a>
        </p>
      </Layout.Footer>
    </Layout>
  );
}
