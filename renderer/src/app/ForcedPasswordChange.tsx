import { Alert, Button } from 'antd';
import { AuthCard } from './AuthCard';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useI18n } from './i18n';
import { useSession } from './session';
import { enterSession, signOut } from './sessionActions';

/** Nothing else is reachable until the password only the clerk knows is set (the service agrees). */
export function ForcedPasswordChange() {
  const { t } = useI18n();
  const { me } = useSession();
  return (
    <AuthCard title={t('auth.mustChangeTitle')} width={460}>
      <Alert type="warning" showIcon title={t('auth.mustChangeHint')} style={{ marginBottom: 16 }} />
      {me && (
        <p>
          {t('auth.username')}：<strong>{me.user.username}</strong>（{me.user.displayName}）
        </p>
      )}
      <ChangePasswordForm onDone={enterSession} />
      <Button type="link" style={{ paddingLeft: 0, marginTop: 8 }} onClick={() => void signOut()}>
        {t('shell.logout')}
      </Button>
    </AuthCard>
  );
}
