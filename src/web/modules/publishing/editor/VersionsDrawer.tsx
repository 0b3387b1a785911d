import { Button, Drawer, Modal, Table } from 'antd';
import { useState } from 'react';
import { ACTION_LABELS } from '../../../../shared/api/publishing';
import { LoadError } from '../../../components/LoadError';
import { useApiGet } from '../../../http/useApiGet';
import { articleUrls, type ArticleVersion } from '../api';
import { localTime } from '../format';

const actionLabel = (a: string) => ACTION_LABELS[a as keyof typeof ACTION_LABELS] ?? a;

/**
 * Every saved version of an article (each save and each workflow step), newest first; any can be
 * read as it was, and its title and body copied into the editor to be saved as the newest.
 */
export function VersionsDrawer({ articleId, current, onRestore, onClose }: { articleId: number; current: number; onRestore: (v: ArticleVersion) => void; onClose: () => void }) {
  const { data, error, loading, reload } = useApiGet<ArticleVersion[]>(articleUrls.versions(articleId));
  const [viewing, setViewing] = useState<ArticleVersion | null>(null);
  return (
    <Drawer open title="历史版本" size={560} onClose={onClose}>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<ArticleVersion>
          rowKey="version"
          size="small"
          loading={loading}
          dataSource={data}
          pagination={false}
          columns={[
            { title: '版本', dataIndex: 'version', width: 60, render: (v: number) => (v === current ? `${v}（当前）` : v) },
            { title: '操作', dataIndex: 'action', width: 96, render: actionLabel },
            { title: '操作人', dataIndex: 'savedBy' },
            { title: '时间', dataIndex: 'savedAt', width: 140, render: localTime },
            { title: '', key: 'view', width: 60, render: (_: unknown, v) => <Button type="link" size="small" onClick={() => setViewing(v)} aria-label={`查看第 ${v.version} 版`}>查看</Button> },
          ]}
        />
      )}
      {viewing && (
        <Modal
          open
          width={760}
          title={`第 ${viewing.version} 版 · ${actionLabel(viewing.action)} · ${viewing.savedBy} · ${localTime(viewing.savedAt)}`}
          onCancel={() => setViewing(null)}
          footer={[
            <Button key="close" onClick={() => setViewing(null)}>关闭</Button>,
            viewing.version !== current && (
              <Button key="restore" type="primary" onClick={() => { onRestore(viewing); setViewing(null); }}>
                以此版本内容替换编辑中的标题和正文
              </Button>
            ),
          ]}
        >
          <h2 className="article-version__title">{viewing.title}</h2>
          {/* Sanitised by the server when it was saved. */}
          <div className="article-body article-version__body" dangerouslySetInnerHTML={{ __html: viewing.bodyHtml }} />
        </Modal>
      )}
    </Drawer>
  );
}
