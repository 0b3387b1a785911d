import { Tag } from 'antd';
import { useMemo } from 'react';
import type { GridDto } from '../../../../shared/api/reporting';
import { OPTION_LABELS, type OptionCode } from '../../../../shared/monitoring/validation';
import type { IssueDto } from '../api';
import { changeText, formatNumber } from '../format';
import { CellInput, type CellHandlers } from './CellInput';
import type { EntryState } from './entryState';
import { cellKey, liveValue, type GridSection } from './gridModel';
import type { AuditScope } from './HistoryButton';

interface EntryGridProps {
  state: EntryState;
  sections: GridSection[];
  values: ReadonlyMap<string, number | null>;
  editable: boolean;
  handlers: CellHandlers;
  commentKey: string | null;
  audit: AuditScope;
}

const ROLE_TAGS = { numerator: '分子', denominator: '分母' } as const;

/** Label columns take the room that few option columns leave, so long names stay on one or two lines. */
function labelWidths(optionCount: number): { indicator: number; item: number } {
  if (optionCount <= 1) return { indicator: 300, item: 380 };
  if (optionCount <= 3) return { indicator: 240, item: 280 };
  return { indicator: 168, item: 168 };
}

interface DerivedRowProps {
  section: GridSection;
  options: GridDto['options'];
  values: EntryGridProps['values'];
  derived: GridDto['derived'];
  editable: boolean;
}

function DerivedRow({ section, options, values, derived, editable }: DerivedRowProps) {
  const meta = section.meta;
  const decimals = meta?.decimals ?? 2;
  const server = (o: OptionCode) => derived.find((d) => d.indicatorId === section.indicatorId && d.option === o);
  return (
    <tr className="entry-grid__derived">
      <th scope="row" className="entry-grid__item">
        <span className="entry-grid__derived-label">指标值</span>
        <span className="entry-grid__hint">{!editable ? '由分子、分母计算' : meta ? '随输入自动计算' : '保存后计算'}</span>
      </th>
      <td className="entry-grid__unit">{meta?.unit ?? ''}</td>
      {options.map(({ code }) => {
        if (!section.derivedOptions.includes(code)) return <td key={code} className="entry-grid__none" aria-label="不分组" />;
        const now = meta ? liveValue(meta, values, code) : (server(code)?.value ?? null);
        const before = server(code)?.previous ?? null;
        const change = changeText(now, before);
        return (
          <td key={code} className="entry-grid__value" data-derived={`${section.indicatorId}:${code}`}>
            <div className="entry-derived-cell">
              <div className="entry-derived num" aria-label={`${section.indicatorName}（${OPTION_LABELS[code]}）`}>
                {formatNumber(now, decimals)}
              </div>
              <div className="entry-cell__meta">
                <span className="entry-cell__previous">
                  上年 <span className="num">{formatNumber(before, decimals)}</span>
                </span>
                {change && <span className="entry-derived__change">{change.replace('较上年 ', '')}</span>}
              </div>
            </div>
          </td>
        );
      })}
    </tr>
  );
}

/** The entry table: indicator blocks of data rows × option columns, each ratio followed by its computed value. */
export function EntryGrid({ state, sections, values, editable, handlers, commentKey, audit }: EntryGridProps) {
  const { grid } = state;
  const issuesByCell = useMemo(() => {
    const map = new Map<string, IssueDto[]>();
    for (const issue of state.issues) {
      const key = cellKey(issue.dataElementId, issue.option);
      map.set(key, [...(map.get(key) ?? []), issue]);
    }
    return map;
  }, [state.issues]);

  return (
    <div className="entry-grid-wrap">
      <table className="entry-grid" aria-label="数据填报表">
        <colgroup>
          <col style={{ width: labelWidths(grid.options.length).indicator }} />
          <col style={{ width: labelWidths(grid.options.length).item }} />
          <col style={{ width: 60 }} />
          {grid.options.map((o) => (
            <col key={o.code} className="entry-grid__col-option" />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">指标</th>
            <th scope="col">填报项</th>
            <th scope="col">单位</th>
            {grid.options.map((o) => (
              <th scope="col" key={o.code} className="entry-grid__option-head">
                {o.name}
              </th>
            ))}
          </tr>
        </thead>
        {sections.map((section) => {
          const span = section.rows.length + section.sharedParts.length + (section.isRatio ? 1 : 0);
          return (
            <tbody key={section.indicatorId} className="entry-grid__section">
              {section.rows.map((row, i) => (
                <tr key={row.dataElementId}>
                  {i === 0 && (
                    <th scope="rowgroup" rowSpan={span} className="entry-grid__indicator">
                      <div className="entry-grid__indicator-name">{section.indicatorName}</div>
                      <div className="entry-grid__code">{section.indicatorCode}</div>
                    </th>
                  )}
                  <th scope="row" className="entry-grid__item">
                    {row.role !== 'value' && (
                      <Tag className="entry-grid__role" variant="filled" color={row.role === 'numerator' ? 'geekblue' : 'purple'}>
                        {ROLE_TAGS[row.role]}
                      </Tag>
                    )}
                    <span>{row.role === 'value' ? '填报值' : row.dataElementName}</span>
                  </th>
                  <td className="entry-grid__unit">{row.unit ?? ''}</td>
                  {grid.options.map(({ code }) => {
                    const key = cellKey(row.dataElementId, code);
                    const cell = state.cells[key];
                    if (!cell) return <td key={code} className="entry-grid__none" aria-label="不分组" />;
                    return (
                      <td key={code} className="entry-grid__value">
                        <CellInput
                          cell={cell}
                          editable={editable}
                          issues={issuesByCell.get(key)}
                          commentOpen={commentKey === key}
                          handlers={handlers}
                          audit={audit}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
              {section.sharedParts.map((part) => (
                <tr key={`shared-${part.role}`} className="entry-grid__shared">
                  <th scope="row" className="entry-grid__item">
                    <Tag className="entry-grid__role" variant="filled" color={part.role === 'numerator' ? 'geekblue' : 'purple'}>
                      {ROLE_TAGS[part.role]}
                    </Tag>
                    <span>{part.name}</span>
                  </th>
                  <td colSpan={grid.options.length + 1} className="entry-grid__shared-note">
                    与“{part.inIndicator}”共用，已在上方填写
                  </td>
                </tr>
              ))}
              {section.isRatio && <DerivedRow section={section} options={grid.options} values={values} derived={grid.derived} editable={editable} />}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
