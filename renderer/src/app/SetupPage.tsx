import { Alert, Button, Form, Input } from 'antd';
import { useMutate } from './api';
import { AuthCard } from './AuthCard';
import { displayNameSchema, newPasswordSchema, usernameSchema } from './contract';
import { sameAs, zodRule } from './formRules';
import { useI18n } from './i18n';
import { signedIn } from './sessionActions';
import { PasswordInput } from './PasswordInput';

interface SetupValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** First run: the one administrator who then opens every other account. */
export function SetupPage() {
  const { t } = useI18n();
  const [form] = Form.useForm<SetupValues>();
  const create = useMutate('setup.createAdmin', { form, onSuccess: signedIn });

  return (
    <AuthCard title={t('auth.setupTitle')} width={480}>
      <Alert type="info" showIcon title={t('auth.setupHint')} style={{ marginBottom: 16 }} />
      <Form<SetupValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={({ username, displayName, password }) => {
          if (!create.isPending) create.mutate({ username, displayName, password });
        }}
      >
        <Form.Item name="username" label={t('auth.username')} rules={[zodRule(usernameSchema)]}>
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('auth.displayName')} rules={[zodRule(displayNameSchema)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} extra={t('auth.passwordRule')} rules={[zodRule(newPasswordSchema)]}>
          <PasswordInput autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['password']}
          rules={[{ required: true, message: t('auth.required') }, sameAs('password', t('auth.passwordsDiffer'))]}
        >
          <PasswordInput autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={create.isPending}>
          {t('auth.setupSubmit')}
        </Button>
      </Form>
    </AuthCard>
  );
}
