/**
 * Who may send values at all, checked before an upload's body is read or parsed (xlsx templates,
 * dataValueSets): a coarse first gate, so a person who could not write any value never makes the
 * server unpack or parse a file. The write gate (valueGate.ts) then decides value by value.
 */
import type { Role } from '../../../shared/roles';
import { appError } from '../../errors';
import { requireAuth } from '../auth/access';
import type { AuthContext } from '../auth/service';

/** The roles the write gate lets write values somewhere (admin everywhere, statistics in scope, reporters at their seat). */
export const VALUE_WRITER_ROLES: readonly Role[] = ['admin', 'statistics', 'reporter'];

export function assertValueWriter(auth: AuthContext | null): AuthContext {
  const user = requireAuth(auth);
  if (!user.roles.some((g) => VALUE_WRITER_ROLES.includes(g.role))) throw appError('AUTH_FORBIDDEN', '没有填报数据的权限，未读取上传内容');
  return user;
}
