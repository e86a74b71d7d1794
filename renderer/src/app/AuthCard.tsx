import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from './session';

/** The frame of the screens before the shell: office name on top, one card in the middle. */
export function AuthCard({ title, children, width = 420 }: { title: string; children: ReactNode; width?: number }) {
  const { officeName } = useSession();
  const { t } = useI18n();
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 24 }}>
      <div style={{ position: 'fixed', top: 16, right: 16 }}>
        <LanguageSwitch />
      </div>
      <Typography.Title level={2} style={{ marginBottom: 4 }}>
        {officeName || t('appName')}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ marginBottom: 24 }}>
        {t('appName')}
      </Typography.Text>
      <Card
        title={
          <span role="heading" aria-level={1}>
            {title}
          </span>
        }
        style={{ width, maxWidth: '100%' }}
      >
        {children}
      </Card>
    </Flex>
  );
}
