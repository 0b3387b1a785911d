import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { inputOf, surveysApi, surveyUrls, type AccessCodeDto, type SurveyDto } from './api';

/** Publishing: the public link and its QR code, the collection period, who may answer, one-time codes. */
export function ShareTab({ survey, canEdit, onSaved }: { survey: SurveyDto; canEdit: boolean; onSaved: (s: SurveyDto) => void }) {
  const { message } = App.useApp();
  const link = surveyUrls.publicLink(survey.publicId);
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null]>([survey.opensAt ? dayjs(survey.opensAt) : null, survey.closesAt ? dayjs(survey.closesAt) : null]);
  const [accessMode, setAccessMode] = useState(survey.accessMode);
  const save = async () => {
    try {
      onSaved(await surveysApi.update(survey.id, { ...inputOf(survey), opensAt: period[0]?.toISOString() ?? null, closesAt: period[1]?.toISOString() ?? null, accessMode }));
      message.success('已保存');
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  return (
    <div className="survey-share">
      <Card title="链接与二维码" size="small">
        <Space orientation="vertical">
          <Space.Compact style={{ width: 460, maxWidth: '100%' }}>
            <Input readOnly value={link} aria-label="问卷链接" />
            <Button icon={<CopyOutlined />} onClick={() => void navigator.clipboard.writeText(link).then(() => message.success('链接已复制'))}>复制</Button>
          </Space.Compact>
          <img className="survey-qr" src={surveyUrls.qr(survey.id, 'png')} alt="问卷二维码" width={180} height={180} />
          <Space>
            <Button icon={<DownloadOutlined />} href={surveyUrls.qr(survey.id, 'png')}>下载 PNG</Button>
            <Button icon={<DownloadOutlined />} href={surveyUrls.qr(survey.id, 'svg')}>下载 SVG（印刷海报用）</Button>
          </Space>
          <Typography.Text type="secondary">答题页无需登录，匿名填写，不记录 IP 地址；同一浏览器只能提交一次，每个网络地址每分钟最多提交 60 次。</Typography.Text>
        </Space>
      </Card>
      <Card title="收集时间与答题范围" size="small">
        <Form layout="vertical" disabled={!canEdit}>
          <Form.Item label="开始与结束时间（不填则发布后一直收集，直到手动结束）">
            <DatePicker.RangePicker showTime allowEmpty={[true, true]} value={period} onChange={(v) => setPeriod([v?.[0] ?? null, v?.[1] ?? null])} />
          </Form.Item>
          <Form.Item label="谁可以作答">
            <Radio.Group value={accessMode} onChange={(e) => setAccessMode(e.target.value)} options={[{ value: 'open', label: '任何拿到链接的人' }, { value: 'code', label: '凭一次性访问码（如按学校发放的抽样调查）' }]} />
          </Form.Item>
          <Button type="primary" onClick={() => void save()}>保存</Button>
        </Form>
      </Card>
      {survey.accessMode === 'code' && canEdit && <CodesCard surveyId={survey.id} />}
    </div>
  );
}

function CodesCard({ surveyId }: { surveyId: number }) {
  const { data, reload } = useApiGet<AccessCodeDto[]>(surveyUrls.codes(surveyId));
  const [count, setCount] = useState(50);
  const [label, setLabel] = useState('');
  const { message } = App.useApp();
  const add = async () => {
    try {
      await surveysApi.addCodes(surveyId, { count, label: label || null });
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const used = data?.filter((c) => c.usedAt).length ?? 0;
  return (
    <Card title={`一次性访问码（共 ${data?.length ?? 0} 个，已用 ${used} 个）`} size="small">
      <Space style={{ marginBottom: 12 }} wrap>
        生成 <InputNumber min={1} max={2000} value={count} onChange={(v) => setCount(v ?? 1)} /> 个，发给
        <Input style={{ width: 200 }} placeholder="如：西岗区实验小学" value={label} onChange={(e) => setLabel(e.target.value)} />
        <Button onClick={() => void add()}>生成</Button>
      </Space>
      <Table<AccessCodeDto>
        size="small"
        rowKey="id"
        dataSource={data}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: '访问码', dataIndex: 'code', render: (c: string) => <Typography.Text code copyable>{c}</Typography.Text> },
          { title: '发放对象', dataIndex: 'label' },
          { title: '使用时间', dataIndex: 'usedAt', render: (t: string | null) => (t ? t.slice(0, 16).replace('T', ' ') : '未使用') },
        ]}
      />
    </Card>
  );
}
