import type { AppContext } from '../../core/app';
import { userById } from '../../core/auth/data';
import { recordAudit, type Actor } from '../../core/audit/service';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError } from '../../core/errors';
import { getSettings } from '../../core/settings/service';
import type { PrinterOffset } from './certificate';

// What every marriage document service needs around the renderer: the office's name, the clerk's
// name, the printer's calibration, and the audit entry that says who printed what and how.

export const MODE_LABELS = { preview: '预览', overlay: '套打' } as const;

export function officeOf(app: AppContext): { officeName: string; divisionCode: string } {
  const s = getSettings(app.db);
  return { officeName: s.officeName, divisionCode: s.divisionCode };
}

/** The clerk's display name for the documents (登记员 / 监誓人). */
export function clerkName(app: AppContext, userId: number | null): string {
  if (userId === null) return '';
  return userById(app.db, userId)?.display_name ?? '';
}

/** The named printer's offsets, or the default printer's; null prints without correction. */
export function printerProfile(app: AppContext, printer: string | null): PrinterOffset | null {
  const s = getSettings(app.db);
  const name = printer ?? s.defaultPrinter;
  if (name === null) return null;
  const profile = s.printers.find((p) => p.name === name);
  if (!profile) throw new ServiceError('NOT_FOUND', `未登记名为“${name}”的打印机`, 'printer');
  return profile;
}

/** How a certificate was printed, for its audit line: preview, or overlay with which offsets. */
export function printedHow(mode: 'preview' | 'overlay', printer: PrinterOffset | null): string {
  if (mode !== 'overlay') return '（预览）';
  return `（套打${printer ? `，打印机“${printer.name}”，偏移 ${printer.dxMm}/${printer.dyMm} mm` : '，无偏移'}）`;
}

export function auditPrint(app: AppContext, actor: Actor, entity: string, entityId: number, detail: string): void {
  writeTransaction(app.db, () => recordAudit(app.db, app.clock, actor, { action: 'print', entity, entityId, detail }));
}
