import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, InputNumber, List, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import { formatNumber } from '../../../shared/format';
import { PERIOD_LABELS } from '../../../shared/workitems/milestones';
import { errorMessage } from '../../http/client';
import { workitemsApi, type ImportResultDto } from './api';

type PreviewItem = ImportResultDto['items'][number];

/** Choose the table (.txt copied out of Word, or .xlsx), preview what was read, then save it for the year. */
export function ImportDrawer({ orgUnit, onClose, onSaved }: { orgUnit: { id: number; name: string }; onClose: () => void; onSaved: (year: number) => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportResultDto | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (chosen: File, dryRun: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await workitemsApi.importFile(chosen, { orgUnitId: orgUnit.id, year: year ?? undefined, dryRun });
      if (dryRun) setPreview(result);
      else {
        message.success(`已保存 ${result.year} 年重要事项 ${result.items.length} 项`);
        onSaved(result.year);
      }
    } catch (e) {
      setProblem(errorMessage(e));
      if (dryRun) setPreview(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open width={960} title={`导入重要事项表：${orgUnit.name}`} onClose={onClose}
      extra={<Button type="primary" disabled={!preview || !file} loading={busy} onClick={() => file && void run(file, false)}>保存 {preview ? `${preview.year} 年 ${preview.items.length} 项` : ''}</Button>}
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Space>
          年度
          <InputNumber<number> min={2000} max={2100} value={year} onChange={setYear} placeholder="按标题" aria-label="导入年度" />
          <span className="workitems-milestone__figure">不填则按表格标题中的年份</span>
        </Space>
        <Upload.Dragger accept=".txt,.tsv,.xlsx" maxCount={1} showUploadList={false} beforeUpload={(f) => { setFile(f); void run(f, true); return false; }}>
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p>{file ? file.name : '点击或拖入重要事项推进计划表'}</p>
          <p className="ant-upload-hint">从 Word 表格复制后存为 .txt（UTF-8 或 GB18030），或 .xlsx；最大 5 MB。先预览，确认后保存；该年度已有进展或督办时不能整表替换。</p>
        </Upload.Dragger>
        {problem && <Alert type="error" showIcon message={problem} />}
        {preview && (
          <>
            <Alert type="info" showIcon message={`${preview.title ?? file?.name}：${preview.year} 年，共 ${preview.items.length} 项`} />
            {preview.warnings.length > 0 && (
              <Alert type="warning" showIcon message={`${preview.warnings.length} 条提示`} description={<List size="small" dataSource={preview.warnings} renderItem={(w) => <List.Item>{w.line ? `第 ${w.line} 行：` : ''}{w.message}</List.Item>} />} />
            )}
            <Table<PreviewItem> rowKey="no" size="small" pagination={false} dataSource={preview.items}
              columns={[
                { title: '序号', dataIndex: 'no', width: 56 },
                { title: '事项名称', dataIndex: 'name' },
                { title: '牵头单位', dataIndex: 'leads', width: 200, render: (l: PreviewItem['leads']) => l.map((u) => `${u.name}${u.departmentId === null ? '（非成员单位）' : ''}`).join('、') },
                { title: '节点目标', dataIndex: 'milestones', width: 280, render: (ms: PreviewItem['milestones']) => ms.map((m) => <div key={m.period}>{PERIOD_LABELS[m.period]}：{m.value === null ? '（文字目标）' : `${formatNumber(m.value)}${m.unit ?? ''}`}{m.due ? `，${m.due} 前` : ''}</div>) },
              ]}
            />
          </>
        )}
      </Space>
    </Drawer>
  );
}
