import {
  AccountBookOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudServerOutlined,
  CloudUploadOutlined,
  DisconnectOutlined,
  EnvironmentOutlined,
  FileSearchOutlined,
  FormOutlined,
  GiftOutlined,
  HeartOutlined,
  HomeOutlined,
  NumberOutlined,
  PrinterOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SettingOutlined,
  SoundOutlined,
  StopOutlined,
  TeamOutlined,
  ToolOutlined,
  AppstoreOutlined,
  ContainerOutlined,
  FieldTimeOutlined,
  InboxOutlined,
  ControlOutlined,
  UnorderedListOutlined,
  FileAddOutlined,
  PayCircleOutlined,
  ReadOutlined,
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
      ['/marriage/search', 'nav.marriageSearch', <FileSearchOutlined key="i" />, needs('marriage.register')],
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
      ['/marriage/archive', 'nav.marriageArchive', <CloudUploadOutlined key="i" />, needs('marriage.supervise')],
      ['/marriage/corrections', 'nav.marriageCorrections', <CheckSquareOutlined key="i" />, needs('marriage.supervise')],
      ['/marriage/blacklist', 'nav.marriageBlacklist', <StopOutlined key="i" />, needs('marriage.supervise')],
      ['/marriage/numbers', 'nav.marriageNumbers', <NumberOutlined key="i" />, needs('marriage.supervise')],
      ['/marriage/stats', 'nav.marriageStats', <BarChartOutlined key="i" />, needs('marriage.supervise')],
    ] as const
  ).map(([path, label, icon, allowed]): NavItem => ({ path, label, icon, allowed, section: 2, parent: '/marriage' })),
  {
    path: '/funeral',
    label: 'nav.funeral',
    icon: <BankOutlined />,
    allowed: needs('funeral.cemetery', 'funeral.review', 'funeral.policy'),
    section: 3,
    overviewLabel: 'nav.funeralHome',
  },
  ...(
    [
      ['/funeral/cemeteries', 'nav.funeralCemeteries', <AppstoreOutlined key="i" />],
      ['/funeral/burials', 'nav.funeralBurials', <ContainerOutlined key="i" />],
      ['/funeral/expiring', 'nav.funeralExpiring', <FieldTimeOutlined key="i" />],
      ['/funeral/storage', 'nav.funeralStorage', <InboxOutlined key="i" />],
    ] as const
  ).map(([path, label, icon]): NavItem => ({
    path,
    label,
    icon,
    allowed: needs('funeral.cemetery'),
    section: 3,
    parent: '/funeral',
  })),
  ...(
    [
      ['/funeral/waivers/new', 'nav.funeralWaiverNew', <FormOutlined key="i" />],
      ['/funeral/waivers', 'nav.funeralWaivers', <UnorderedListOutlined key="i" />],
      ['/funeral/waivers/settlement', 'nav.funeralWaiverSettlement', <AccountBookOutlined key="i" />],
      ['/funeral/waivers/standards', 'nav.funeralWaiverStandards', <ProfileOutlined key="i" />],
    ] as const
  ).map(([path, label, icon]): NavItem => ({
    path,
    label,
    icon,
    allowed: needs('funeral.review'),
    section: 3,
    parent: '/funeral',
  })),
  ...(
    [
      ['/funeral/subsidies/apply', 'nav.funeralSubsidyApply', <FileAddOutlined key="i" />],
      ['/funeral/subsidies', 'nav.funeralSubsidies', <AuditOutlined key="i" />],
      ['/funeral/subsidies/batches', 'nav.funeralSubsidyBatches', <PayCircleOutlined key="i" />],
    ] as const
  ).map(([path, label, icon]): NavItem => ({
    path,
    label,
    icon,
    allowed: needs('funeral.review'),
    section: 3,
    parent: '/funeral',
  })),
  {
    path: '/funeral/subsidies/policies',
    label: 'nav.funeralSubsidyPolicies',
    icon: <ReadOutlined />,
    allowed: needs('funeral.review', 'funeral.policy'),
    section: 3,
    parent: '/funeral',
  },
  // Indicators: cemetery managers and the street / district funeral staff alike (the service checks the same).
  ...(
    [
      ['/funeral/reports', 'nav.funeralReports', <BarChartOutlined key="i" />],
      ['/funeral/reports/settings', 'nav.funeralReportSettings', <ControlOutlined key="i" />],
    ] as const
  ).map(([path, label, icon]): NavItem => ({
    path,
    label,
    icon,
    allowed: needs('funeral.cemetery', 'funeral.review'),
    section: 3,
    parent: '/funeral',
  })),
  { path: '/placenames', label: 'nav.placenames', icon: <EnvironmentOutlined />, allowed: needs('placenames.edit'), section: 4 },
  { path: '/system/users', label: 'nav.users', icon: <TeamOutlined />, allowed: needs('system.users'), section: 5 },
  { path: '/system/settings', label: 'nav.settings', icon: <SettingOutlined />, allowed: needs('system.settings'), section: 5 },
  { path: '/system/backup', label: 'nav.backup', icon: <CloudServerOutlined />, allowed: needs('system.backup'), section: 5 },
  { path: '/system/audit', label: 'nav.audit', icon: <AuditOutlined />, allowed: needs('audit.read'), section: 5 },
  {
    path: '/funeral/cemetery-settings',
    label: 'nav.funeralCemeterySettings',
    icon: <ControlOutlined />,
    allowed: needs('system.settings'),
    section: 5,
  },
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
