import { KeyOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Space, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { ChangePasswordModal } from './ChangePasswordModal';
import { useI18n } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { systemIcon, visibleItems } from './nav';
import { usePermissions, useSession } from './session';
import { lockNow, signOut } from './sessionActions';
import { useIdleLock } from './useIdleLock';
import { useShortcuts } from './useShortcuts';

const { Header, Sider, Content } = Layout;

export function Shell() {
  const { t, roleLabel } = useI18n();
  const { me, officeName } = useSession();
  const permissions = usePermissions();
  const location = useLocation();
  const [changing, setChanging] = useState(false);
  useIdleLock();
  useShortcuts();

  const items = visibleItems(permissions);
  const entry = (i: (typeof items)[number]) => ({ key: i.path, icon: i.icon, label: <Link to={i.path}>{t(i.label)}</Link> });
  const system = items.filter((i) => i.section === 5);
  // A module's screens sit in a submenu under its landing page (which opens as the first entry).
  const withChildren = (i: (typeof items)[number]) => {
    const children = items.filter((c) => c.parent === i.path);
    if (children.length === 0) return entry(i);
    const overview = { ...entry(i), label: <Link to={i.path}>{t(i.overviewLabel ?? i.label)}</Link> };
    return { key: `${i.path}/*`, icon: i.icon, label: t(i.label), children: [overview, ...children.map(entry)] };
  };
  const menuItems: MenuProps['items'] = [
    ...items.filter((i) => i.section < 5 && !i.parent).map(withChildren),
    {
      type: 'group',
      key: 'system',
      label: (
        <span>
          {systemIcon} {t('nav.system')}
        </span>
      ),
      children: system.map(entry),
    },
  ];
  // Nothing is highlighted on a page outside the menu (403 / 404), rather than a misleading 首页.
  const selected =
    location.pathname === '/'
      ? '/'
      : items
          .filter((i) => i.path !== '/' && (location.pathname === i.path || location.pathname.startsWith(`${i.path}/`)))
          .sort((a, b) => b.path.length - a.path.length)[0]?.path;
  const openKeys = items.filter((i) => i.parent && i.path === selected).map((i) => `${i.parent}/*`);

  return (
    <Layout style={{ height: '100vh' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#001529', paddingInline: 20 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }} data-testid="office-name">
          {officeName || t('appName')}
        </Typography.Text>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.6)', whiteSpace: 'nowrap' }}>{t('appName')}</Typography.Text>
        <div style={{ flex: 1 }} />
        {me && (
          <Space size={4} data-testid="current-user" style={{ color: '#fff', whiteSpace: 'nowrap' }}>
            <UserOutlined />
            <span>{me.user.displayName}</span>
            {me.user.roles.map((r) => (
              <Tag key={r} color="blue" variant="filled" style={{ marginInlineEnd: 0 }}>
                {roleLabel(r)}
              </Tag>
            ))}
          </Space>
        )}
        <LanguageSwitch />
        <Space size={8}>
          <Tooltip title="Ctrl+L">
            <Button icon={<LockOutlined />} onClick={() => void lockNow()}>
              {t('shell.lock')}
            </Button>
          </Tooltip>
          <Button icon={<KeyOutlined />} onClick={() => setChanging(true)}>
            {t('shell.changePassword')}
          </Button>
          <Button icon={<LogoutOutlined />} onClick={() => void signOut()}>
            {t('shell.logout')}
          </Button>
        </Space>
      </Header>
      <Layout>
        <Sider width={208} theme="light" style={{ borderRight: '1px solid #f0f0f0', overflow: 'auto' }}>
          <nav aria-label={t('nav.main')}>
            <Menu
              mode="inline"
              selectedKeys={selected ? [selected] : []}
              defaultOpenKeys={[...openKeys, ...(selected === '/marriage' ? ['/marriage/*'] : [])]}
              items={menuItems}
              style={{ borderInlineEnd: 0 }}
            />
          </nav>
        </Sider>
        <Content style={{ overflow: 'auto', padding: 24, background: '#f5f5f5' }}>
          <main>
            <Outlet />
          </main>
        </Content>
      </Layout>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </Layout>
  );
}
