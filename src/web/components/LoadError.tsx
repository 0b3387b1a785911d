import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ApiRequestError } from '../http/client';

export function LoadError({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const navigate = useNavigate();
  if (error instanceof ApiRequestError && error.status === 404) {
    return (
      <Result
        status="404"
        title="内容不存在"
        subTitle={error.message}
        extra={
          <Button type="primary" onClick={() => navigate('/plans')}>
            返回规划管理
          </Button>
        }
      />
    );
  }
  const forbidden = error instanceof ApiRequestError && error.status === 403;
  return (
    <Result
      status={forbidden ? '403' : 'warning'}
      title={forbidden ? '没有权限' : '数据加载失败'}
      subTitle={error.message}
      extra={
        <Button type="primary" onClick={onRetry}>
          重新加载
        </Button>
      }
    />
  );
}
