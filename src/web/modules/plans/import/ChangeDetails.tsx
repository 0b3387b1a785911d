import { Link } from 'react-router-dom';
import { LINK_FLAG_LABELS, type ChangeDetailDto, type IndicatorRefDto, type LinkReportDto } from '../../../../shared/api/plans';

const IndicatorLink = ({ indicator }: { indicator: IndicatorRefDto }) => (
  <Link to={`/indicators/${indicator.id}`}>
    {indicator.code} {indicator.name}
  </Link>
);

/** Each change as before → after: a goal's wording, or one of its targets. */
export function ChangeDetails({ details }: { details: ChangeDetailDto[] }) {
  if (details.length === 0) return null;
  return (
    <table className="change-details" aria-label="修改前后对照">
      <thead>
        <tr>
          <th>位置</th>
          <th>内容</th>
          <th>修改前</th>
          <th>修改后</th>
        </tr>
      </thead>
      <tbody>
        {details.map((d, i) => (
          <tr key={i}>
            <td className="nowrap">{d.item}</td>
            <td>{d.what}</td>
            <td className="change-details__before">{d.before}</td>
            <td className="change-details__after">{d.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What an import did to the links with the indicator dictionary. */
export function LinkReport({ links, verb }: { links: LinkReportDto; verb: string }) {
  const empty = Object.values(links).every((list) => list.length === 0);
  if (empty) return null;
  return (
    <dl className="outcome__details link-report">
      {links.linked.length > 0 && (
        <div className="outcome__group">
          <dt>{verb}关联已有指标（{links.linked.length}）</dt>
          <dd>
            {links.linked.map((l, i) => (
              <span key={i} className="link-report__item">
                {l.target} → <IndicatorLink indicator={l.indicator} />
              </span>
            ))}
          </dd>
        </div>
      )}
      {links.ambiguous.length > 0 && (
        <div className="outcome__group">
          <dt>有歧义，未关联（{links.ambiguous.length}）</dt>
          <dd>
            {links.ambiguous.map((a, i) => (
              <span key={i} className="link-report__item">
                {a.target}：可能是 {a.candidates.map((c) => `${c.code} ${c.name}`).join('、')}（请在“从规划生成指标”中选择）
              </span>
            ))}
          </dd>
        </div>
      )}
      {links.carried.length > 0 && (
        <div className="outcome__group">
          <dt>{verb}更新指标目标（{links.carried.length}）</dt>
          <dd>
            {links.carried.map((c, i) => (
              <span key={i} className="link-report__item">
                <IndicatorLink indicator={c.indicator} />：{c.before} → {c.after}
              </span>
            ))}
          </dd>
        </div>
      )}
      {links.restored.length > 0 && (
        <div className="outcome__group">
          <dt>{verb}恢复关联（{links.restored.length}）</dt>
          <dd>
            {links.restored.map((r, i) => (
              <span key={i} className="link-report__item">
                {r.item} → <IndicatorLink indicator={r.indicator} />
              </span>
            ))}
          </dd>
        </div>
      )}
      {links.flagged.length > 0 && (
        <div className="outcome__group">
          <dt>待处理（{links.flagged.length}）</dt>
          <dd>
            {links.flagged.map((f, i) => (
              <span key={i} className="link-report__item">
                【{LINK_FLAG_LABELS[f.kind]}】<IndicatorLink indicator={f.indicator} />：{f.message}
              </span>
            ))}
          </dd>
        </div>
      )}
    </dl>
  );
}
