import { Tag } from 'antd';
import type { UserView } from '../../app/contract';
import { formatUntil } from '../../app/format';

/** 停用 outranks 锁定: a disabled account cannot log in even after the lock runs out. */
export function UserStatus({ user }: { user: UserView }) {
  if (user.disabled) return <Tag color="default">停用</Tag>;
  if (user.lockedUntil) return <Tag color="orange">锁定至 {formatUntil(user.lockedUntil)}</Tag>;
  return <Tag color="green">启用</Tag>;
}
