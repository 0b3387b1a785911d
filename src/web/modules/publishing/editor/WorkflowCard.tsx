import { Button, Card, Popconfirm, Space, Tag } from 'antd';
import { ACTION_LABELS, type ArticleAction, type ArticleDto } from '../../../../shared/api/publishing';
import { articleUrls } from '../api';
import { localTime } from '../format';
import { ArticleStatusTag } from '../StatusTag';
import { isScheduled } from './articleForm';

const PRIMARY: readonly ArticleAction[] = ['submit', 'publish'];
const CONFIRM: Partial<Record<ArticleAction, string>> = { unpublish: '撤下后门户网站不再显示这篇文章，确定撤下？', return: '退回后文章回到草稿状态，确定退回？' };

/** Where the article stands and what can be done next; unsaved edits are saved before any step. */
export function WorkflowCard({ article, busy, onAct }: { article: ArticleDto; busy: boolean; onAct: (action: ArticleAction) => void }) {
  const label = (a: ArticleAction) => (a === 'publish' && isScheduled(article.publishAt) ? `定时发布（${localTime(article.publishAt)}）` : a === 'feature' ? '推荐到上级首页' : ACTION_LABELS[a]);
  return (
    <Card variant="borderless" className="content-card" title="状态与发布">
      <Space wrap size={[8, 8]} className="article-state">
        <ArticleStatusTag article={article} />
        {article.pinned && <Tag color="magenta">置顶</Tag>}
        {article.featured && <Tag color="purple">已推荐到上级首页</Tag>}
        {article.isDemo && <Tag>演示数据</Tag>}
      </Space>
      <p className="article-state__line">
        {article.visible ? (
          <>
            门户已显示 · <a href={articleUrls.publicPage(article.id)} target="_blank" rel="noreferrer">查看公开页面</a>
          </>
        ) : article.status === 'published' ? (
          `将于 ${localTime(article.publishAt)} 在门户显示`
        ) : (
          '门户不显示'
        )}
      </p>
      <p className="article-state__line">第 {article.version} 版 · {article.updatedBy} 于 {localTime(article.updatedAt)} 保存</p>
      <Space wrap>
        {article.actions.map((a) =>
          CONFIRM[a] ? (
            <Popconfirm key={a} title={CONFIRM[a]} okText="确定" cancelText="取消" onConfirm={() => onAct(a)}>
              <Button danger={a === 'unpublish'} disabled={busy}>{label(a)}</Button>
            </Popconfirm>
          ) : (
            <Button key={a} type={PRIMARY.includes(a) ? 'primary' : 'default'} disabled={busy} onClick={() => onAct(a)}>
              {label(a)}
            </Button>
          ),
        )}
      </Space>
    </Card>
  );
}
