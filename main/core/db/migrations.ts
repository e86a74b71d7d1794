import type { Migration } from './migrate';
import { m0010 } from './migrations/0010_core_funeral_approver_role';
import { m0001 } from './migrations/0001_core_accounts';
import { m0002 } from './migrations/0002_core_audit';
import { m0003 } from './migrations/0003_core_numbering';
import { m0004 } from '../../marriage/counter/migrations/0004_marriage_counter';
import { m0005 } from '../../marriage/migrations/0005_marriage_registration';
import { m0006 } from '../../marriage/divorce/migrations/0006_marriage_divorce';
import { m0007 } from '../../marriage/amendments/migrations/0007_marriage_amendments';
import { m0008 } from '../../marriage/archive/migrations/0008_marriage_archive_search';
import { m0009 } from '../../marriage/attachments/migrations/0009_marriage_attachments';
import { m0011 } from '../../funeral/cemeteries/migrations/0011_funeral_cemeteries';
import { m0012 } from '../../funeral/burials/migrations/0012_funeral_burials';
import { m0013 } from '../../funeral/subsidies/migrations/0013_funeral_subsidies';
import { m0014 } from '../../funeral/waivers/migrations/0014_funeral_waivers';
import { m0015 } from '../../funeral/reports/migrations/0015_funeral_reports';

// Every migration of every module, in the one order they run. Modules append theirs here with the
// next free number; the runner refuses gaps and repeats.
export const allMigrations: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
];
