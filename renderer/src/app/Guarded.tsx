import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from './i18n';
import { navItems } from './nav';
import { usePermissions } from './session';

/** A page opened by address without the permission says so (the service would refuse it anyway). */
export function Guarded({ path, children }: { path: string; children: ReactNode }) {
  const permissions = usePermissions();
  const { t } = useI18n();
  const item = navItems.find((i) => i.path === path);
  if (item && !item.allowed(permissions)) {
    return (
      <Result
        status="403"
        title={t('common.forbidden')}
        extra={
          <Link to="/">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return children;
}
