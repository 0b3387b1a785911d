import { Alert, Drawer, Spin } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useApiGet } from '../../../http/useApiGet';
import { plansUrls, type PlanSource } from '../api';
import type { SourceHighlight } from './types';

interface SourceDrawerProps {
  planId: number;
  open: boolean;
  highlight: SourceHighlight | null;
  onClose: () => void;
}

/** The verbatim source text with line numbers, scrolled to and highlighting the lines of one goal or measure. */
export function SourceDrawer({ planId, open, highlight, onClose }: SourceDrawerProps) {
  const { data, error, loading } = useApiGet<PlanSource>(plansUrls.source(planId));
  const lines = useMemo(() => data?.text.split(/\r?\n/) ?? [], [data]);
  const firstHighlighted = useRef<HTMLLIElement>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!open || lines.length === 0) return;
    if (highlight) firstHighlighted.current?.scrollIntoView({ block: 'center' });
    else list.current?.scrollIntoView({ block: 'start' });
  }, [open, lines, highlight]);

  const isHighlighted = (lineNo: number) =>
    highlight !== null && lineNo >= highlight.lineStart && lineNo <= highlight.lineEnd;

  return (
    <Drawer
      title={data ? `原文：${data.name}` : '原文'}
      open={open}
      onClose={onClose}
      size={760}
      className="source-drawer"
    >
      {highlight && (
        <div className="source-drawer__context">
          {highlight.label} · 原文第 {highlight.lineStart}
          {highlight.lineEnd !== highlight.lineStart ? `—${highlight.lineEnd}` : ''} 行
        </div>
      )}
      {error && <Alert type="error" showIcon title="原文加载失败" description={error.message} />}
      {loading && !data && <Spin className="source-drawer__loading" description="正在加载原文…" />}
      {data && (
        <ol ref={list} className="source-text" aria-label="规划原文">
          {lines.map((line, index) => {
            const lineNo = index + 1;
            const highlighted = isHighlighted(lineNo);
            return (
              <li
                key={lineNo}
                ref={highlighted && lineNo === highlight?.lineStart ? firstHighlighted : undefined}
                className={highlighted ? 'source-line source-line--highlight' : 'source-line'}
                data-highlighted={highlighted || undefined}
              >
                <span className="source-line__no" aria-hidden="true">
                  {lineNo}
                </span>
                <span className="source-line__text">{line || '\u00a0'}</span>
              </li>
            );
          })}
        </ol>
      )}
    </Drawer>
  );
}
