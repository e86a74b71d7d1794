import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, Route, Routes } from 'react-router';
import { FuneralPage } from '../funeral/FuneralPage';
import { AppointmentsPage } from '../marriage/counter/AppointmentsPage';
import { CeremoniesPage } from '../marriage/counter/CeremoniesPage';
import { CounterPage } from '../marriage/counter/CounterPage';
import { CounterSetupPage } from '../marriage/counter/CounterSetupPage';
import { MarriagePage } from '../marriage/MarriagePage';
import { DivorcePage } from '../marriage/divorce/DivorcePage';
import { DivorceWorklistPage } from '../marriage/divorce/DivorceWorklistPage';
import { MarriageRecordPage } from '../marriage/registration/MarriageRecordPage';
import { MarriageRegistrationPage } from '../marriage/registration/MarriageRegistrationPage';
import { PlaceNamesPage } from '../placenames/PlaceNamesPage';
import { AuditPage } from '../system/audit/AuditPage';
import { BackupPage } from '../system/backup/BackupPage';
import { SettingsPage } from '../system/settings/SettingsPage';
import { TestPrintPage } from '../system/testPage/TestPrintPage';
import { UsersPage } from '../system/users/UsersPage';
import { Guarded } from './Guarded';
import { HomePage } from './HomePage';
import { useI18n } from './i18n';
import { Shell } from './Shell';

const pages: Record<string, ReactNode> = {
  '/marriage': <MarriagePage />,
  '/marriage/register': <MarriageRegistrationPage />,
  '/marriage/records/:id': <MarriageRecordPage />,
  '/marriage/divorce': <DivorcePage />,
  '/marriage/divorce/worklist': <DivorceWorklistPage />,
  '/marriage/counter': <CounterPage />,
  '/marriage/appointments': <AppointmentsPage />,
  '/marriage/ceremonies': <CeremoniesPage />,
  '/marriage/counter-setup': <CounterSetupPage />,
  '/funeral': <FuneralPage />,
  '/placenames': <PlaceNamesPage />,
  '/system/users': <UsersPage />,
  '/system/settings': <SettingsPage />,
  '/system/backup': <BackupPage />,
  '/system/audit': <AuditPage />,
  '/system/test-page': <TestPrintPage />,
};

function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('common.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Shell />}>
        <Route index element={<HomePage />} />
        {Object.entries(pages).map(([path, page]) => (
          <Route key={path} path={path} element={<Guarded path={path}>{page}</Guarded>} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
