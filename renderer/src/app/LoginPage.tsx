import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useMutate } from './api';
import { AuthCard } from './AuthCard';
import { useI18n } from './i18n';
import { setSession, useSession } from './session';
import { signedIn } from './sessionActions';
import { PasswordInput } from './PasswordInput';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const { t } = useI18n();
  const { notice } = useSession();
  const [form] = Form.useForm<LoginValues>();
  // The refusal stays on screen (not a passing toast): it says how many tries are left or until when
  // the account is locked, which the clerk may need to read twice.
  const [error, setError] = useState<string | null>(null);
  const login = useMutate('auth.login', {
    quiet: true,
    onSuccess: signedIn,
    onError: (e) => {
      setError(e.message);
      form.setFieldValue('password', '');
      form.focusField(e.field === 'username' ? 'username' : 'password');
    },
  });

  return (
    <AuthCard title={t('auth.loginTitle')}>
      {notice && !error && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form<LoginValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => {
          if (login.isPending) return;
          setError(null);
          setSession({ notice: null });
          login.mutate(values);
        }}
      >
        <Form.Item
          name="username"
          label={t('auth.username')}
          rules={[{ required: true, whitespace: true, message: t('auth.required') }]}
        >
          <Input autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('auth.required') }]}>
          <PasswordInput autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending}>
          {t('auth.login')}
        </Button>
      </Form>
    </AuthCard>
  );
}
