// The renderer's single door to main/: re-exports of the shared contract (zod schemas and types
// only). Pages import from here so the layering rule has one place to check.
export * from '../../../main/core/contract';
export type { FileOutput } from '../../../main/core/contract/fields';
export {
  newPassword as newPasswordSchema,
  username as usernameSchema,
  displayName as displayNameSchema,
} from '../../../main/core/contract/fields';
export { formatIssues } from '../../../main/core/contract/messages';
export type { UserView, SessionView, MeView } from '../../../main/core/auth/contract';
export type { AuditEntryView, AuditVerifyResult } from '../../../main/core/audit/contract';
export {
  settingsSchema,
  printerProfile as printerProfileSchema,
  type Settings,
  type PrinterProfile,
} from '../../../main/core/settings/contract';
export type { BackupView, BackupKind, SystemInfo, IntegrityResult } from '../../../main/core/backup/contract';
export type { JobView } from '../../../main/core/jobs/contract';
export * from '../../../main/marriage/counter/contract';
