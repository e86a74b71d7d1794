import { Alert, Form } from 'antd';
import { useMutate } from '../../app/api';
import { newPasswordSchema, type UserView } from '../../app/contract';
import { FormModal } from '../../app/FormModal';
import { sameAs, zodRule } from '../../app/formRules';
import { PasswordInput } from '../../app/PasswordInput';

interface ResetValues {
  newPassword: string;
  confirm: string;
}

export function ResetPasswordModal({ user, onClose }: { user: UserView | null; onClose: () => void }) {
  const [form] = Form.useForm<ResetValues>();
  const reset = useMutate('users.resetPassword', {
    form,
    success: '密码已重置，该用户下次登录时须修改密码',
    invalidates: ['users.list'],
    onSuccess: onClose,
  });
  return (
    <FormModal<ResetValues>
      title={`重置密码：${user?.username ?? ''}`}
      open={user !== null}
      form={form}
      pending={reset.isPending}
      okText="重置密码"
      onClose={onClose}
      onSubmit={(v) => user && reset.mutate({ id: user.id, newPassword: v.newPassword })}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`重置后将解除锁定并退出“${user?.displayName ?? ''}”的所有登录；请把新密码当面告知本人，其下次登录时须自行修改。`}
      />
      <Form.Item name="newPassword" label="新密码" rules={[zodRule(newPasswordSchema)]} extra="至少 8 位，须同时包含字母和数字">
        <PasswordInput autoFocus autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label="确认新密码"
        dependencies={['newPassword']}
        rules={[{ required: true, message: '请再次输入新密码' }, sameAs('newPassword', '两次输入的密码不一致')]}
      >
        <PasswordInput autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
