/**
 * Who may send values at all, checked before an upload's body is read or parsed (xlsx templates,
 * dataValueSets): a coarse first gate, so a person who could not write any value never makes the
 * server unpack or parse a file. The write gate (valueGate.ts) then decides value by value.
 */
import { decide } from '../../../shared/policy';
import { appError } from '../../errors';
import type { AuthContext } from '../auth/service';

/** Whether the user may write values anywhere (the policy's `data.write`, with no unit or seat named). */
export function assertValueWriter(auth: AuthContext | null): AuthContext {
  const decision = decide(auth, 'data.write');
  if (!decision.ok) throw appError(decision.code, decision.code === 'AUTH_REQUIRED' ? undefined : '没有填报数据的权限，未读取上传内容');
  return auth!;
}
