import { Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from './i18n';
import { sectionLabels, sectionTarget, visibleItems } from './nav';
import { usePermissions, useSession } from './session';

function greetingKey(hour: number) {
  if (hour < 12) return 'home.morning' as const;
  if (hour < 18) return 'home.afternoon' as const;
  return 'home.evening' as const;
}

export function HomePage() {
  const { t, roleLabel, lang } = useI18n();
  const comma = lang === 'zh' ? '，' : ', ';
  const colon = lang === 'zh' ? '：' : ': ';
  const { me, officeName } = useSession();
  const permissions = usePermissions();
  const links = visibleItems(permissions).filter((i) => i.path !== '/');
  const businessLinks = links.filter((i) => i.section < 5);

  const shortcuts = [
    { key: 'Ctrl+L', action: t('shortcut.lock') },
    ...([1, 2, 3, 4, 5] as const)
      .filter((n) => sectionTarget(n, permissions) !== null)
      .map((n) => ({ key: `Alt+${n}`, action: t('shortcut.section', { n, name: t(sectionLabels[n]) }) })),
    { key: 'Enter', action: t('shortcut.enter') },
    { key: 'Esc', action: t('shortcut.esc') },
    { key: 'Tab / Shift+Tab', action: t('shortcut.tab') },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {t(greetingKey(new Date().getHours()))}
          {comma}
          {me?.user.displayName}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {officeName}
        </Typography.Paragraph>
        <Space wrap>
          <span>
            {t('home.roles')}
            {colon}
          </span>
          {me?.user.roles.map((r) => (
            <Tag key={r} color="blue">
              {roleLabel(r)}
            </Tag>
          ))}
        </Space>
      </Card>

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('home.quickLinks')}</h2>}>
        {businessLinks.length === 0 && links.length <= 1 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noModules')} style={{ marginBottom: 16 }} />
        )}
        <Row gutter={[12, 12]}>
          {links.map((i) => (
            <Col key={i.path} xs={12} md={8} xl={6}>
              <Link to={i.path} aria-label={t(i.label)}>
                <Card hoverable size="small">
                  <Space>
                    <span style={{ fontSize: 20, color: '#1677ff' }}>{i.icon}</span>
                    <span>{t(i.label)}</span>
                  </Space>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </Card>

      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('home.shortcuts')}</h2>}>
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={shortcuts}
          columns={[
            {
              title: t('home.key'),
              dataIndex: 'key',
              width: 180,
              render: (k: string) => <Typography.Text keyboard>{k}</Typography.Text>,
            },
            { title: t('home.action'), dataIndex: 'action' },
          ]}
          data-testid="shortcut-help"
        />
      </Card>
    </Space>
  );
}
