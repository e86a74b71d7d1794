import type { AppContext } from '../../core/app';
import { recordAudit } from '../../core/audit/service';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError, notFound } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { getDivorce } from '../divorce/service';
import { getRegistration } from '../service';
import {
  AGREEMENT_FILE,
  formatBytes,
  mimeLabels,
  type AttachmentFile,
  type AttachmentView,
  type JointPhotoState,
} from './contract';
import {
  agreementFilesOf,
  attachmentMeta,
  attachmentWithContent,
  currentJointPhotoRow,
  insertAttachment,
  jointPhotosOf,
  type AttachmentMeta,
  type AttachmentRow,
} from './data';
import { checkAgreementFile, checkJointPhoto, type CheckedFile } from './validate';

// The joint photo and the scanned divorce agreement. Files are checked from their bytes before
// the write transaction (that is CPU work, not a reason to hold the lock), stored once, and never
// changed: a new photo replaces the current one by reference and the old one stays. Each store
// is audited on the record it belongs to, so the record's history shows it.

function view(m: AttachmentMeta, current: boolean): AttachmentView {
  return {
    id: m.id,
    kind: m.kind,
    mimeType: m.mime_type,
    byteSize: m.byte_size,
    sha256: m.sha256,
    fileName: m.file_name,
    width: m.width,
    height: m.height,
    replaces: m.replaces,
    current,
    createdAt: m.created_at,
    createdBy: m.created_by_name,
  };
}

const withContent = (r: AttachmentRow, current: boolean): AttachmentFile => ({
  ...view(r, current),
  base64: r.content.toString('base64'),
});

/** What the audit entry keeps of a file: enough to identify it, never the bytes. */
const auditSummary = (
  id: number,
  f: Pick<CheckedFile, 'fileName' | 'mimeType' | 'width' | 'height' | 'sha256'>,
  size: number,
) => ({
  attachmentId: id,
  fileName: f.fileName,
  mimeType: f.mimeType,
  byteSize: size,
  width: f.width,
  height: f.height,
  sha256: f.sha256,
});

const describeFile = (f: CheckedFile): string =>
  `「${f.fileName}」（${mimeLabels[f.mimeType]}${f.width ? `，${f.width} × ${f.height} 像素` : ''}，${formatBytes(f.bytes.length)}）`;

// ── Joint photo ──────────────────────────────────────────────────────────────────────────────────

export function setJointPhoto(
  ctx: HandlerContext,
  input: { registrationId: number; fileName: string; base64: string },
): AttachmentView {
  const { app, actor } = ctx;
  const file = checkJointPhoto(input.fileName, input.base64);
  return writeTransaction(app.db, () => {
    const reg = getRegistration(app, input.registrationId);
    if (reg.status !== 'registered') {
      throw new ServiceError('RULE_VIOLATION', `结婚证字号 ${reg.certificateNumber} 的婚姻已解除，不能再更换合影`);
    }
    const previous = jointPhotosOf(app.db, reg.id)[0];
    if (previous?.sha256 === file.sha256) {
      throw new ServiceError('CONFLICT', `所选照片与当前合影（${previous.file_name}）完全相同，无需更换`, 'base64');
    }
    const id = insertAttachment(app.db, {
      kind: 'jointPhoto',
      registration_id: reg.id,
      divorce_id: null,
      mime_type: file.mimeType,
      byte_size: file.bytes.length,
      sha256: file.sha256,
      file_name: file.fileName,
      width: file.width,
      height: file.height,
      replaces: previous?.id ?? null,
      created_by: actor.userId,
      created_at: app.clock.now().toISOString(),
      content: file.bytes,
    });
    recordAudit(app.db, app.clock, actor, {
      action: 'update',
      entity: 'marriageRegistration',
      entityId: reg.id,
      before: previous
        ? {
            jointPhoto: auditSummary(
              previous.id,
              { ...previous, fileName: previous.file_name, mimeType: previous.mime_type },
              previous.byte_size,
            ),
          }
        : { jointPhoto: null },
      after: { jointPhoto: auditSummary(id, file, file.bytes.length) },
      detail: previous
        ? `更换双方合影为 ${describeFile(file)}；原合影「${previous.file_name}」保留在历史中`
        : `导入双方合影 ${describeFile(file)}`,
    });
    return view(attachmentMeta(app.db, id)!, true);
  });
}

export function getJointPhoto(app: AppContext, registrationId: number): JointPhotoState {
  getRegistration(app, registrationId); // NOT_FOUND for an unknown record
  const current = currentJointPhotoRow(app.db, registrationId);
  return {
    current: current ? withContent(current, true) : null,
    history: jointPhotosOf(app.db, registrationId).map((m) => view(m, m.id === current?.id)),
  };
}

/** The photo the certificate prints now, or null. */
export function currentJointPhoto(app: AppContext, registrationId: number): { id: number; bytes: Buffer } | null {
  const row = currentJointPhotoRow(app.db, registrationId);
  return row ? { id: row.id, bytes: row.content } : null;
}

// ── Scanned divorce agreement ────────────────────────────────────────────────────────────────────

export function attachAgreementFile(
  ctx: HandlerContext,
  input: { divorceId: number; fileName: string; base64: string },
): AttachmentView {
  const { app, actor } = ctx;
  const file = checkAgreementFile(input.fileName, input.base64);
  // Outside the write transaction: reading a divorce first settles any lapsed application (its own write).
  const divorce = getDivorce(app, input.divorceId);
  return writeTransaction(app.db, () => {
    const existing = agreementFilesOf(app.db, divorce.id);
    if (existing.length >= AGREEMENT_FILE.maxFilesPerApplication) {
      throw new ServiceError(
        'RULE_VIOLATION',
        `该离婚申请已附 ${existing.length} 份扫描件，已达上限；多页协议请合并为一个 PDF 后上传`,
      );
    }
    const same = existing.findIndex((e) => e.sha256 === file.sha256);
    if (same >= 0) {
      throw new ServiceError(
        'CONFLICT',
        `该文件已作为第 ${same + 1} 份扫描件（${existing[same]!.file_name}）上传过，无需重复上传`,
        'base64',
      );
    }
    const id = insertAttachment(app.db, {
      kind: 'divorceAgreement',
      registration_id: null,
      divorce_id: divorce.id,
      mime_type: file.mimeType,
      byte_size: file.bytes.length,
      sha256: file.sha256,
      file_name: file.fileName,
      width: file.width,
      height: file.height,
      replaces: null,
      created_by: actor.userId,
      created_at: app.clock.now().toISOString(),
      content: file.bytes,
    });
    recordAudit(app.db, app.clock, actor, {
      action: 'update',
      entity: 'divorceApplication',
      entityId: divorce.id,
      after: { agreementFile: auditSummary(id, file, file.bytes.length) },
      detail: `附加离婚协议书扫描件（第 ${existing.length + 1} 份）${describeFile(file)}`,
    });
    return view(attachmentMeta(app.db, id)!, true);
  });
}

export function listAgreementFiles(app: AppContext, divorceId: number): AttachmentView[] {
  const divorce = getDivorce(app, divorceId); // NOT_FOUND for an unknown application
  return agreementFilesOf(app.db, divorce.id).map((m) => view(m, true));
}

export function getAgreementFile(app: AppContext, id: number): AttachmentFile {
  const row = attachmentWithContent(app.db, id);
  if (!row || row.kind !== 'divorceAgreement') throw notFound('该协议书扫描件');
  return withContent(row, true);
}
