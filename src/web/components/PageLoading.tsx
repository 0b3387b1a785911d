import { Spin } from 'antd';

export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <div className={fullScreen ? 'page-loading page-loading--full' : 'page-loading'}>
      <Spin size="large" description="加载中…" />
    </div>
  );
}
