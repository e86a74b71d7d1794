import type { AppContext } from '../../core/app';
import { type Actor } from '../../core/audit/service';
import type { FileOutput } from '../../core/contract/fields';
import { fontsOf, pdfOutput } from '../../core/documents/service';
import { ServiceError, notFound } from '../../core/errors';
import type { Application, RefusalView, RegistrationView } from '../contract';
import { refusalById, registrationById } from '../data';
import { getRegistration } from '../service';
import { currentJointPhoto } from '../attachments/service';
import { renderCertificate } from './certificate';
import { auditPrint, clerkName, MODE_LABELS, officeOf, printedHow, printerProfile } from './printing';
import type { CertificateMode } from './contract';
import { renderDeclarations } from './declaration';
import { renderRefusalNotice, refusalNoticeNumber } from './refusalNotice';
import { renderReviewForm } from './reviewForm';

// Gathers a record, renders its document and audits the print: who printed which document of
// which record, when, and (for certificates) how.

export interface CertificateRequest {
  id: number;
  mode: CertificateMode;
  printer: string | null;
  /** A photo to print instead of the record's own (tests); normally the record's current joint photo. */
  photo?: Buffer | null;
}

/**
 * A record imported from the paper archive was registered elsewhere and long ago: this system did
 * not take its application or draw its number, so it prints none of the counter's documents for
 * it. A couple who needs a certificate gets a replacement (补领, BJ) instead.
 */
function refuseArchiveRecord(reg: RegistrationView, what: string): void {
  if (reg.source !== 'archive') return;
  throw new ServiceError(
    'RULE_VIOLATION',
    `${reg.certificateNumber} 是历史档案记录，本系统不打印其${what}；当事人需要结婚证的，请办理补领（BJ）`,
  );
}

export async function certificatePdf(app: AppContext, actor: Actor, req: CertificateRequest): Promise<FileOutput> {
  const reg = getRegistration(app, req.id);
  refuseArchiveRecord(reg, '原结婚证');
  if (reg.status !== 'registered') {
    throw new ServiceError('RULE_VIOLATION', `结婚证字号 ${reg.certificateNumber} 的婚姻已解除，不能再打印结婚证`);
  }
  const printer = printerProfile(app, req.printer);
  const stored = req.photo ? null : currentJointPhoto(app, reg.id);
  const bytes = await renderCertificate(
    fontsOf(app),
    {
      registration: reg,
      clerkName: clerkName(app, registrationById(app.db, req.id)!.clerk_id),
      photo: req.photo ?? stored?.bytes ?? null,
    },
    { ...officeOf(app), mode: req.mode, printer },
  );
  const how = printedHow(req.mode, printer);
  const photo = stored ? `，合影 #${stored.id}` : req.photo ? '' : '，无合影';
  auditPrint(app, actor, 'marriageRegistration', reg.id, `打印结婚证 ${reg.certificateNumber}${how}${photo}`);
  return pdfOutput(`结婚证-${reg.certificateNumber}-${MODE_LABELS[req.mode]}.pdf`, bytes);
}

export async function reviewFormPdf(app: AppContext, actor: Actor, id: number): Promise<FileOutput> {
  const reg = getRegistration(app, id);
  refuseArchiveRecord(reg, '审查处理表');
  const bytes = await renderReviewForm(
    fontsOf(app),
    { registration: reg, clerkName: clerkName(app, registrationById(app.db, id)!.clerk_id) },
    officeOf(app),
  );
  auditPrint(app, actor, 'marriageRegistration', id, `打印结婚登记审查处理表（${reg.certificateNumber}）`);
  return pdfOutput(`结婚登记审查处理表-${reg.certificateNumber}.pdf`, bytes);
}

export async function declarationsPdf(app: AppContext, actor: Actor, id: number): Promise<FileOutput> {
  const reg = getRegistration(app, id);
  refuseArchiveRecord(reg, '声明书');
  const bytes = await renderDeclarations(
    fontsOf(app),
    { registration: reg, clerkName: clerkName(app, registrationById(app.db, id)!.clerk_id) },
    officeOf(app),
  );
  auditPrint(app, actor, 'marriageRegistration', id, `打印申请结婚登记声明书（双方，${reg.certificateNumber}）`);
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
  const bytes = await renderRefusalNotice(fontsOf(app), { refusal, clerkName: clerkName(app, row.clerk_id) }, officeOf(app));
  const number = refusalNoticeNumber(refusal);
  auditPrint(app, actor, 'marriageRefusal', refusalId, `打印不予办理结婚登记通知单（编号 ${number}）`);
  return pdfOutput(`不予办理结婚登记通知单-${number}.pdf`, bytes);
}
