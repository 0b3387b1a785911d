import { Button, Result } from 'antd';
import { Outlet, useNavigate } from 'react-router-dom';
import type { Me } from '../../../shared/api/auth';
import { homePath } from './permissions';
import { useCurrentUser } from './SessionContext';

/** A page opened by URL without its menu entry: say so plainly, instead of letting its data load fail. */
function NoAccessPage({ user }: { user: Me }) {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="没有权限"
      subTitle="您的账号没有查看此页面的权限。如需开通，请联系本单位妇儿工委办公室或系统管理员。"
      extra={
        <Button type="primary" onClick={() => navigate(homePath(user), { replace: true })}>
          返回我的首页
        </Button>
      }
    />
  );
}

/** The child routes for those the access policy lets in (the same rule as their menu entry); 「没有权限」 for others. */
export function RequirePermission({ allowed }: { allowed: (user: Me) => boolean }) {
  const user = useCurrentUser();
  return allowed(user) ? <Outlet /> : <NoAccessPage user={user} />;
}
