// 补领的结婚证 (BJ) and 离婚证 (BL): the same pre-printed booklet and the same renderer as the
// original (renderBooklet), printed only for whoever applied — one party's booklet or both — with
// the replacement number in the number field and 补发 with the original number in 备注. The
// registration date stays the date of the original act (marriage, or the divorce certificate's
// issue): a replacement re-issues the certificate, it does not register anything again.

import type { AppContext } from '../../core/app';
import { type Actor } from '../../core/audit/service';
import type { FileOutput } from '../../core/contract/fields';
import { fontsOf, pdfOutput } from '../../core/documents/service';
import { ServiceError, notFound } from '../../core/errors';
import type { FontSet } from '../../core/pdf';
import { replacementById } from '../amendments/data';
import type { PartyView } from '../contract';
import { DIVORCE_BOOKLET } from '../divorce/documents/certificate';
import { getDivorce } from '../divorce/service';
import { getRegistration } from '../service';
import { currentJointPhoto } from '../attachments/service';
import { MARRIAGE_BOOKLET, renderBooklet, type CertificateOptions } from './certificate';
import { auditPrint, clerkName, MODE_LABELS, officeOf, printedHow, printerProfile } from './printing';
import { cnDate } from './common';
import type { CertificateMode } from './contract';
import type { CertificateValues } from './layout';

export interface ReplacementCertificateData {
  kind: 'BJ' | 'BL';
  /** BJ… / BL… */
  certificateNumber: string;
  /** The J… / L… number of the certificate replaced. */
  originalNumber: string;
  /** Marriage registration date (BJ) or the divorce certificate's issue date (BL). */
  registrationDate: string;
  issuedOn: string;
  applicant: 'male' | 'female' | 'both';
  parties: readonly [PartyView, PartyView];
  clerkName: string;
  /** The joint photo printed on a BJ booklet; null leaves the box empty. */
  photo?: Buffer | null;
}

/** 备注 of a replacement booklet: that it is re-issued, when, and which number it replaces. */
export const replacementRemarks = (d: Pick<ReplacementCertificateData, 'originalNumber' | 'issuedOn'>): string =>
  `补发（${cnDate(d.issuedOn)}），原证字号 ${d.originalNumber}`;

const sidesOf = (applicant: ReplacementCertificateData['applicant']): (0 | 1)[] =>
  applicant === 'both' ? [0, 1] : applicant === 'male' ? [0] : [1];

export function renderReplacementCertificate(
  fonts: FontSet,
  data: ReplacementCertificateData,
  o: CertificateOptions,
): Promise<Buffer> {
  const pages: CertificateValues[] = sidesOf(data.applicant).map((side) => ({
    holder: data.parties[side].name,
    holderSide: side,
    registrationDate: data.registrationDate,
    certificateNumber: data.certificateNumber,
    remarks: replacementRemarks(data),
    clerk: data.clerkName,
    parties: data.parties,
  }));
  return renderBooklet(fonts, data.kind === 'BJ' ? MARRIAGE_BOOKLET : DIVORCE_BOOKLET, pages, data.photo ?? null, o);
}

/** Gathers a replacement with its record, renders it and audits the print against the replacement. */
export async function replacementCertificatePdf(
  app: AppContext,
  actor: Actor,
  req: { id: number; mode: CertificateMode; printer: string | null },
): Promise<FileOutput> {
  const r = replacementById(app.db, req.id);
  if (!r) throw notFound('该补领证记录');
  const marriage = getRegistration(app, r.registration_id);
  if (r.kind === 'BJ' && marriage.status !== 'registered') {
    throw new ServiceError(
      'RULE_VIOLATION',
      `该婚姻已于 ${marriage.dissolvedAt?.slice(0, 10) ?? ''} 解除，补领的结婚证 ${r.certificate_number} 不能再打印`,
    );
  }
  const registrationDate = r.kind === 'BJ' ? marriage.registrationDate : getDivorce(app, r.divorce_id!).issuedOn;
  if (!registrationDate) throw new ServiceError('RULE_VIOLATION', '该离婚登记尚未发给离婚证，不能打印补领的离婚证');
  const printer = printerProfile(app, req.printer);
  // A replacement 结婚证 carries the couple's current joint photo like the original; a 离婚证 has none.
  const photo = r.kind === 'BJ' ? currentJointPhoto(app, r.registration_id) : null;
  const photoNote = r.kind === 'BJ' ? (photo ? `，合影 #${photo.id}` : '，无合影') : '';
  const bytes = await renderReplacementCertificate(
    fontsOf(app),
    {
      kind: r.kind,
      certificateNumber: r.certificate_number,
      originalNumber: r.original_number,
      registrationDate,
      issuedOn: r.issued_on,
      applicant: r.applicant,
      parties: marriage.parties,
      clerkName: clerkName(app, r.clerk_id),
      photo: photo?.bytes ?? null,
    },
    { ...officeOf(app), mode: req.mode, printer },
  );
  const name = r.kind === 'BJ' ? '结婚证' : '离婚证';
  const how = printedHow(req.mode, printer);
  auditPrint(app, actor, 'marriageReplacement', r.id, `打印补领的${name} ${r.certificate_number}${how}${photoNote}`);
  return pdfOutput(`补领${name}-${r.certificate_number}-${MODE_LABELS[req.mode]}.pdf`, bytes);
}
