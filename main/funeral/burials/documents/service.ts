import type { AppContext } from '../../../core/app';
import { recordAudit, type Actor } from '../../../core/audit/service';
import type { FileOutput } from '../../../core/contract/fields';
import { writeTransaction } from '../../../core/db/connection';
import { fontsOf, pdfOutput } from '../../../core/documents/service';
import { ServiceError } from '../../../core/errors';
import { localTodayIso } from '../../../core/idnumber/dates';
import { cemeteryFacts, getPlot } from '../../cemeteries/service';
import { insertPrint, printsOf, userName, type PrintRow } from '../data';
import { getBurial } from '../service';
import { getStorage } from '../storage/service';
import { renderBurialCertificate } from './burialCertificate';
import { renderExpiryNotices } from './expiryNotice';
import { renderStorageCertificate } from './storageCertificate';

// Gathers the record, renders the PDF and logs the print: the first copy freely, every later copy
// (补打) only with a reason — both in the print log and in the audit log.

type Kind = PrintRow['kind'];
const KIND_LABELS: Record<Kind, string> = { burialCertificate: '公墓安葬证', storageCertificate: '骨灰寄存证' };
const today = (app: AppContext): string => localTodayIso(app.clock.now());

function nextCopy(app: AppContext, kind: Kind, recordId: number, reason: string | null): number {
  const printed = printsOf(app.db, kind, recordId).length;
  if (printed > 0 && (reason === null || reason.trim().length < 2)) {
    throw new ServiceError(
      'RULE_VIOLATION',
      `该${KIND_LABELS[kind]}已打印 ${printed} 份；补打须说明原因（如遗失、污损、打印失败）`,
      'reprintReason',
    );
  }
  return printed + 1;
}

function logPrint(
  app: AppContext,
  actor: Actor,
  o: { kind: Kind; recordId: number; copyNo: number; reason: string | null; entity: string; number: string },
): void {
  writeTransaction(app.db, () => {
    if (printsOf(app.db, o.kind, o.recordId).length !== o.copyNo - 1)
      throw new ServiceError('CONFLICT', `该${KIND_LABELS[o.kind]}刚被其他窗口打印，请重新打印`);
    insertPrint(app.db, {
      kind: o.kind,
      record_id: o.recordId,
      copy_no: o.copyNo,
      reason: o.copyNo === 1 ? null : o.reason!.trim(),
      printed_by: actor.userId,
      printed_at: app.clock.now().toISOString(),
    });
    recordAudit(app.db, app.clock, actor, {
      action: 'print',
      entity: o.entity,
      entityId: o.recordId,
      detail:
        o.copyNo === 1
          ? `打印${KIND_LABELS[o.kind]} ${o.number}（第 1 份）`
          : `补打${KIND_LABELS[o.kind]} ${o.number}（第 ${o.copyNo} 份），原因：${o.reason!.trim()}`,
    });
  });
}

export async function burialCertificatePdf(
  app: AppContext,
  actor: Actor,
  id: number,
  reprintReason: string | null,
): Promise<FileOutput> {
  const burial = getBurial(app, id);
  const copyNo = nextCopy(app, 'burialCertificate', id, reprintReason);
  const bytes = await renderBurialCertificate(fontsOf(app), {
    burial,
    plot: getPlot(app, burial.plotId),
    cemetery: cemeteryFacts(app, burial.cemeteryId),
    copyNo,
    printedOn: today(app),
    clerkName: userName(app.db, actor.userId),
  });
  logPrint(app, actor, {
    kind: 'burialCertificate',
    recordId: id,
    copyNo,
    reason: reprintReason,
    entity: 'funeralBurial',
    number: burial.certificateNumber,
  });
  return pdfOutput(`公墓安葬证-${burial.certificateNumber}${copyNo > 1 ? `-补打${copyNo}` : ''}.pdf`, bytes);
}

export async function storageCertificatePdf(
  app: AppContext,
  actor: Actor,
  id: number,
  reprintReason: string | null,
): Promise<FileOutput> {
  const storage = getStorage(app, id);
  const copyNo = nextCopy(app, 'storageCertificate', id, reprintReason);
  const bytes = await renderStorageCertificate(fontsOf(app), {
    storage,
    cemetery: cemeteryFacts(app, storage.cemeteryId),
    copyNo,
    printedOn: today(app),
    clerkName: userName(app.db, actor.userId),
  });
  logPrint(app, actor, {
    kind: 'storageCertificate',
    recordId: id,
    copyNo,
    reason: reprintReason,
    entity: 'funeralAshStorage',
    number: storage.certificateNumber,
  });
  return pdfOutput(`骨灰寄存证-${storage.certificateNumber}${copyNo > 1 ? `-补打${copyNo}` : ''}.pdf`, bytes);
}

export async function expiryNoticesPdf(app: AppContext, actor: Actor, burialIds: readonly number[]): Promise<FileOutput> {
  const ids = [...new Set(burialIds)];
  const items = ids.map((id) => {
    const burial = getBurial(app, id);
    return { burial, cemetery: cemeteryFacts(app, burial.cemeteryId) };
  });
  const on = today(app);
  const bytes = await renderExpiryNotices(fontsOf(app), items, on);
  writeTransaction(app.db, () => {
    for (const { burial } of items) {
      recordAudit(app.db, app.clock, actor, {
        action: 'print',
        entity: 'funeralBurial',
        entityId: burial.id,
        detail: `打印墓位使用期限届满续期通知书（${burial.plotLabel}，到期日 ${burial.expiresOn}，致 ${burial.holder.name}）`,
      });
    }
  });
  return pdfOutput(`续期通知书-${on}-${items.length}份.pdf`, bytes);
}
