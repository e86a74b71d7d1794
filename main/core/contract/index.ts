import type { z } from 'zod';
import { auditContract } from '../audit/contract';
import { authContract } from '../auth/contract';
import { backupContract } from '../backup/contract';
import { documentsContract } from '../documents/contract';
import { jobsContract } from '../jobs/contract';
import { settingsContract } from '../settings/contract';
import { marriageCounterContract } from '../../marriage/counter/contract';
import { marriageContract } from '../../marriage/contract';
import { divorceContract } from '../../marriage/divorce/contract';
import { marriageDocumentsContract } from '../../marriage/documents/contract';
import { marriageNumbersContract } from '../../marriage/numbers/contract';
import { divorceDocumentsContract } from '../../marriage/divorce/documents/contract';
import { amendmentsContract } from '../../marriage/amendments/contract';
import { marriageSearchContract } from '../../marriage/search/contract';
import { marriageArchiveContract } from '../../marriage/archive/contract';
import { attachmentsContract } from '../../marriage/attachments/contract';
import { marriageStatsContract } from '../../marriage/stats/contract';
import { waiversContract } from '../../funeral/waivers/contract';
import { subsidiesContract } from '../../funeral/subsidies/contract';
import { cemeteriesContract } from '../../funeral/cemeteries/contract';
import { burialsContract } from '../../funeral/burials/contract';
import { storageContract } from '../../funeral/burials/storage/contract';
import { burialDocumentsContract } from '../../funeral/burials/documents/contract';
import { funeralReportsContract } from '../../funeral/reports/contract';
import type { Result } from './result';

// The one list of everything the renderer may ask of main. Main, preload and renderer all import
// this; modules add their own `contract.ts` here.
export const contract = {
  ...authContract,
  ...auditContract,
  ...settingsContract,
  ...backupContract,
  ...jobsContract,
  ...documentsContract,
  ...marriageCounterContract,
  ...marriageContract,
  ...divorceContract,
  ...marriageDocumentsContract,
  ...marriageNumbersContract,
  ...divorceDocumentsContract,
  ...amendmentsContract,
  ...marriageSearchContract,
  ...marriageArchiveContract,
  ...attachmentsContract,
  ...marriageStatsContract,
  ...waiversContract,
  ...subsidiesContract,
  ...cemeteriesContract,
  ...burialsContract,
  ...storageContract,
  ...burialDocumentsContract,
  ...funeralReportsContract,
};

/** The parts, kept so a test can prove no module repeats another's channel name (spread would hide it). */
export const contractParts: readonly object[] = [
  authContract,
  auditContract,
  settingsContract,
  backupContract,
  jobsContract,
  documentsContract,
  marriageCounterContract,
  marriageContract,
  divorceContract,
  marriageDocumentsContract,
  marriageNumbersContract,
  divorceDocumentsContract,
  amendmentsContract,
  marriageSearchContract,
  marriageArchiveContract,
  attachmentsContract,
  marriageStatsContract,
  waiversContract,
  subsidiesContract,
  cemeteriesContract,
  burialsContract,
  storageContract,
  burialDocumentsContract,
  funeralReportsContract,
];

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>;
export type OutputOf<C extends ChannelName> = Contract[C]['output'];

/** What the preload (desktop) and the HTTP client (browser) both give the renderer. */
export type Api = { [C in ChannelName]: (input: InputOf<C>) => Promise<Result<OutputOf<C>>> };

export const channelNames = Object.keys(contract) as ChannelName[];

/** Channels a locked session may still call: enough to unlock or leave. */
export const allowedWhileLocked: ReadonlySet<ChannelName> = new Set(['auth.unlock', 'auth.logout', 'auth.me']);
/** Calls a screen makes by itself (polling): they must not keep an unattended session from locking. */
export const notUserActivity: ReadonlySet<ChannelName> = new Set(['jobs.get', 'auth.me']);
/** Channels a user who must change the password may call before doing so. */
export const allowedBeforePasswordChange: ReadonlySet<ChannelName> = new Set([
  'auth.changePassword',
  'auth.logout',
  'auth.me',
  'auth.lock',
  'auth.unlock',
  'settings.get',
]);

export * from './result';
export * from './roles';
