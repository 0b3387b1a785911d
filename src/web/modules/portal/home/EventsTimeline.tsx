import { Empty, Image, Segmented, Timeline } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { LoadError } from '../../../components/LoadError';
import { PageLoading } from '../../../components/PageLoading';
import { useApiGet } from '../../../http/useApiGet';
import { publicUrls, type EventDto } from '../api';
import { eventsByYear } from './eventsByYear';

const when = (date: string | null) => (date ? (date.length > 4 ? `${Number(date.slice(5, 7))}月` : '') : '');

/** 大事记: the unit's major events, one year at a time, the newest year first. */
export function EventsTimeline({ orgUnitId }: { orgUnitId?: number }) {
  const { data, error, reload } = useApiGet<EventDto[]>(publicUrls.events(orgUnitId));
  const years = useMemo(() => eventsByYear(data ?? []), [data]);
  const [chosen, setChosen] = useState<string | null>(null);
  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  if (years.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无大事记" />;
  const year = years.find((y) => y.year === chosen) ?? years[0]!;
  return (
    <>
      <Segmented<string>
        className="portal-events__years"
        value={year.year}
        onChange={setChosen}
        options={years.map((y) => ({ value: y.year, label: y.year === '' ? '其他' : `${y.year}年` }))}
        aria-label="选择年份"
      />
      <Timeline
        className="portal-events"
        items={year.events.map((e) => ({
          key: e.id,
          content: (
            <article className="portal-event">
              <h3 className="portal-event__title">
                {when(e.date) && <span className="portal-event__when">{when(e.date)}</span>}
                {e.title}
              </h3>
              <p className="portal-event__text">{e.text}</p>
              {e.pictures.length > 0 && (
                <div className="portal-event__pictures">
                  <Image.PreviewGroup>
                    {e.pictures.map((p, i) => (
                      <Image key={p.id} src={p.url} width={112} height={80} alt={`${e.title}（图${i + 1}）`} />
                    ))}
                  </Image.PreviewGroup>
                </div>
              )}
              {e.indicatorId && (
                <Link to={`/portal/indicators/${e.indicatorId}`} className="portal-event__link">
                  相关指标
                </Link>
              )}
              {e.linkUrl && (
                <a href={e.linkUrl} className="portal-event__link">
                  相关链接
                </a>
              )}
            </article>
          ),
        }))}
      />
    </>
  );
}
