import { CalendarOutlined, GiftOutlined, ScheduleOutlined, SoundOutlined } from '@ant-design/icons';
import { Card, Col, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../app/i18n';
import { PageHeader } from '../app/PageHeader';
import { usePermissions } from '../app/session';

const screens: { path: string; title: string; icon: ReactNode; text: string; supervisor?: boolean }[] = [
  {
    path: '/marriage/counter',
    title: '叫号窗口',
    icon: <SoundOutlined />,
    text: '叫号（F2）、现场取号、预约签到、排队小票、当日队列',
  },
  {
    path: '/marriage/appointments',
    title: '预约登记',
    icon: <CalendarOutlined />,
    text: '按日期和时段预约，查看各时段容量与余量',
  },
  { path: '/marriage/ceremonies', title: '颁证仪式', icon: <GiftOutlined />, text: '颁证仪式场次与预订，显示余位' },
  {
    path: '/marriage/counter-setup',
    title: '号源与高峰日',
    icon: <ScheduleOutlined />,
    text: '时段容量、窗口数、高峰日（含七夕）',
    supervisor: true,
  },
];

/** The marriage section's landing page: what exists now, and what is still to come. */
export function MarriagePage() {
  const { t } = useI18n();
  const supervisor = usePermissions().has('marriage.supervise');
  return (
    <>
      <PageHeader title={t('nav.marriage')} />
      <Row gutter={[16, 16]}>
        {screens
          .filter((s) => !s.supervisor || supervisor)
          .map((s) => (
            <Col key={s.path} xs={24} md={12} xl={6}>
              <Link to={s.path}>
                <Card
                  hoverable
                  size="small"
                  title={
                    <span>
                      {s.icon} {s.title}
                    </span>
                  }
                >
                  <Typography.Text type="secondary">{s.text}</Typography.Text>
                </Card>
              </Link>
            </Col>
          ))}
      </Row>
      <Card size="small" title="后续提供" style={{ marginTop: 16 }} data-testid="marriage-coming">
        <ul style={{ margin: 0 }}>
          <li>结婚登记（受理审查、不予登记通知单、结婚证打印）</li>
          <li>协议离婚（离婚冷静期、撤回、离婚证）</li>
          <li>补领婚姻登记证、更正、证书字号作废</li>
          <li>婚姻档案查询与历史档案导入、统计报表</li>
        </ul>
      </Card>
    </>
  );
}
