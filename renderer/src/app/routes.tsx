import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link, Route, Routes } from 'react-router';
import { FuneralPage } from '../funeral/FuneralPage';
import { AppointmentsPage } from '../marriage/counter/AppointmentsPage';
import { CeremoniesPage } from '../marriage/counter/CeremoniesPage';
import { CounterPage } from '../marriage/counter/CounterPage';
import { CounterSetupPage } from '../marriage/counter/CounterSetupPage';
import { MarriagePage } from '../marriage/MarriagePage';
import { CorrectionsPage } from '../marriage/amendments/CorrectionsPage';
import { BlacklistPage } from '../marriage/blacklist/BlacklistPage';
import { NumbersPage } from '../marriage/numbers/NumbersPage';
import { DivorcePage } from '../marriage/divorce/DivorcePage';
import { DivorceWorklistPage } from '../marriage/divorce/DivorceWorklistPage';
import { MarriageRecordPage } from '../marriage/registration/MarriageRecordPage';
import { MarriageRegistrationPage } from '../marriage/registration/MarriageRegistrationPage';
import { MarriageSearchPage } from '../marriage/search/MarriageSearchPage';
import { ArchiveImportPage } from '../marriage/archive/ArchiveImportPage';
import { StatsPage } from '../marriage/stats/StatsPage';
import { SettlementPage as WaiverSettlementPage } from '../funeral/waivers/SettlementPage';
import { StandardsPage as WaiverStandardsPage } from '../funeral/waivers/StandardsPage';
import { WaiverEntryPage } from '../funeral/waivers/WaiverEntryPage';
import { WaiverRecordPage } from '../funeral/waivers/WaiverRecordPage';
import { WaiversPage } from '../funeral/waivers/WaiversPage';
import { CemeteriesPage } from '../funeral/cemeteries/CemeteriesPage';
import { CemeteryPage } from '../funeral/cemeteries/CemeteryPage';
import { CemeterySettingsPage } from '../funeral/cemeteries/CemeterySettingsPage';
import { PlotMapPage } from '../funeral/cemeteries/PlotMapPage';
import { PlotPage } from '../funeral/cemeteries/PlotPage';
import { BurialRecordPage } from '../funeral/burials/BurialRecordPage';
import { BurialRegisterPage } from '../funeral/burials/BurialRegisterPage';
import { BurialSearchPage } from '../funeral/burials/BurialSearchPage';
import { ExpiringPage } from '../funeral/burials/ExpiringPage';
import { StoragePage } from '../funeral/burials/StoragePage';
import { StorageRecordPage } from '../funeral/burials/StorageRecordPage';
import { SubsidyApplyPage } from '../funeral/subsidies/SubsidyApplyPage';
import { SubsidyBatchesPage } from '../funeral/subsidies/SubsidyBatchesPage';
import { SubsidyPoliciesPage } from '../funeral/subsidies/SubsidyPoliciesPage';
import { SubsidyRecordPage } from '../funeral/subsidies/SubsidyRecordPage';
import { SubsidyWorklistPage } from '../funeral/subsidies/SubsidyWorklistPage';
import { ReportSettingsPage } from '../funeral/reports/ReportSettingsPage';
import { ReportsPage } from '../funeral/reports/ReportsPage';
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
  '/marriage/search': <MarriageSearchPage />,
  '/marriage/archive': <ArchiveImportPage />,
  '/marriage/divorce': <DivorcePage />,
  '/marriage/divorce/worklist': <DivorceWorklistPage />,
  '/marriage/counter': <CounterPage />,
  '/marriage/appointments': <AppointmentsPage />,
  '/marriage/ceremonies': <CeremoniesPage />,
  '/marriage/counter-setup': <CounterSetupPage />,
  '/marriage/corrections': <CorrectionsPage />,
  '/marriage/blacklist': <BlacklistPage />,
  '/marriage/numbers': <NumbersPage />,
  '/marriage/stats': <StatsPage />,
  '/funeral': <FuneralPage />,
  '/funeral/waivers': <WaiversPage />,
  '/funeral/waivers/new': <WaiverEntryPage />,
  '/funeral/waivers/:id': <WaiverRecordPage />,
  '/funeral/waivers/settlement': <WaiverSettlementPage />,
  '/funeral/waivers/standards': <WaiverStandardsPage />,
  '/funeral/cemeteries': <CemeteriesPage />,
  '/funeral/cemeteries/:id': <CemeteryPage />,
  '/funeral/cemeteries/sections/:id/map': <PlotMapPage />,
  '/funeral/cemeteries/plots/:id': <PlotPage />,
  '/funeral/burials': <BurialSearchPage />,
  '/funeral/burials/new': <BurialRegisterPage />,
  '/funeral/burials/:id': <BurialRecordPage />,
  '/funeral/expiring': <ExpiringPage />,
  '/funeral/storage': <StoragePage />,
  '/funeral/storage/:id': <StorageRecordPage />,
  '/funeral/cemetery-settings': <CemeterySettingsPage />,
  '/funeral/subsidies': <SubsidyWorklistPage />,
  '/funeral/subsidies/apply': <SubsidyApplyPage />,
  '/funeral/subsidies/batches': <SubsidyBatchesPage />,
  '/funeral/subsidies/policies': <SubsidyPoliciesPage />,
  '/funeral/subsidies/:id': <SubsidyRecordPage />,
  '/funeral/reports': <ReportsPage />,
  '/funeral/reports/settings': <ReportSettingsPage />,
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
