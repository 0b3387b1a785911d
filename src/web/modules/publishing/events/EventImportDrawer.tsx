import { Alert, App, Button, Drawer, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { EVENT_LIMITS } from '../../../../shared/api/publishing';
import { errorMessage } from '../../../http/client';
import { eventsApi, type EventImportResult } from '../api';

type Parsed = EventImportResult['events'][number];

/**
 * Imports a 大事记 text as `halfsky publish import-events` does: first a preview of what was read
 * (numbers, titles, dates, page breaks joined), then the import; the same number again updates it.
 */
export function EventImportDrawer({ orgUnitId, unitName, onImported, onClose }: { orgUnitId: number; unitName: string; onImported: () => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<EventImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const result = await eventsApi.import(orgUnitId, text, dryRun);
      if (dryRun) setPreview(result);
      else {
        message.success(`已导入：新增 ${result.outcome!.added} 条，更新 ${result.outcome!.updated} 条`);
        onImported();
      }
    } catch (e) {
      setPreview(null);
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open size={880} title={`从文本导入大事记 · ${unitName}`} onClose={onClose} destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => void run(true)} loading={busy && !preview} disabled={!text.trim()}>预览</Button>
          <Button type="primary" onClick={() => void run(false)} loading={busy && !!preview} disabled={!preview || preview.events.length === 0}>
            {preview ? `导入 ${preview.events.length} 条` : '导入'}
          </Button>
        </Space>
      }
    >
      <p className="events-import__help">
        粘贴大事记全文：每条以编号标题开头（如「1.启动农村妇女“两癌”免费检查」），下面是正文；日期取自正文开头（「2011年3月，…」）。
        从 PDF 或 Word 复制时分页造成的断句会自动接上。再次导入同一编号会更新原有内容。
      </p>
      <Input.TextArea
        aria-label="大事记文本"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setPreview(null);
        }}
        maxLength={EVENT_LIMITS.importChars}
        autoSize={{ minRows: 8, maxRows: 16 }}
        placeholder={'1.标题\n2011年3月，……'}
      />
      {error && <Alert type="error" showIcon className="events-import__alert" title={error} />}
      {preview && (
        <section aria-label="预览" className="events-import__preview">
          <h2 className="events-import__title">预览：识别出 {preview.events.length} 条{preview.heading ? `（${preview.heading}）` : ''}</h2>
          {preview.warnings.length > 0 && <Alert type="warning" showIcon className="events-import__alert" title="请核对" description={<ul>{preview.warnings.map((w) => <li key={w}>{w}</li>)}</ul>} />}
          <Table<Parsed>
            rowKey="no"
            size="small"
            dataSource={preview.events}
            pagination={false}
            columns={[
              { title: '编号', dataIndex: 'no', width: 60 },
              { title: '日期', dataIndex: 'date', width: 90, render: (d: string | null) => d ?? <span className="events-import__missing">未识别</span> },
              { title: '标题', dataIndex: 'title', width: 220 },
              { title: '正文', dataIndex: 'text', render: (t: string) => <span className="events-import__text">{t}</span> },
            ]}
          />
        </section>
      )}
    </Drawer>
  );
}
