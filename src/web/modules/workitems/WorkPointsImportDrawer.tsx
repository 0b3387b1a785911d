import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Drawer, Input, InputNumber, List, Select, Space, Table, Tabs, Tag, Upload } from 'antd';
import { useState } from 'react';
import type { PreviewPointDto } from '../../../shared/api/workPoints';
import { pointToSave } from '../../../shared/workitems/workPoints';
import { errorMessage } from '../../http/client';
import { workPointsApi, type PreviewDto } from './workPointsApi';

type Row = Omit<PreviewPointDto, 'children'> & { key: string; children?: Row[] };
type Unit = PreviewPointDto['leads'][number];
type Role = 'leads' | 'partners' | 'mentioned';
const rows = (points: PreviewPointDto[], path = ''): Row[] =>
  points.map((p, i) => ({ ...p, key: `${path}${i}`, children: p.children.length ? rows(p.children, `${path}${i}.`) : undefined }));
const count = (points: PreviewPointDto[]): number => points.reduce((n, p) => n + 1 + count(p.children), 0);
/** Which unmatched name of which point a person picked a department for: `${row key}|${role}|${name}`. */
const pickKey = (row: string, role: Role, name: string) => `${row}|${role}|${name}`;

/** The preview with the departments a person picked for names that matched none. */
function withPicks(points: PreviewPointDto[], picked: Record<string, number>, departments: { id: number; name: string }[], path = ''): PreviewPointDto[] {
  return points.map((p, i) => {
    const key = `${path}${i}`;
    const pick = (role: Role) => (u: Unit): Unit => {
      const id = u.departmentId === null ? picked[pickKey(key, role, u.name)] : undefined;
      return id === undefined ? u : { ...u, departmentId: id, departmentName: departments.find((d) => d.id === id)?.name ?? null };
    };
    return { ...p, leads: p.leads.map(pick('leads')), partners: p.partners.map(pick('partners')), mentioned: p.mentioned.map(pick('mentioned')), children: withPicks(p.children, picked, departments, `${key}.`) };
  });
}

function Units({ point, departments, picked, onPick }: { point: Row; departments: { id: number; name: string }[]; picked: Record<string, number>; onPick: (key: string, id: number | undefined) => void }) {
  const tag = (u: Unit, role: Role) => {
    const label = role === 'leads' ? '牵头' : '配合';
    if (u.departmentId !== null) return <Tag key={`${role}${u.name}`} color={role === 'leads' ? 'blue' : undefined} title={`${u.name} → ${u.departmentName}`}>{label}：{u.departmentName}</Tag>;
    const key = pickKey(point.key, role, u.name);
    return (
      <Select key={key} size="small" allowClear style={{ width: 230, margin: '2px 0' }} value={picked[key]} placeholder={`${label}：${u.name}（请选择成员单位）`} aria-label={`${u.name}对应的成员单位`}
        options={departments.map((d) => ({ value: d.id, label: `${label}：${d.name}` }))} optionFilterProp="label" showSearch onChange={(id: number | undefined) => onPick(key, id)} />
    );
  };
  return <>{point.leads.map((u) => tag(u, 'leads'))}{point.partners.map((u) => tag(u, 'partners'))}{point.mentioned.map((u) => tag(u, 'mentioned'))}</>;
}

/**
 * A year's 工作要点 from a file (.txt, .docx or .xlsx) or pasted text: the tree as read, with the units
 * matched to member departments and warnings naming lines; saved for the year after a look.
 */
export function WorkPointsImportDrawer({ orgUnit, departments, onClose, onSaved }: {
  orgUnit: { id: number; name: string };
  /** The committee's member departments, for names the text uses that matched none. */
  departments: { id: number; name: string }[];
  onClose: () => void;
  onSaved: (year: number) => void;
}) {
  const { message } = App.useApp();
  const [year, setYear] = useState<number | null>(null);
  const [pasted, setPasted] = useState('');
  const [source, setSource] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewDto | null>(null);
  const [picked, setPicked] = useState<Record<string, number>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = year ?? preview?.year ?? null;

  const read = async (file: File) => {
    setBusy(true);
    setProblem(null);
    setSource(file.name);
    try {
      setPreview(await workPointsApi.preview(file, { orgUnitId: orgUnit.id, year: year ?? undefined }));
      setPicked({});
    } catch (e) {
      setProblem(errorMessage(e));
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };
  const save = async () => {
    if (!preview || target === null) return;
    setBusy(true);
    try {
      const result = await workPointsApi.import({ orgUnitId: orgUnit.id, year: target, points: withPicks(preview.points, picked, departments).map(pointToSave) });
      message.success(`已保存 ${target} 年工作要点 ${result.saved} 条`);
      onSaved(target);
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open width={1000} title={`导入工作要点：${orgUnit.name}`} onClose={onClose}
      extra={<Button type="primary" disabled={!preview || target === null} loading={busy} onClick={() => void save()}>保存{preview && target !== null ? ` ${target} 年 ${count(preview.points)} 条` : ''}</Button>}
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Space>
          年度
          <InputNumber<number> min={2000} max={2100} value={year} onChange={setYear} placeholder="按标题" aria-label="导入年度" />
          <span className="workitems-milestone__figure">不填则按标题中的“某年工作要点”</span>
        </Space>
        <Tabs items={[
          {
            key: 'file', label: '上传文件',
            children: (
              <Upload.Dragger accept=".txt,.docx,.xlsx" maxCount={1} showUploadList={false} beforeUpload={(f) => { void read(f); return false; }}>
                <p className="ant-upload-drag-icon"><InboxOutlined /></p>
                <p>{source && source !== '粘贴的文字.txt' ? source : '点击或拖入工作要点文件'}</p>
                <p className="ant-upload-hint">.txt（UTF-8 或 GB18030）、.docx 或 .xlsx，最大 5 MB。文字识别“一、”“（一）”“1.”“（1）”各级编号；Excel 可用「导出 Excel」的表修改后导入，或按“序号、工作要点、责任单位、完成时限、实事项目”列制表（第一个工作表，最多 1000 行）。先预览，确认后保存；该年度已有备案、通报时不能整体替换。</p>
              </Upload.Dragger>
            ),
          },
          {
            key: 'paste', label: '粘贴文字',
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input.TextArea value={pasted} onChange={(e) => setPasted(e.target.value)} autoSize={{ minRows: 6, maxRows: 14 }} placeholder="把工作要点全文粘贴到这里" aria-label="工作要点文字" />
                <Button disabled={!pasted.trim()} loading={busy} onClick={() => void read(new File([pasted], '粘贴的文字.txt', { type: 'text/plain' }))}>识别</Button>
              </Space>
            ),
          },
        ]} />
        {problem && <Alert type="error" showIcon message={problem} />}
        {preview && (
          <>
            <Alert type="info" showIcon message={`${preview.title ?? source}：${target ?? '（请填写年度）'} 年，${preview.points.length} 个部分、共 ${count(preview.points)} 条`} />
            {preview.warnings.length > 0 && (
              <Alert type="warning" showIcon message={`${preview.warnings.length} 条提示`} description={<List size="small" dataSource={preview.warnings} renderItem={(w) => <List.Item>{w.message}</List.Item>} />} />
            )}
            <Table<Row> size="small" pagination={false} dataSource={rows(preview.points)} expandable={{ defaultExpandAllRows: true }} className="workpoints-preview"
              columns={[
                { title: '条目', key: 'title', render: (_, p) => <><b>{p.label}{p.title}</b>{p.practical && <Tag color="red" style={{ marginLeft: 6 }}>实事项目</Tag>}<div className="workpoints-text">{p.text}</div></> },
                { title: '单位', key: 'units', width: 260, render: (_, p) => <Units point={p} departments={departments} picked={picked} onPick={(key, id) => setPicked(({ [key]: _old, ...rest }) => (id === undefined ? rest : { ...rest, [key]: id }))} /> },
                { title: '时限', dataIndex: 'dueOn', width: 110, render: (d: string | null) => d ?? '' },
                { title: '行', dataIndex: 'line', width: 56 },
              ]}
            />
          </>
        )}
      </Space>
    </Drawer>
  );
}
