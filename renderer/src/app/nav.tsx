import {
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CloudServerOutlined,
  DisconnectOutlined,
  EnvironmentOutlined,
  FormOutlined,
  GiftOutlined,
  HeartOutlined,
  HomeOutlined,
  PrinterOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SoundOutlined,
  TeamOutlined,
  ToolOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Permission } from './contract';
import type { MessageKey } from './messages';

// One table for the left navigation, the route guards, the home page's quick links and the
// Alt+number shortcuts, so they can never disagree about who may open what.

type Allowed = (p: ReadonlySet<Permission>) => boolean;

export interface NavItem {
  path: string;
  label: MessageKey;
  icon: ReactNode;
  allowed: Allowed;
  /** Alt+<section> jumps to the first item of the section the user may open. */
  section: 1 | 2 | 3 | 4 | 5;
  /** Shown in the menu under this item's path (a module's screens under its landing page). */
  parent?: string;
  /** Label of the parent's own entry inside its submenu. */
  overviewLabel?: MessageKey;
}

const everyone: Allowed = () => true;
const needs =
  (...any: Permission[]): Allowed =>
  (p) =>
    any.some((x) => p.has(x));

export const navItems: NavItem[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined />, allowed: everyone, section: 1 },
  {
    path: '/marriage',
    label: 'nav.marriage',
    icon: <HeartOutlined />,
    allowed: needs('marriage.register'),
    section: 2,
    overviewLabel: 'nav.marriageHome',
  },
  ...(
    [
      ['/marriage/register', 'nav.marriageRegister', <FormOutlined key="i" />, needs('marriage.register')],
      ['/marriage/divorce', 'nav.marriageDivorce', <DisconnectOutlined key="i" />, needs('marriage.register')],
      [
        '/marriage/divorce/worklist',
        'nav.marriageDivorceWorklist',
        <UnorderedListOutlined key="i" />,
        needs('marriage.register'),
      ],
      ['/marriage/counter', 'nav.marriageCounter', <SoundOutlined key="i" />, needs('marriage.register')],
      ['/marriage/appointments', 'nav.marriageAppointments', <CalendarOutlined key="i" />, needs('marriage.register')],
      ['/marriage/ceremonies', 'nav.marriageCeremonies', <GiftOutlined key="i" />, needs('marriage.register')],
      ['/marriage/counter-setup', 'nav.marriageCounterSetup', <ScheduleOutlined key="i" />, needs('marriage.supervise')],
    ] as const
  ).map(([path, label, icon, allowed]): NavItem => ({ path, label, icon, allowed, section: 2, parent: '/marriage' })),
  {
    path: '/funeral',
    label: 'nav.funeral',
    icon: <BankOutlined />,
    allowed: needs('funeral.cemetery', 'funeral.review'),
    section: 3,
  },
  { path: '/placenames', label: 'nav.placenames', icon: <EnvironmentOutlined />, allowed: needs('placenames.edit'), section: 4 },
  { path: '/system/users', label: 'nav.users', icon: <TeamOutlined />, allowed: needs('system.users'), section: 5 },
  { path: '/system/settings', label: 'nav.settings', icon: <SettingOutlined />, allowed: needs('system.settings'), section: 5 },
  { path: '/system/backup', label: 'nav.backup', icon: <CloudServerOutlined />, allowed: needs('system.backup'), section: 5 },
  { path: '/system/audit', label: 'nav.audit', icon: <AuditOutlined />, allowed: needs('audit.read'), section: 5 },
  { path: '/system/test-page', label: 'nav.testPage', icon: <PrinterOutlined />, allowed: everyone, section: 5 },
];

export const sectionLabels: Record<NavItem['section'], MessageKey> = {
  1: 'nav.home',
  2: 'nav.marriage',
  3: 'nav.funeral',
  4: 'nav.placenames',
  5: 'nav.system',
};

export const systemIcon = <ToolOutlined />;

export const visibleItems = (p: ReadonlySet<Permission>): NavItem[] => navItems.filter((i) => i.allowed(p));

/** Where Alt+n leads this user, or null when nothing in that section is theirs. */
export const sectionTarget = (section: number, p: ReadonlySet<Permission>): string | null =>
  navItems.find((i) => i.section === section && i.allowed(p))?.path ?? null;
