import { App } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../http/client';

/** Saving the office's words in a modal: busy while it runs, says what happened, closes on success. */
export function useWordingSave(onClose: () => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const save = async (work: () => Promise<void>, restored: boolean) => {
    setBusy(true);
    try {
      await work();
      message.success(restored ? '已恢复生成的文字' : '已保存');
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, save };
}
