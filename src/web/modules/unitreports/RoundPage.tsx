import { BellOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { ParticipantDto } from '../../../shared/api/unitreports';
import { isOutstanding } from '../../../shared/unitreports/workflow';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { unitReportsApi, unitReportsUrls, type RoundDto } from './api';
import { FormStateTag, OverdueText } from './FormStateTag';
import './unitreports.css';

const local = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '');

/** One round: every participant's state, overdue ones highlighted, 催报, the compilation and the table of submissions. */
export default function RoundPage() {
  const id = Number(useParams().id);
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApiGet<RoundDto>(unitReportsUrls.round(id));
  const [selected, setSelected] = useState<number[]>([]);
  const [reminding, setReminding] = useState(false);
  useDemoData(data?.isDemo ?? false);
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <PageLoading />;
  const round = data!;
  const outstanding = round.participants.filter((p) => isOutstanding(p.state));
  const remind = async () => {
    setReminding(true);
    try {
      const { reminded } = await unitReportsApi.remind(round.id, selected.length ? selected : undefined);
      message.success(`已向 ${reminded} 个单位发出催报通知`);
      setSelected([]);
      reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setReminding(false);
    }
  };
  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/unitreports">年度报告</Link>}
        title={`${round.orgUnit.name}${round.year}年度规划实施情况报告`}
        extra={
          <Space wrap>
            <Button icon={<DownloadOutlined />} href={unitReportsUrls.submissions(round.id)} download>报送情况表</Button>
            <Button icon={<DownloadOutlined />} href={unitReportsUrls.compiled(round.id)} download disabled={round.counts.accepted === 0} title={round.counts.accepted === 0 ? '还没有已接收的报告' : undefined}>
              下载报告汇编
            </Button>
            {round.canManage && (
              <Button type="primary" icon={<BellOutlined />} loading={reminding} disabled={outstanding.length === 0} onClick={() => void remind()}>
                {selected.length ? `催报所选 ${selected.length} 个单位` : `催报（${outstanding.length}）`}
              </Button>
            )}
          </Space>
        }
      />
      <Descriptions size="small" bordered column={3} style={{ marginBottom: 16 }}
        items={[
          { key: 'due', label: '截止日期', children: round.dueOn },
          { key: 'total', label: '应报单位', children: `${round.total} 个` },
          {
            key: 'counts', label: '报送情况',
            children: (
              <Space size={4} wrap>
                <Tag color="success">已接收 {round.counts.accepted}</Tag>
                <Tag color="processing">已提交 {round.counts.submitted}</Tag>
                <Tag color="error">已退回 {round.counts.returned}</Tag>
                <Tag>未提交 {round.counts.draft}</Tag>
                {round.overdue > 0 && <span className="unitreports-overdue">逾期 {round.overdue}</span>}
              </Space>
            ),
          },
          ...(round.note ? [{ key: 'note', label: '说明', span: 3, children: round.note }] : []),
        ]}
      />
      <Table<ParticipantDto>
        rowKey="formId" size="small" pagination={false} dataSource={round.participants}
        rowSelection={round.canManage ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (p) => ({ disabled: !isOutstanding(p.state), name: p.name }) } : undefined}
        rowClassName={(p) => (isOutstanding(p.state) && p.overdueDays > 0 ? 'unitreports-row--overdue' : '')}
        columns={[
          { title: '报送单位', dataIndex: 'name', render: (name: string, p) => <Link to={`/unitreports/forms/${p.formId}`}>{name}</Link> },
          { title: '类别', dataIndex: 'kind', width: 110, render: (k: ParticipantDto['kind']) => (k === 'area' ? '下级妇儿工委' : '成员单位') },
          { title: '状态', dataIndex: 'state', width: 170, render: (_: unknown, p) => <><FormStateTag state={p.state} /><OverdueText days={p.overdueDays} /></> },
          { title: '提交时间', dataIndex: 'submittedAt', width: 150, render: local },
          { title: '接收时间', dataIndex: 'acceptedAt', width: 150, render: local },
          { title: '最近催报', dataIndex: 'remindedAt', width: 150, render: local },
          { title: '退回原因', dataIndex: 'returnedReason', ellipsis: true, render: (r: string | null, p) => (p.state === 'returned' ? r : '') },
        ]}
      />
    </>
  );
}
