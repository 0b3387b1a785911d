import { RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Result, Row } from 'antd';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ARTICLE_CATEGORIES, CATEGORY_LABELS, type ArticleCategory } from '../../../shared/api/publishing';
import { LoadError } from '../../components/LoadError';
import { PageLoading } from '../../components/PageLoading';
import { ArticleList } from './home/ArticleList';
import { EventsTimeline } from './home/EventsTimeline';
import { IndicatorHighlights } from './home/IndicatorHighlights';
import { OpenSurveys } from './home/OpenSurveys';
import { PublishedReports } from '../reports/PublishedReports';
import { SearchBox } from './SearchBox';
import { UnitPicker } from './UnitPicker';
import { usePortalUnits } from './usePortalUnits';

function Section({ id, title, more, children }: { id: string; title: string; more?: ReactNode; children: ReactNode }) {
  return (
    <Card variant="borderless" className="content-card portal-section" role="region" aria-labelledby={`${id}-h`}
      title={<h2 id={`${id}-h`} className="portal-section__title">{title}</h2>} extra={more}>
      {children}
    </Card>
  );
}

const more = (to: string, label: string) => (
  <Link to={to} aria-label={label} className="portal-section__more">
    更多 <RightOutlined aria-hidden="true" />
  </Link>
);

/** One category's articles, a full page of them with paging (the 「更多」 of a home list). */
function CategoryView({ category, orgUnitId, unitName }: { category: ArticleCategory; orgUnitId?: number; unitName: string }) {
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page')) || 1;
  return (
    <>
      <h1 className="portal-page-title">{unitName} · {CATEGORY_LABELS[category]}</h1>
      <Card variant="borderless" className="content-card">
        <ArticleList
          orgUnitId={orgUnitId}
          category={category}
          pageSize={15}
          withSummary
          initialPage={page}
          onPage={(p) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            setParams(next);
            window.scrollTo({ top: 0 });
          }}
        />
      </Card>
    </>
  );
}

/**
 * The portal's home, no login: the committee's news and notices, its 大事记, a few indicators,
 * open surveys and search. `?orgUnitId=` is a district's own section; the city's home also lists
 * the district articles it featured.
 */
export default function PortalHomePage() {
  const { units, unit, isTop, name, error, reload } = usePortalUnits();
  const [params, setParams] = useSearchParams();
  const category = ARTICLE_CATEGORIES.find((c) => c === params.get('category'));
  if (error && !units) return <LoadError error={error} onRetry={reload} />;
  if (!units) return <PageLoading />;
  if (!unit) {
    return <Result status="404" title="该单位没有公开栏目" extra={<Button type="primary" onClick={() => setParams({}, { replace: true })}>返回首页</Button>} />;
  }
  const orgUnitId = isTop ? undefined : unit.id;
  const unitQuery = orgUnitId ? `orgUnitId=${orgUnitId}&` : '';
  if (category) return <CategoryView key={`${unit.id}-${category}`} category={category} orgUnitId={orgUnitId} unitName={isTop ? name : unit.name} />;

  return (
    <>
      <section className="portal-hero" aria-labelledby="portal-title">
        <div className="portal-hero__text">
          <h1 id="portal-title" className="portal-hero__title">{isTop ? name : `${unit.name}妇女儿童工作委员会`}</h1>
          <p className="portal-hero__lead">
            {isTop ? '推进妇女儿童发展规划（2021—2030年）实施，发布工作动态、通知公告、监测数据与大事记。' : `${unit.name}的工作动态、通知公告、监测数据与大事记。`}
          </p>
        </div>
        <div className="portal-hero__tools">
          <label className="portal-hero__unit">
            <span>地区栏目</span>
            <UnitPicker value={unit.id} onChange={(id) => setParams(id === units[0]!.id ? {} : { orgUnitId: String(id) })} />
          </label>
          <SearchBox />
        </div>
      </section>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Section id="news" title="工作动态" more={more(`/portal?${unitQuery}category=news`, '更多工作动态')}>
            <ArticleList key={unit.id} orgUnitId={orgUnitId} category="news" pageSize={6} />
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section id="notices" title="通知公告" more={more(`/portal?${unitQuery}category=notice`, '更多通知公告')}>
            <ArticleList key={unit.id} orgUnitId={orgUnitId} category="notice" pageSize={6} />
          </Section>
        </Col>
        <Col xs={24}>
          <Section id="indicators" title="监测指标" more={more(`/portal/indicators${orgUnitId ? `?orgUnitId=${orgUnitId}` : ''}`, '查看全部公开指标')}>
            <IndicatorHighlights orgUnitId={orgUnitId} />
          </Section>
        </Col>
        <Col xs={24}>
          <Section id="reports" title="监测报告">
            <PublishedReports key={unit.id} orgUnitId={orgUnitId} />
          </Section>
        </Col>
        <Col xs={24} lg={14}>
          <Section id="events" title="大事记">
            <EventsTimeline key={unit.id} orgUnitId={orgUnitId} />
          </Section>
        </Col>
        <Col xs={24} lg={10}>
          <Section id="surveys" title="问卷调查">
            <OpenSurveys orgUnitId={unit.id} />
          </Section>
          <Section id="policy" title="政策文件" more={more(`/portal?${unitQuery}category=policy`, '更多政策文件')}>
            <ArticleList key={unit.id} orgUnitId={orgUnitId} category="policy" pageSize={5} />
          </Section>
        </Col>
      </Row>
    </>
  );
}
