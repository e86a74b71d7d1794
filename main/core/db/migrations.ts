import type { Migration } from './migrate';
import { m0001 } from './migrations/0001_core_accounts';
import { m0002 } from './migrations/0002_core_audit';
import { m0003 } from './migrations/0003_core_numbering';
import { m0004 } from '../../marriage/counter/migrations/0004_marriage_counter';
import { m0005 } from '../../marriage/migrations/0005_marriage_registration';
import { m0006 } from '../../marriage/divorce/migrations/0006_marriage_divorce';
import { m0007 } from '../../marriage/amendments/migrations/0007_marriage_amendments';

// Every migration of every module, in the one order they run. Modules append theirs here with the
// next free number; the runner refuses gaps and repeats.
export const allMigrations: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007];
