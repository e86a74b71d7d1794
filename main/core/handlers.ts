import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { backupHandlers } from './backup/handlers';
import type { ChannelName } from './contract';
import { documentsHandlers } from './documents/handlers';
import type { HandlerMap } from './handler';
import { jobsHandlers } from './jobs/handlers';
import { settingsHandlers } from './settings/handlers';
import { marriageCounterHandlers } from '../marriage/counter/handlers';
import { marriageHandlers } from '../marriage/handlers';
import { divorceHandlers } from '../marriage/divorce/handlers';
import { marriageDocumentsHandlers } from '../marriage/documents/handlers';
import { marriageNumbersHandlers } from '../marriage/numbers/handlers';
import { divorceDocumentsHandlers } from '../marriage/divorce/documents/handlers';
import { amendmentsHandlers } from '../marriage/amendments/handlers';
import { marriageSearchHandlers } from '../marriage/search/handlers';
import { marriageArchiveHandlers } from '../marriage/archive/handlers';
import { attachmentsHandlers } from '../marriage/attachments/handlers';
import { marriageStatsHandlers } from '../marriage/stats/handlers';
import { waiversHandlers } from '../funeral/waivers/handlers';
import { subsidiesHandlers } from '../funeral/subsidies/handlers';
import { cemeteriesHandlers } from '../funeral/cemeteries/handlers';
import { burialsHandlers } from '../funeral/burials/handlers';
import { storageHandlers } from '../funeral/burials/storage/handlers';
import { burialDocumentsHandlers } from '../funeral/burials/documents/handlers';
import { funeralReportsHandlers } from '../funeral/reports/handlers';

// Every channel of the contract must have exactly one handler: `satisfies` fails the build if one
// is missing, and each area's map is typed against the contract by defineHandlers.
export const handlers = {
  ...authHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...backupHandlers,
  ...jobsHandlers,
  ...documentsHandlers,
  ...marriageCounterHandlers,
  ...marriageHandlers,
  ...divorceHandlers,
  ...marriageDocumentsHandlers,
  ...marriageNumbersHandlers,
  ...divorceDocumentsHandlers,
  ...amendmentsHandlers,
  ...marriageSearchHandlers,
  ...marriageArchiveHandlers,
  ...attachmentsHandlers,
  ...marriageStatsHandlers,
  ...waiversHandlers,
  ...subsidiesHandlers,
  ...cemeteriesHandlers,
  ...burialsHandlers,
  ...storageHandlers,
  ...burialDocumentsHandlers,
  ...funeralReportsHandlers,
} satisfies HandlerMap<ChannelName>;
