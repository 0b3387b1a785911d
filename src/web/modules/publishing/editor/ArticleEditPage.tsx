import { HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ARTICLE_CATEGORIES, ARTICLE_LIMITS, CATEGORY_LABELS, type ArticleAction, type ArticleDto } from '../../../../shared/api/publishing';
import { useDemoData } from '../../../components/DemoData';
import { LoadError } from '../../../components/LoadError';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { errorMessage } from '../../../http/client';
import { useApiGet } from '../../../http/useApiGet';
import { useFormSave } from '../../../http/useFormSave';
import { useUnitOptions } from '../../analytics/useUnitOptions';
import { useCurrentUser } from '../../auth/SessionContext';
import { OrgUnitSelect } from '../../orgs/OrgUnitSelect';
import { articlesApi, articleUrls } from '../api';
import { ARTICLE_FIELDS, emptyArticle, formValuesOf, inputOf, type ArticleFormValues } from './articleForm';
import { AttachmentsField, CoverField } from './FilesFields';
import { RichTextEditor } from './RichTextEditor';
import { VersionsDrawer } from './VersionsDrawer';
import { WorkflowCard } from './WorkflowCard';
import '../publishing.css';

function ArticleForm({ article }: { article: ArticleDto | null }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { options: units } = useUnitOptions(user);
  const [form] = Form.useForm<ArticleFormValues>();
  const [current, setCurrent] = useState(article);
  const [dirty, setDirty] = useState(false);
  const [acting, setActing] = useState(false);
  const [versions, setVersions] = useState(false);
  // Remounts the body editor when its content is replaced from outside (an old version restored).
  const [editorKey, setEditorKey] = useState(0);
  useDemoData(current?.isDemo ?? false);
  const readOnly = current !== null && !current.canEdit;

  const persist = async (values: ArticleFormValues): Promise<ArticleDto> => {
    if (!current) {
      const created = await articlesApi.create({ ...inputOf(values), orgUnitId: values.orgUnitId! });
      navigate(`/publishing/articles/${created.id}`, { replace: true });
      return created;
    }
    const saved = await articlesApi.update(current.id, { ...inputOf(values), version: current.version });
    setCurrent(saved);
    setDirty(false);
    return saved;
  };
  const { saving, error, save } = useFormSave(form, ARTICLE_FIELDS, async (values) => {
    await persist(values);
    message.success('已保存');
  });

  const act = async (action: ArticleAction) => {
    if (!current) return;
    const values = dirty ? await form.validateFields().catch(() => null) : null;
    if (dirty && !values) return;
    setActing(true);
    try {
      const base = values ? await persist(values) : current;
      setCurrent(await articlesApi.act(base.id, action, base.version));
      message.success('操作成功');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setActing(false);
    }
  };

  return (
    <>
      <PageHeader
        breadcrumb={<Link to="/publishing/articles">信息发布</Link>}
        title={current ? current.title : '新建文章'}
        extra={
          <Space wrap>
            {current && <Button icon={<HistoryOutlined />} onClick={() => setVersions(true)}>历史版本</Button>}
            {!readOnly && (
              <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
                {current ? '保存' : '保存草稿'}
              </Button>
            )}
          </Space>
        }
      />
      {error && <Alert type="error" showIcon className="form-alert" title={error} />}
      <Form<ArticleFormValues>
        form={form}
        layout="vertical"
        disabled={readOnly}
        initialValues={current ? formValuesOf(current) : emptyArticle(user.roles.find((r) => r.orgUnitId)?.orgUnitId ?? undefined)}
        onValuesChange={() => setDirty(true)}
      >
        <Row gutter={16}>
          <Col xs={24} xl={16}>
            <Card variant="borderless" className="content-card">
              <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
                <Input maxLength={ARTICLE_LIMITS.title} showCount />
              </Form.Item>
              <Form.Item name="summary" label="摘要" extra="留空则取正文开头。显示在列表和搜索引擎结果中。">
                <Input.TextArea maxLength={ARTICLE_LIMITS.summary} showCount autoSize={{ minRows: 2, maxRows: 4 }} />
              </Form.Item>
              <Form.Item name="bodyHtml" label="正文" extra="可直接从 Word 粘贴，标题、列表和表格会保留；图片请用「插入图片」上传。">
                <RichTextEditor key={editorKey} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            {current && <WorkflowCard article={current} busy={acting || saving || readOnly} onAct={(a) => void act(a)} />}
            <Card variant="borderless" className="content-card" title="栏目与发布">
              {!current && (
                <Form.Item name="orgUnitId" label="发布单位" rules={[{ required: true, message: '请选择发布单位' }]}>
                  <OrgUnitSelect options={units} />
                </Form.Item>
              )}
              {current && <p className="article-state__line">发布单位：{current.orgUnit.name}</p>}
              <Form.Item name="category" label="栏目" rules={[{ required: true, message: '请选择栏目' }]}>
                <Select options={ARTICLE_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))} />
              </Form.Item>
              <Form.Item name="publishAt" label="发布时间" extra="留空则在点「发布」时发布；填将来的时间则到时自动在门户显示（定时发布）。">
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" className="article-date" />
              </Form.Item>
              <Form.Item name="tags" label="标签" extra={`最多 ${ARTICLE_LIMITS.tags} 个，每个不超过 ${ARTICLE_LIMITS.tagChars} 字；输入后按回车。`}>
                <Select mode="tags" maxCount={ARTICLE_LIMITS.tags} tokenSeparators={[',', '，']} open={false} suffixIcon={null} aria-label="标签" />
              </Form.Item>
              <Form.Item name="cover" label="封面图">
                <CoverField />
              </Form.Item>
              <Form.Item name="attachments" label="附件">
                <AttachmentsField />
              </Form.Item>
            </Card>
          </Col>
        </Row>
      </Form>
      {versions && current && (
        <VersionsDrawer
          articleId={current.id}
          current={current.version}
          onClose={() => setVersions(false)}
          onRestore={(v) => {
            form.setFieldsValue({ title: v.title, bodyHtml: v.bodyHtml });
            setEditorKey((k) => k + 1);
            setDirty(true);
            setVersions(false);
            message.info(`已换成第 ${v.version} 版的标题和正文，保存后生效`);
          }}
        />
      )}
    </>
  );
}

/** /publishing/articles/new and /publishing/articles/:id: the editor with workflow, files and versions. */
export default function ArticleEditPage() {
  const param = useParams().id;
  const id = param && /^\d+$/.test(param) ? Number(param) : null;
  const { data, error, reload } = useApiGet<ArticleDto>(id ? articleUrls.one(id) : null);
  if (id === null) return <ArticleForm key="new" article={null} />;
  if (error && !data) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <PageLoading />;
  return <ArticleForm key={data.id} article={data} />;
}
