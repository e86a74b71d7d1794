import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useMutate } from './api';
import { useI18n } from './i18n';
import { queryClient } from './queryClient';
import { useSession } from './session';
import { enterSession, signOut } from './sessionActions';
import { PasswordInput } from './PasswordInput';

/**
 * Covers the whole window while the clerk is away. The work underneath stays mounted (a form
 * half filled in is still there after unlocking) but is hidden and inert.
 */
export function LockScreen() {
  const { t } = useI18n();
  const { me, officeName } = useSession();
  const [form] = Form.useForm<{ password: string }>();
  const [error, setError] = useState<string | null>(null);
  const unlock = useMutate('auth.unlock', {
    quiet: true,
    onSuccess: (value) => {
      enterSession(value);
      // Calls made while locked were refused: fetch again now.
      void queryClient.invalidateQueries();
    },
    onError: (e) => {
      setError(e.message);
      form.setFieldValue('password', '');
      form.focusField('password');
    },
  });

  // Dialogs and popups live in their own containers under <body>; make all of them unreachable,
  // or an open dialog's focus trap could pull the keyboard away from the password field.
  const root = useRef<HTMLDivElement>(null);
  // Where the clerk was typing (read during the first render, before the lock takes focus), to
  // return there after unlocking.
  const [previousFocus] = useState(() => document.activeElement);
  useEffect(() => {
    const made: Element[] = [];
    for (const el of Array.from(document.body.children)) {
      if (el !== root.current && !el.hasAttribute('inert')) {
        el.setAttribute('inert', '');
        made.push(el);
      }
    }
    // An open dialog's focus trap may have pulled focus back before it became inert: take it now.
    const timer = window.setTimeout(() => form.focusField('password'), 0);
    return () => {
      window.clearTimeout(timer);
      made.forEach((el) => el.removeAttribute('inert'));
      if (previousFocus instanceof HTMLElement && previousFocus.isConnected) window.setTimeout(() => previousFocus.focus(), 0);
    };
  }, [form, previousFocus]);

  return createPortal(
    <div
      ref={root}
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 2000,
        background: '#1f2d3d',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      <div style={{ background: '#fff', borderRadius: 8, padding: 32, width: 380, textAlign: 'center' }}>
        <LockOutlined style={{ fontSize: 40, color: '#1677ff' }} />
        <Typography.Title level={3} id="lock-title" style={{ marginTop: 12 }}>
          {t('auth.lockedTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{officeName}</Typography.Paragraph>
        <Typography.Paragraph>
          {t('auth.lockedHint', { name: me ? `${me.user.displayName}（${me.user.username}）` : '' })}
        </Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12, textAlign: 'left' }} />}
        <Form
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={({ password }) => {
            if (unlock.isPending) return;
            setError(null);
            unlock.mutate({ password });
          }}
        >
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.required') }]}
            style={{ textAlign: 'left' }}
          >
            <PasswordInput autoFocus autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={unlock.isPending}>
            {t('auth.unlock')}
          </Button>
        </Form>
        <Button type="link" style={{ marginTop: 12 }} onClick={() => void signOut()}>
          {t('auth.switchUser')}
        </Button>
      </div>
    </div>,
    document.body,
  );
}
