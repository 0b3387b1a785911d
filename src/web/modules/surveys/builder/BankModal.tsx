import { Button, Empty, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QUESTION_TYPE_LABELS, type Question } from '../../../../shared/surveys/model';
import { LoadError } from '../../../components/LoadError';
import { useApiGet } from '../../../http/useApiGet';
import { surveyUrls, type BankQuestionDto } from '../api';

interface Props {
  orgUnitId: number;
  open: boolean;
  onClose: () => void;
  /** Inserts a copy: the builder gives it the survey's next code. */
  onInsert: (question: BankQuestionDto['question']) => void;
}

/** 从题库添加: the unit's bank, searched by words of the wording; each question goes in as a copy. */
export function BankModal({ orgUnitId, open, onClose, onInsert }: Props) {
  const [text, setText] = useState('');
  const { data, error, reload, loading } = useApiGet<BankQuestionDto[]>(open ? surveyUrls.bank(orgUnitId, text) : null);
  return (
    <Modal title="从题库添加" open={open} onCancel={onClose} footer={<Button onClick={onClose}>关闭</Button>} width={640} destroyOnHidden>
      <Input.Search aria-label="查找题目" placeholder="输入题目中的文字，如“知晓”" allowClear enterButton="查找" loading={loading} onSearch={(v) => setText(v.trim())} />
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <List
          className="survey-bank-list"
          dataSource={data ?? []}
          locale={{ emptyText: <Empty description={text ? `题库中没有含“${text}”的题目` : '题库还是空的：在题目卡片上点“存入题库”'} /> }}
          renderItem={(b) => (
            <List.Item actions={[<Button key="insert" size="small" type="primary" aria-label={`插入：${b.question.title}`} onClick={() => onInsert(b.question)}>插入</Button>]}>
              <List.Item.Meta
                title={<Space>{b.question.title}<Tag>{QUESTION_TYPE_LABELS[b.question.type as Question['type']]}</Tag></Space>}
                description={b.question.options?.length ? <Typography.Text type="secondary">{b.question.options.map((o) => o.label).join(' / ')}</Typography.Text> : null}
              />
            </List.Item>
          )}
        />
      )}
    </Modal>
  );
}
