import { Form, Input } from 'antd';
import { useMutate } from '../../app/api';
import { displayNameSchema, newPasswordSchema, roles, usernameSchema, type Role, type UserView } from '../../app/contract';
import { FormModal } from '../../app/FormModal';
import { MultiSelect } from '../../app/MultiSelect';
import { zodRule } from '../../app/formRules';
import { useI18n } from '../../app/i18n';
import { getSession } from '../../app/session';
import { refreshMe } from '../../app/sessionActions';
import { PasswordInput } from '../../app/PasswordInput';

interface UserValues {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

/** New user (with an initial password) or an existing one's name and roles. */
export function UserFormModal({ open, user, onClose }: { open: boolean; user: UserView | null; onClose: () => void }) {
  const { roleLabel } = useI18n();
  const [form] = Form.useForm<UserValues>();
  const editing = user !== null;
  const create = useMutate('users.create', {
    form,
    success: '用户已创建，首次登录时须修改密码',
    invalidates: ['users.list'],
    onSuccess: onClose,
  });
  const update = useMutate('users.update', {
    form,
    success: '用户信息已保存',
    invalidates: ['users.list'],
    onSuccess: (saved) => {
      // Editing one's own roles changes what the navigation may show.
      if (saved.id === getSession().me?.user.id) void refreshMe();
      onClose();
    },
  });
  const pending = create.isPending || update.isPending;

  const rolesRule = {
    validator: async (_: unknown, v: Role[] | undefined) => {
      if (!v || v.length === 0) throw new Error('至少选择 1 个角色');
    },
  };

  return (
    <FormModal<UserValues>
      title={editing ? `编辑用户：${user.username}` : '新建用户'}
      open={open}
      form={form}
      pending={pending}
      okText="保存"
      initialValues={user ? { username: user.username, displayName: user.displayName, roles: user.roles } : { roles: [] }}
      onClose={onClose}
      onSubmit={(v) => {
        if (editing) update.mutate({ id: user.id, displayName: v.displayName, roles: v.roles });
        else create.mutate({ username: v.username, displayName: v.displayName, roles: v.roles, password: v.password });
      }}
    >
      <Form.Item
        name="username"
        label="用户名"
        rules={editing ? [] : [zodRule(usernameSchema)]}
        extra={editing ? '用户名创建后不能修改' : '字母、数字、下划线、点或连字符，2–32 位'}
      >
        <Input autoFocus={!editing} disabled={editing} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label="姓名" rules={[zodRule(displayNameSchema)]}>
        <Input autoFocus={editing} autoComplete="off" />
      </Form.Item>
      <Form.Item name="roles" label="角色" rules={[rolesRule]}>
        <MultiSelect<Role>
          placeholder="选择一个或多个角色"
          options={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      {!editing && (
        <Form.Item
          name="password"
          label="初始密码"
          rules={[zodRule(newPasswordSchema)]}
          extra="至少 8 位，须同时包含字母和数字；用户首次登录时须修改"
        >
          <PasswordInput autoComplete="new-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}
