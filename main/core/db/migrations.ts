import type { Migration } from './migrate';
import { m0001 } from './migrations/0001_core_accounts';
import { m0002 } from './migrations/0002_core_audit';
import { m0003 } from './migrations/0003_core_numbering';

// Every migration of every module, in the one order they run. Modules append theirs here with the
// next free number; the runner refuses gaps and repeats.
export const allMigrations: readonly Migration[] = [m0001, m0002, m0003];
