import { Button, Form, Space } from 'antd';
import { useMutate } from './api';
import { newPasswordSchema, type MeView } from './contract';
import { sameAs, zodRule } from './formRules';
import { useI18n } from './i18n';
import { PasswordInput } from './PasswordInput';

interface ChangeValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Used by the forced screen (first login, after a reset) and by the 修改密码 dialog. */
export function ChangePasswordForm({ onDone, onCancel }: { onDone: (me: MeView) => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ChangeValues>();
  const change = useMutate('auth.changePassword', { form, success: t('auth.passwordChanged'), onSuccess: onDone });

  return (
    <Form<ChangeValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={({ currentPassword, newPassword }) => {
        if (!change.isPending) change.mutate({ currentPassword, newPassword });
      }}
    >
      <Form.Item
        name="currentPassword"
        label={t('auth.currentPassword')}
        rules={[{ required: true, message: t('auth.required') }]}
      >
        <PasswordInput autoFocus autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        extra={t('auth.passwordRule')}
        rules={[zodRule(newPasswordSchema)]}
      >
        <PasswordInput autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmNewPassword')}
        dependencies={['newPassword']}
        rules={[{ required: true, message: t('auth.required') }, sameAs('newPassword', t('auth.passwordsDiffer'))]}
      >
        <PasswordInput autoComplete="new-password" />
      </Form.Item>
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('auth.changeSubmit')}
        </Button>
      </Space>
    </Form>
  );
}
