import type { AppContext } from '../../core/app';
import { userById } from '../../core/auth/data';
import { recordAudit, type Actor } from '../../core/audit/service';
import type { FileOutput } from '../../core/contract/fields';
import { writeTransaction } from '../../core/db/connection';
import { fontsOf, pdfOutput } from '../../core/documents/service';
import { ServiceError, notFound } from '../../core/errors';
import { getSettings } from '../../core/settings/service';
import type { Application, RefusalView } from '../contract';
import { refusalById, registrationById } from '../data';
import { getRegistration } from '../service';
import { renderCertificate, type PrinterOffset } from './certificate';
import type { CertificateMode } from './contract';
import { renderDeclarations } from './declaration';
import { renderRefusalNotice, refusalNoticeNumber } from './refusalNotice';
import { renderReviewForm } from './reviewForm';

// Gathers a record, renders its document and audits the print: who printed which document of
// which record, when, and (for certificates) how.

const MODE_LABELS: Record<CertificateMode, string> = { preview: '预览', overlay: '套打' };

function office(app: AppContext) {
  const s = getSettings(app.db);
  return { officeName: s.officeName, divisionCode: s.divisionCode };
}

/** The clerk's display name for the documents (登记员 / 监誓人). */
function clerkName(app: AppContext, userId: number | null): string {
  if (userId === null) return '';
  return userById(app.db, userId)?.display_name ?? '';
}

function printerProfile(app: AppContext, printer: string | null): PrinterOffset | null {
  const s = getSettings(app.db);
  const name = printer ?? s.defaultPrinter;
  if (name === null) return null;
  const profile = s.printers.find((p) => p.name === name);
  if (!profile) throw new ServiceError('NOT_FOUND', `未登记名为“${name}”的打印机`, 'printer');
  return profile;
}

function audit(app: AppContext, actor: Actor, entity: string, entityId: number, detail: string): void {
  writeTransaction(app.db, () => recordAudit(app.db, app.clock, actor, { action: 'print', entity, entityId, detail }));
}

export interface CertificateRequest {
  id: number;
  mode: CertificateMode;
  printer: string | null;
  /** Joint photo to place on the certificate, until the record stores one. */
  photo?: Buffer | null;
}

export async function certificatePdf(app: AppContext, actor: Actor, req: CertificateRequest): Promise<FileOutput> {
  const reg = getRegistration(app, req.id);
  if (reg.status !== 'registered') {
    throw new ServiceError('RULE_VIOLATION', `结婚证字号 ${reg.certificateNumber} 的婚姻已解除，不能再打印结婚证`);
  }
  const printer = printerProfile(app, req.printer);
  const bytes = await renderCertificate(
    fontsOf(app),
    { registration: reg, clerkName: clerkName(app, registrationById(app.db, req.id)!.clerk_id), photo: req.photo ?? null },
    { ...office(app), mode: req.mode, printer },
  );
  const how =
    req.mode === 'overlay'
      ? `（套打${printer ? `，打印机“${printer.name}”，偏移 ${printer.dxMm}/${printer.dyMm} mm` : '，无偏移'}）`
      : '（预览）';
  audit(app, actor, 'marriageRegistration', reg.id, `打印结婚证 ${reg.certificateNumber}${how}`);
  return pdfOutput(`结婚证-${reg.certificateNumber}-${MODE_LABELS[req.mode]}.pdf`, bytes);
}

export async function reviewFormPdf(app: AppContext, actor: Actor, id: number): Promise<FileOutput> {
  const reg = getRegistration(app, id);
  const bytes = await renderReviewForm(
    fontsOf(app),
    { registration: reg, clerkName: clerkName(app, registrationById(app.db, id)!.clerk_id) },
    office(app),
  );
  audit(app, actor, 'marriageRegistration', id, `打印结婚登记审查处理表（${reg.certificateNumber}）`);
  return pdfOutput(`结婚登记审查处理表-${reg.certificateNumber}.pdf`, bytes);
}

export async function declarationsPdf(app: AppContext, actor: Actor, id: number): Promise<FileOutput> {
  const reg = getRegistration(app, id);
  const bytes = await renderDeclarations(
    fontsOf(app),
    { registration: reg, clerkName: clerkName(app, registrationById(app.db, id)!.clerk_id) },
    office(app),
  );
  audit(app, actor, 'marriageRegistration', id, `打印申请结婚登记声明书（双方，${reg.certificateNumber}）`);
  return pdfOutput(`申请结婚登记声明书-${reg.certificateNumber}.pdf`, bytes);
}

export async function refusalNoticePdf(app: AppContext, actor: Actor, refusalId: number): Promise<FileOutput> {
  const row = refusalById(app.db, refusalId);
  if (!row) throw notFound('该不予办理记录');
  const application = JSON.parse(row.application) as Application;
  const refusal: RefusalView = {
    id: row.id,
    refusalDate: row.refusal_date,
    reasons: JSON.parse(row.reasons),
    names: application.parties.map((p) => p.name),
    createdAt: row.created_at,
  };
  const bytes = await renderRefusalNotice(fontsOf(app), { refusal, clerkName: clerkName(app, row.clerk_id) }, office(app));
  const number = refusalNoticeNumber(refusal);
  audit(app, actor, 'marriageRefusal', refusalId, `打印不予办理结婚登记通知单（编号 ${number}）`);
  return pdfOutput(`不予办理结婚登记通知单-${number}.pdf`, bytes);
}
