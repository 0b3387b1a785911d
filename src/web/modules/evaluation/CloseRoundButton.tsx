import { LockOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { errorMessage } from '../../http/client';
import { evaluationApi, type RoundDetailDto } from './api';

/**
 * 结束评估: a confirmation naming what becomes read-only; the server refuses while forms are open
 * and its reason (which forms, how many) is shown as it says it.
 */
export function CloseRoundButton({ round, onClosed }: { round: RoundDetailDto; onClosed: () => void }) {
  const { modal, message } = App.useApp();
  const { total, reviewed } = round.counts;
  const confirm = () =>
    modal.confirm({
      title: '结束评估',
      content: (
        <>
          <p>自评表 {total} 份，已评审 {reviewed} 份。结束后“{round.title}”的以下内容均为只读，不能重新打开：</p>
          <ul style={{ paddingLeft: 20, margin: 0 }}>
            <li>各单位的自评表：不能再保存、提交或上传佐证材料；</li>
            <li>评估组评审：不能再打分、改分或退回；</li>
            <li>督导检查：不能再记录、修改、删除，整改要求不能再答复；</li>
            <li>第三方评估：不能再评分，也不能再添加账号。</li>
          </ul>
          <p style={{ marginTop: 8 }}>评估结果和评估报告仍可查看、下载。</p>
        </>
      ),
      okText: '结束评估',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await evaluationApi.close(round.id);
          message.success(`已结束“${round.title}”`);
          onClosed();
        } catch (e) {
          modal.error({ title: '不能结束评估', content: errorMessage(e) });
        }
      },
    });
  return <Button icon={<LockOutlined />} onClick={confirm}>结束评估</Button>;
}
