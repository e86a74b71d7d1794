// 离婚证: the same booklet as the marriage certificate (inner spread 128 × 95 mm, same field
// positions), with 离婚证字号 (L…) in place of 结婚证字号, the divorce registration date and the
// divorce formula. One booklet per party, the man's first. It reuses the marriage certificate's
// one table of positions (main/marriage/documents/layout.ts), so preview and overlay cannot disagree
// with each other or with the marriage booklet:
//  - preview: A4, the booklet drawn at true size with its labels and a diagonal 样本 watermark;
//  - overlay: a booklet-sized page with the values only, shifted by the printer's offset.

import type { FontSet } from '../../../core/pdf';
import type { PartyView } from '../../contract';
import { renderBooklet, type BookletKind, type PrinterOffset } from '../../documents/certificate';
import type { OfficeInfo } from '../../documents/common';
import { CERTIFICATE_FIELDS, type CertificateField, type CertificateValues } from '../../documents/layout';

export const DIVORCE_FORMULA = '申请离婚，经审查符合《中华人民共和国民法典》规定，予以登记，发给此证。';

/** The marriage booklet's fields with the divorce booklet's labels. */
export const DIVORCE_CERTIFICATE_FIELDS: readonly CertificateField[] = CERTIFICATE_FIELDS.map((f) =>
  f.key === 'certificateNumber' ? { ...f, label: '离婚证字号' } : f,
);

export interface DivorceCertificateData {
  /** 离婚证字号 (L…) and the date it was issued (登记日期). */
  certificateNumber: string;
  issuedOn: string;
  parties: readonly [PartyView, PartyView];
  clerkName: string;
}

export interface DivorceCertificateOptions extends OfficeInfo {
  mode: 'preview' | 'overlay';
  printer: PrinterOffset | null;
}

export const DIVORCE_BOOKLET: BookletKind = {
  name: '离婚证',
  fields: DIVORCE_CERTIFICATE_FIELDS,
  formula: DIVORCE_FORMULA,
  checklist: (offset) => [
    `核对无误后选择“套打”，只打印变量文字到预印离婚证上；${offset}`,
    '打印时在打印对话框中选择“实际大小”（100%），不得缩放。',
  ],
};

function valuesFor(data: DivorceCertificateData, holder: 0 | 1): CertificateValues {
  return {
    holder: data.parties[holder].name,
    registrationDate: data.issuedOn,
    certificateNumber: data.certificateNumber,
    remarks: '',
    clerk: data.clerkName,
    parties: data.parties,
  };
}

/** Same booklet, same renderer as the 结婚证; the holder's photo is affixed by hand. */
export function renderDivorceCertificate(
  fonts: FontSet,
  data: DivorceCertificateData,
  o: DivorceCertificateOptions,
): Promise<Buffer> {
  return renderBooklet(fonts, DIVORCE_BOOKLET, [valuesFor(data, 0), valuesFor(data, 1)], null, o);
}
