import { Tag } from 'antd';
import { STATUS_LABELS, type ArticleListItem } from '../../../shared/api/publishing';
import { isScheduled } from './editor/articleForm';

const COLORS = { draft: 'default', review: 'gold', published: 'green', unpublished: 'red' } as const;

/** The workflow state; a published article whose time has not come reads 定时发布. */
export function ArticleStatusTag({ article }: { article: Pick<ArticleListItem, 'status' | 'publishAt'> }) {
  if (article.status === 'published' && isScheduled(article.publishAt)) return <Tag color="blue">定时发布</Tag>;
  return <Tag color={COLORS[article.status]}>{STATUS_LABELS[article.status]}</Tag>;
}
