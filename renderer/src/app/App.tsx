import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, Button, ConfigProvider, Flex, Result, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { HashRouter } from 'react-router';
import { ForcedPasswordChange } from './ForcedPasswordChange';
import { I18nProvider, useI18n } from './i18n';
import { LockScreen } from './LockScreen';
import { LoginPage } from './LoginPage';
import { queryClient } from './queryClient';
import { AppRoutes } from './routes';
import { useSession } from './session';
import { startSession } from './sessionActions';
import { SetupPage } from './SetupPage';

/** Picks the one screen the session allows: nothing of the shell renders before sign-in. */
function Gate() {
  const { phase, notice, officeName } = useSession();
  const { t } = useI18n();

  useEffect(() => {
    void startSession();
  }, []);

  // The window / taskbar title names the office, so two offices on one PC are told apart.
  useEffect(() => {
    document.title = officeName ? `${officeName} - ${t('appName')}` : t('appName');
  }, [officeName, t]);

  switch (phase) {
    case 'starting':
      return (
        <Flex align="center" justify="center" style={{ height: '100vh' }}>
          <Spin size="large" />
        </Flex>
      );
    case 'unreachable':
      return (
        <Result
          status="error"
          title={t('auth.unreachable')}
          subTitle={notice}
          extra={
            <Button type="primary" autoFocus onClick={() => void startSession()}>
              {t('auth.retry')}
            </Button>
          }
        />
      );
    case 'setup':
      return <SetupPage />;
    case 'login':
      return <LoginPage />;
    case 'mustChangePassword':
      return <ForcedPasswordChange />;
    case 'ready':
    case 'locked':
      return (
        <>
          {/* Kept mounted while locked so unfinished work survives; hidden and unreachable by keyboard. */}
          <div
            inert={phase === 'locked'}
            aria-hidden={phase === 'locked'}
            style={{ visibility: phase === 'locked' ? 'hidden' : 'visible' }}
          >
            <HashRouter>
              <AppRoutes />
            </HashRouter>
          </div>
          {phase === 'locked' && <LockScreen />}
        </>
      );
  }
}

// Simplified Chinese faces named first: with the page in English (lang="en") the browser would
// otherwise draw Chinese names and messages with a Japanese fallback font.
const fontFamily =
  "-apple-system, 'Segoe UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

function Localized() {
  const { lang } = useI18n();
  return (
    // No auto space inside two-character buttons ("登 录"): the accessible name must read "登录".
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{ token: { fontSize: 14, fontFamily } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <Gate />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Localized />
      </I18nProvider>
    </QueryClientProvider>
  );
}
