// The marriage certificate (结婚证) booklet's inner spread: the one table of positions both
// renderings use. The preview draws each field's label and value at these positions inside a
// drawn booklet on A4; the overlay prints only the values, at the same positions (shifted by the
// printer's offset), onto the pre-printed booklet. Nothing else places certificate text, so the
// two cannot disagree.
//
// Geometry: the opened booklet is 128 × 95 mm (two facing pages of 64 × 95 mm, spine at x = 64).
// Origin at the spread's top-left corner, x to the right, y down, all in millimetres.
// Left page: holder, registration date, certificate number, remarks, the printed formula,
// the registry seal and the clerk. Right page: the joint photo, then the man's and the woman's
// name, sex, nationality, birth date and ID number — the order of the booklet issued since 2004.

import type { PartyView, RegistrationView } from '../contract';
import { cnDate, nationalityLabel, sexLabel } from './common';

export const BOOKLET = { w: 128, h: 95, spineX: 64 } as const;

/** What a field prints, from the certificate's data. */
export interface CertificateValues {
  holder: string;
  /** Which party holds this booklet (0 man, 1 woman); defaults to the page's position. */
  holderSide?: 0 | 1;
  registrationDate: string;
  certificateNumber: string;
  remarks: string;
  clerk: string;
  parties: readonly [PartyView, PartyView];
}

export interface CertificateField {
  key: string;
  /** Pre-printed label (preview only). */
  label: string;
  /** Label box, mm. */
  labelAt: { x: number; y: number; w: number };
  /** Value box, mm: the value is shrunk (or wrapped up to maxLines) to stay inside it. */
  box: { x: number; y: number; w: number; h: number };
  /** Preferred value size in points. */
  size: number;
  maxLines: number;
  /** Multi-line fields start at the top of their box; one-line fields are centred in it. */
  valign: 'middle' | 'top';
  value(v: CertificateValues): string;
}

/** Label size in points (preview). */
export const LABEL_SIZE = 7.5;

const ROW_H = 6;

function leftRow(
  key: string,
  label: string,
  y: number,
  labelW: number,
  value: CertificateField['value'],
  lines: { h: number; maxLines: number; valign: 'middle' | 'top' } = { h: ROW_H, maxLines: 1, valign: 'middle' },
): CertificateField {
  const x = 7;
  // A top-aligned box starts 1 mm lower so its first line sits level with the label.
  const dy = lines.valign === 'top' ? 1 : 0;
  return {
    key,
    label,
    labelAt: { x, y, w: labelW },
    box: { x: x + labelW, y: y + dy, w: 58 - (x + labelW), h: lines.h - dy },
    size: 9,
    maxLines: lines.maxLines,
    valign: lines.valign,
    value,
  };
}

/** A field of one party's block on the right page; `row` 0..2, `top` of the block. */
function partyField(
  key: string,
  label: string,
  top: number,
  row: number,
  lx: number,
  lw: number,
  vw: number,
  value: (p: PartyView) => string,
  party: 0 | 1,
): CertificateField {
  const y = top + row * ROW_H;
  return {
    key: `${key}${party}`,
    label,
    labelAt: { x: lx, y, w: lw },
    box: { x: lx + lw, y, w: vw, h: ROW_H },
    size: 8.5,
    maxLines: 1,
    valign: 'middle',
    value: (v) => value(v.parties[party]),
  };
}

function partyBlock(party: 0 | 1, top: number): CertificateField[] {
  return [
    { ...partyField('name', '姓名', top, 0, 68, 8, 30, (p) => p.name, party), maxLines: 2 },
    partyField('sex', '性别', top, 0, 107, 8, 9, (p) => sexLabel(p.sex), party),
    partyField('nationality', '国籍', top, 1, 68, 8, 14, (p) => nationalityLabel(p.nationality), party),
    partyField('birthDate', '出生日期', top, 1, 92, 11.5, 20.5, (p) => cnDate(p.birthDate), party),
    partyField('documentNumber', '身份证件号', top, 2, 68, 15, 39, (p) => p.documentNumber ?? '', party),
  ];
}

/** Every variable field of the booklet. Man first, as printed on the certificate. */
export const CERTIFICATE_FIELDS: readonly CertificateField[] = [
  // A long holder name wraps onto two smaller lines rather than shrinking to nothing.
  leftRow('holder', '持证人', 10, 14, (v) => v.holder, { h: ROW_H, maxLines: 2, valign: 'middle' }),
  leftRow('registrationDate', '登记日期', 19, 14, (v) => cnDate(v.registrationDate)),
  leftRow('certificateNumber', '结婚证字号', 28, 17, (v) => v.certificateNumber),
  leftRow('remarks', '备注', 37, 14, (v) => v.remarks, { h: 12, maxLines: 3, valign: 'top' }),
  {
    key: 'clerk',
    label: '婚姻登记员',
    labelAt: { x: 7, y: 84, w: 17 },
    box: { x: 24, y: 84, w: 24, h: ROW_H },
    size: 9,
    maxLines: 1,
    valign: 'middle',
    value: (v) => v.clerk,
  },
  ...partyBlock(0, 47),
  ...partyBlock(1, 68),
];

/** The joint photo (双方合影), landscape, centred on the right page. */
export const PHOTO_BOX = { x: 71, y: 7, w: 50, h: 35 } as const;

/** The printed formula of the left page (preview only; it is pre-printed on the booklet). */
export const FORMULA = {
  text: '申请结婚，经审查符合《中华人民共和国民法典》规定，予以登记，发给此证。',
  box: { x: 7, y: 51, w: 51, h: 11 },
  size: 7.5,
} as const;

/** Where the registry's seal is applied by hand (preview only). */
export const SEAL = { cx: 40, cy: 73, r: 10, label: '登记机关', labelAt: { x: 7, y: 66, w: 14 } } as const;

/** Values of the fields for one holder's booklet. */
export function certificateValues(
  reg: Pick<RegistrationView, 'registrationDate' | 'certificateNumber' | 'parties'>,
  holder: 0 | 1,
  clerk: string,
  remarks: string,
): CertificateValues {
  return {
    holder: reg.parties[holder].name,
    registrationDate: reg.registrationDate,
    certificateNumber: reg.certificateNumber,
    remarks,
    clerk,
    parties: reg.parties,
  };
}
