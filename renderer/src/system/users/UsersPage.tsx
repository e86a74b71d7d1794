import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useCall, useMutate } from '../../app/api';
import type { UserView } from '../../app/contract';
import { ConfirmButton } from '../../app/ConfirmButton';
import { formatTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { PageHeader } from '../../app/PageHeader';
import { useSession } from '../../app/session';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserFormModal } from './UserFormModal';
import { UserStatus } from './UserStatus';

export function UsersPage() {
  const { t, roleLabel } = useI18n();
  const { me } = useSession();
  const users = useCall('users.list', {});
  // `undefined`: no dialog; `null`: new user; a user: editing that user.
  const [editing, setEditing] = useState<UserView | null | undefined>(undefined);
  const [resetting, setResetting] = useState<UserView | null>(null);

  const setDisabled = useMutate('users.setDisabled', { invalidates: ['users.list'], success: '账户状态已更新' });
  const unlock = useMutate('users.unlock', { invalidates: ['users.list'], success: '已解除锁定' });

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          <Space>
            <Button icon={<ReloadOutlined />} onClick={() => void users.refetch()} loading={users.isFetching}>
              {t('common.refresh')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              新建用户
            </Button>
          </Space>
        }
      />
      {users.error && <Alert type="error" showIcon title={users.error.message} style={{ marginBottom: 16 }} />}
      <Table<UserView>
        rowKey="id"
        loading={users.isLoading}
        dataSource={users.data ?? []}
        pagination={false}
        size="middle"
        columns={[
          { title: '用户名', dataIndex: 'username', width: 140 },
          { title: '姓名', dataIndex: 'displayName', width: 120 },
          {
            title: '角色',
            dataIndex: 'roles',
            render: (_, u) => (
              <Space size={[4, 4]} wrap>
                {u.roles.map((r) => (
                  <Tag key={r} color="blue">
                    {roleLabel(r)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: '状态', key: 'status', width: 150, render: (_, u) => <UserStatus user={u} /> },
          {
            title: '须修改密码',
            dataIndex: 'mustChangePassword',
            width: 100,
            render: (v: boolean) => (v ? <Tag color="gold">是</Tag> : '否'),
          },
          {
            title: '最近登录',
            dataIndex: 'lastLoginAt',
            width: 170,
            render: (v: string | null) => (v ? formatTime(v) : '从未登录'),
          },
          {
            title: '操作',
            key: 'actions',
            width: 300,
            render: (_, u) => {
              const self = u.id === me?.user.id;
              return (
                <Space size={0} wrap>
                  <Button type="link" size="small" onClick={() => setEditing(u)} data-testid={`edit-${u.username}`}>
                    编辑
                  </Button>
                  <Button type="link" size="small" onClick={() => setResetting(u)} data-testid={`reset-${u.username}`}>
                    重置密码
                  </Button>
                  {u.lockedUntil && !u.disabled && (
                    <Button
                      type="link"
                      size="small"
                      loading={unlock.isPending && unlock.variables?.id === u.id}
                      onClick={() => unlock.mutate({ id: u.id })}
                      data-testid={`unlock-${u.username}`}
                    >
                      解锁
                    </Button>
                  )}
                  {u.disabled ? (
                    <ConfirmButton
                      title={`启用用户“${u.displayName}”？`}
                      okText="启用"
                      onConfirm={() => setDisabled.mutateAsync({ id: u.id, disabled: false }).catch(() => undefined)}
                      buttonProps={{ type: 'link', size: 'small', 'data-testid': `enable-${u.username}` }}
                    >
                      启用
                    </ConfirmButton>
                  ) : self ? (
                    <Tooltip title="不能停用自己的账户">
                      <Button type="link" size="small" danger disabled data-testid={`disable-${u.username}`}>
                        停用
                      </Button>
                    </Tooltip>
                  ) : (
                    <ConfirmButton
                      title={`停用用户“${u.displayName}”？`}
                      description="停用后该用户立即退出，且不能再登录。"
                      okText="停用"
                      danger
                      onConfirm={() => setDisabled.mutateAsync({ id: u.id, disabled: true }).catch(() => undefined)}
                      buttonProps={{ type: 'link', size: 'small', 'data-testid': `disable-${u.username}` }}
                    >
                      停用
                    </ConfirmButton>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <UserFormModal open={editing !== undefined} user={editing ?? null} onClose={() => setEditing(undefined)} />
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
