import { App, Button, Space, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useDemoData } from '../../components/DemoData';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { errorMessage } from '../../http/client';
import { useApiGet } from '../../http/useApiGet';
import { surveysApi, surveyUrls, type SurveyDto } from './api';
import { BuilderTab } from './builder/BuilderTab';
import { FeedsTab } from './FeedsTab';
import { ShareTab } from './ShareTab';
import { StatsTab } from './stats/StatsTab';
import { AudienceTag, SurveyStateTag } from './StatusTag';
import { ownerName } from './owner';
import './surveys.css';

export default function SurveyPage() {
  const id = Number(useParams().id);
  const loaded = useApiGet<SurveyDto>(surveyUrls.one(id));
  const rights = useApiGet<{ manage: boolean; read: boolean; feed: boolean }>(surveyUrls.rights(id)).data;
  const [saved, setSaved] = useState<SurveyDto | null>(null);
  const survey = saved?.id === id ? saved : loaded.data;
  const navigate = useNavigate();
  const { message } = App.useApp();
  useDemoData(survey?.isDemo ?? false);
  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!survey || !rights) return <PageLoading />;

  const act = async (run: () => Promise<SurveyDto>, done: string) => {
    try {
      const next = await run();
      if (next.id !== survey.id) navigate(`/surveys/${next.id}`);
      else setSaved(next);
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e));
    }
  };
  const other = survey.audience === 'adult' ? 'child' : 'adult';
  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/surveys">问卷调查</Link>}
        title={<Space>{survey.title}<AudienceTag audience={survey.audience} /><SurveyStateTag state={survey.state} />{survey.isDemo && <Tag>演示数据</Tag>}</Space>}
        description={`${survey.orgUnit.name} · 发起单位：${ownerName(survey)} · 已收到 ${survey.responses.toLocaleString('zh-CN')} 份答卷`}
        extra={
          rights.manage && (
            <Space wrap>
              {survey.status !== 'open' && <Button type="primary" onClick={() => void act(() => surveysApi.publish(id), '已发布，开始收集')}>发布</Button>}
              {survey.status === 'open' && <Button onClick={() => void act(() => surveysApi.close(id), '已结束收集')}>结束收集</Button>}
              <Button onClick={() => void act(() => surveysApi.copy(id, { audience: other, asVariant: true }), `已生成${other === 'child' ? '儿童版' : '成人版'}`)}>生成{other === 'child' ? '儿童版' : '成人版'}</Button>
              <Button onClick={() => void act(() => surveysApi.copy(id, {}), '已复制为新问卷')}>复制</Button>
            </Space>
          )
        }
      />
      <Tabs
        destroyOnHidden
        defaultActiveKey={survey.responses > 0 ? 'stats' : 'design'}
        items={[
          { key: 'design', label: '设计', children: <BuilderTab key={survey.updatedAt} survey={survey} canEdit={rights.manage} onSaved={setSaved} /> },
          { key: 'share', label: '发布与分享', children: <ShareTab key={survey.updatedAt} survey={survey} canEdit={rights.manage} onSaved={setSaved} /> },
          { key: 'stats', label: '统计分析', children: <StatsTab survey={survey} /> },
          ...(rights.feed ? [{ key: 'feeds', label: '写入指标', children: <FeedsTab survey={survey} /> }] : []),
        ]}
      />
    </>
  );
}
