import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from './i18n';
import { navItems } from './nav';
import type { MessageKey } from './messages';
import { PageHeader } from './PageHeader';
import { usePermissions } from './session';

// A module's landing page: one card per screen of the module this user may open. The nav table is
// the one list, so a screen added to the menu shows up here too, and one the user may not open
// does not.

export function ModuleLanding({
  parent,
  title,
  descriptions,
  children,
}: {
  /** The module's path in the nav table ('/marriage', '/funeral'). */
  parent: string;
  title: MessageKey;
  /** A line under each card's title, by path; the label is repeated when missing. */
  descriptions: Record<string, string>;
  /** Figures shown above the cards. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const permissions = usePermissions();
  const screens = navItems.filter((i) => i.parent === parent && i.allowed(permissions));
  return (
    <>
      <PageHeader title={t(title)} />
      {children}
      <Row gutter={[16, 16]} data-testid="module-screens">
        {screens.map((s) => (
          <Col key={s.path} xs={24} md={12} xl={6}>
            <Link to={s.path}>
              <Card
                hoverable
                size="small"
                title={
                  <span>
                    {s.icon} {t(s.label)}
                  </span>
                }
              >
                <Typography.Text type="secondary">{descriptions[s.path] ?? t(s.label)}</Typography.Text>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </>
  );
}
