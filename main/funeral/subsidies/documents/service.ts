import type { AppContext } from '../../../core/app';
import { userById } from '../../../core/auth/data';
import { recordAudit, type Actor } from '../../../core/audit/service';
import type { FileOutput } from '../../../core/contract/fields';
import { writeTransaction } from '../../../core/db/connection';
import { fontsOf, pdfOutput } from '../../../core/documents/service';
import { ServiceError, notFound } from '../../../core/errors';
import type { HandlerContext } from '../../../core/handler';
import { localTodayIso } from '../../../core/idnumber/dates';
import { maskResidentId } from '../../../core/idnumber/residentId';
import { getSettings } from '../../../core/settings/service';
import { burialFormLabels } from '../../shared/forms';
import { XLSX_MIME, applicationStatusLabels, maskBankAccount } from '../contract';
import { applicationById, applicationsOfBatch, batchById } from '../data';
import { applicationView, seesFullAccounts } from '../views';
import { renderNotice } from './notice';
import { renderRoster, type RosterData } from './roster';
import { renderRosterXlsx } from './rosterXlsx';

// Gathers the records, renders the document and audits it: who printed or exported what, when,
// and — for rosters — whether the full bank account numbers were on it.

function office(app: AppContext) {
  const s = getSettings(app.db);
  return { officeName: s.officeName, divisionCode: s.divisionCode };
}

const displayName = (app: AppContext, actor: Actor): string =>
  (actor.userId === null ? null : userById(app.db, actor.userId)?.display_name) ?? actor.username ?? '';

function audit(app: AppContext, actor: Actor, action: 'print' | 'export', entity: string, id: number, detail: string) {
  writeTransaction(app.db, () => recordAudit(app.db, app.clock, actor, { action, entity, entityId: id, detail }));
}

export async function noticePdf(ctx: HandlerContext, id: number): Promise<FileOutput> {
  const { app, actor } = ctx;
  const row = applicationById(app.db, id);
  if (!row) throw notFound('该奖补申请');
  if (row.status !== 'approved' && row.status !== 'paid') {
    throw new ServiceError(
      'RULE_VIOLATION',
      `申请 ${row.number} 当前为“${applicationStatusLabels[row.status]}”，批准后才能出具审批通知书`,
    );
  }
  const view = applicationView(app, row, ctx.permissions);
  const bytes = await renderNotice(
    fontsOf(app),
    { application: view, approvedOn: localTodayIso(new Date(row.approved_at!)), clerkName: displayName(app, actor) },
    office(app),
  );
  audit(app, actor, 'print', 'subsidyApplication', id, `打印节地生态安葬奖补审批通知书（${row.number}，${row.deceased_name}）`);
  return pdfOutput(`奖补审批通知书-${row.number}.pdf`, bytes);
}

function rosterData(ctx: HandlerContext, batchId: number): RosterData {
  const { app, actor } = ctx;
  const b = batchById(app.db, batchId);
  if (!b) throw new ServiceError('NOT_FOUND', '未找到该发放批次');
  const full = seesFullAccounts(ctx.permissions);
  return {
    batchNumber: b.number,
    batchTitle: b.title,
    createdOn: localTodayIso(new Date(b.created_at)),
    paid: b.status === 'paid' && b.paid_on && b.payment_reference ? { on: b.paid_on, reference: b.payment_reference } : null,
    lines: applicationsOfBatch(app.db, b.id).map((r, i) => ({
      seq: i + 1,
      number: r.number,
      deceasedName: r.deceased_name,
      deceasedIdNumber: maskResidentId(r.deceased_id_number),
      formLabel: burialFormLabels[r.form],
      payee: r.bank_account_name,
      bankName: r.bank_name,
      accountNumber: full ? r.bank_account_number : maskBankAccount(r.bank_account_number),
      familyFen: r.family_fen,
      cemeteryFen: r.cemetery_fen,
      cemeteryName: r.cemetery_name,
    })),
    fullAccounts: full,
    preparedBy: displayName(app, actor),
    printedOn: localTodayIso(app.clock.now()),
  };
}

const accountsNote = (d: RosterData) => (d.fullAccounts ? '含完整银行账号' : '银行账号已脱敏');

export async function rosterPdf(ctx: HandlerContext, batchId: number): Promise<FileOutput> {
  const d = rosterData(ctx, batchId);
  const bytes = await renderRoster(fontsOf(ctx.app), d, office(ctx.app));
  audit(
    ctx.app,
    ctx.actor,
    'print',
    'subsidyBatch',
    batchId,
    `打印发放花名册 ${d.batchNumber}（${d.lines.length} 人，${accountsNote(d)}）`,
  );
  return pdfOutput(`奖补发放花名册-${d.batchNumber}.pdf`, bytes);
}

export async function rosterXlsx(ctx: HandlerContext, batchId: number): Promise<FileOutput> {
  const d = rosterData(ctx, batchId);
  const bytes = await renderRosterXlsx(d, office(ctx.app));
  audit(
    ctx.app,
    ctx.actor,
    'export',
    'subsidyBatch',
    batchId,
    `导出发放花名册 Excel ${d.batchNumber}（${d.lines.length} 人，${accountsNote(d)}）`,
  );
  return {
    fileName: `奖补发放花名册-${d.batchNumber}.xlsx`,
    mimeType: XLSX_MIME,
    base64: bytes.toString('base64'),
    byteLength: bytes.length,
  };
}
