import type { AppContext } from '../../../core/app';
import { type Actor } from '../../../core/audit/service';
import type { FileOutput } from '../../../core/contract/fields';
import { fontsOf, pdfOutput } from '../../../core/documents/service';
import { ServiceError, notFound } from '../../../core/errors';
import { auditPrint, clerkName, MODE_LABELS, officeOf, printedHow, printerProfile } from '../../documents/printing';
import { getRegistration } from '../../service';
import { divorceById } from '../data';
import { getDivorce } from '../service';
import { renderDivorceCertificate } from './certificate';
import { divorceReference } from './common';
import type { DivorceCertificateMode } from './contract';
import { renderReceipt } from './receipt';
import { renderWithdrawal } from './withdrawal';

// Gathers a divorce application and its marriage, renders the document and audits the print: who
// printed which document of which application, when, and (for certificates) how.

function load(app: AppContext, id: number) {
  const view = getDivorce(app, id);
  const row = divorceById(app.db, id);
  if (!row) throw notFound('该离婚申请');
  const marriage = getRegistration(app, view.marriageId);
  return { view, row, parties: marriage.parties };
}

export async function divorceReceiptPdf(app: AppContext, actor: Actor, id: number): Promise<FileOutput> {
  const { view, row, parties } = load(app, id);
  const bytes = await renderReceipt(
    fontsOf(app),
    { divorce: view, parties, clerkName: clerkName(app, row.clerk_id) },
    officeOf(app),
  );
  const ref = divorceReference(view);
  auditPrint(
    app,
    actor,
    'divorceApplication',
    id,
    `打印离婚登记申请受理回执单（编号 ${ref}，结婚证字号 ${view.marriageCertificateNumber}）`,
  );
  return pdfOutput(`离婚登记申请受理回执单-${ref}.pdf`, bytes);
}

export async function divorceWithdrawalPdf(app: AppContext, actor: Actor, id: number): Promise<FileOutput> {
  const { view, row, parties } = load(app, id);
  if (view.status !== 'withdrawn') {
    throw new ServiceError('RULE_VIOLATION', `该离婚申请未经当事人撤回（${view.stageLabel}），不能出具撤回确认单`);
  }
  const bytes = await renderWithdrawal(
    fontsOf(app),
    { divorce: view, parties, reason: row.withdrawal_reason, clerkName: clerkName(app, actor.userId) },
    officeOf(app),
  );
  const ref = divorceReference(view);
  auditPrint(app, actor, 'divorceApplication', id, `打印撤回离婚登记申请确认单（编号 ${ref}）`);
  return pdfOutput(`撤回离婚登记申请确认单-${ref}.pdf`, bytes);
}

export interface DivorceCertificateRequest {
  id: number;
  mode: DivorceCertificateMode;
  printer: string | null;
}

export async function divorceCertificatePdf(app: AppContext, actor: Actor, req: DivorceCertificateRequest): Promise<FileOutput> {
  const { view, parties } = load(app, req.id);
  if (view.status !== 'issued' || view.certificateNumber === null || view.issuedOn === null) {
    throw new ServiceError('RULE_VIOLATION', `该离婚申请尚未发给离婚证（${view.stageLabel}），不能打印离婚证`);
  }
  const printer = printerProfile(app, req.printer);
  const bytes = await renderDivorceCertificate(
    fontsOf(app),
    { certificateNumber: view.certificateNumber, issuedOn: view.issuedOn, parties, clerkName: clerkName(app, actor.userId) },
    { ...officeOf(app), mode: req.mode, printer },
  );
  const how = printedHow(req.mode, printer);
  auditPrint(app, actor, 'divorceApplication', req.id, `打印离婚证 ${view.certificateNumber}${how}`);
  return pdfOutput(`离婚证-${view.certificateNumber}-${MODE_LABELS[req.mode]}.pdf`, bytes);
}
