// 申请结婚登记声明书: one per party, the man's first. The party's data, the standard declaration
// (voluntary, no spouse, no prohibited kinship, serious illness disclosed — Civil Code Arts.
// 1046, 1042, 1048, 1053), the signature line (签名并按指印) and the 监誓人 line for the clerk.

import { mm, newPdf, type FontSet } from '../../core/pdf';
import type { PartyView, RegistrationView } from '../contract';
import {
  A4,
  GREY,
  cnDate,
  documentLabel,
  drawGrid,
  ethnicLabel,
  letterhead,
  nationalityLabel,
  orBlank,
  priorStatusLabel,
  sectionHeading,
  sexLabel,
  sideLabel,
  signatureLine,
  type OfficeInfo,
} from './common';

export interface DeclarationData {
  registration: Pick<RegistrationView, 'registrationDate' | 'certificateNumber' | 'parties'>;
  /** 婚姻登记员 witnessing the declarations (监誓人). */
  clerkName: string;
}

/** The declared facts, in the order of the form. */
export const DECLARATION_CLAUSES: readonly string[] = [
  '本人自愿结婚，系男女双方完全自愿，不存在受胁迫、被欺诈等情形；',
  '本人无配偶；',
  '本人与对方无直系血亲和三代以内旁系血亲关系；',
  '本人已如实告知对方本人患有的重大疾病情况；',
  '本人提交的证件和材料真实、有效。',
];

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九'];

export async function renderDeclarations(fonts: FontSet, data: DeclarationData, office: OfficeInfo): Promise<Buffer> {
  const reg = data.registration;
  const pdf = newPdf(fonts, {
    size: 'A4',
    margin: mm(A4.margin),
    title: `申请结婚登记声明书 ${reg.certificateNumber}`,
    author: office.officeName,
    subject: '申请结婚登记声明书',
  });
  reg.parties.forEach((party, i) => {
    if (i > 0) pdf.doc.addPage();
    page(pdf, office, data, party, reg.parties[1 - i]!);
  });
  return pdf.toBuffer();
}

function page(
  pdf: ReturnType<typeof newPdf>,
  office: OfficeInfo,
  data: DeclarationData,
  self: PartyView,
  other: PartyView,
): void {
  const { doc } = pdf;
  const reg = data.registration;
  const left = mm(A4.margin);
  const width = mm(A4.w - 2 * A4.margin);

  let y = letterhead(
    pdf,
    office,
    '申请结婚登记声明书',
    `声明人：${sideLabel(self.sex)}\u3000结婚证字号：${reg.certificateNumber}`,
  );

  y = sectionHeading(pdf, '声明人基本情况', y);
  const c = [mm(24), mm(58), mm(27), width - mm(109)] as const;
  y = drawGrid(
    pdf,
    [
      ['姓名', self.name, '性别', sexLabel(self.sex)],
      ['出生日期', cnDate(self.birthDate), '国籍', nationalityLabel(self.nationality)],
      ['民族', ethnicLabel(self.ethnicCode), '职业', orBlank(self.occupation)],
      ['证件类型', documentLabel(self), '证件号码', self.documentNumber ?? ''],
      ['婚姻状况', priorStatusLabel(self.priorStatus), '联系电话', orBlank(self.phone)],
      ['住址', orBlank(self.address)],
      ['对方姓名', other.name, '对方证件号码', other.documentNumber ?? ''],
    ],
    left,
    y,
    c,
  );
  y += mm(6);

  y = sectionHeading(pdf, '声明事项', y);
  pdf.text(`本人${self.name}与${other.name}依照《中华人民共和国民法典》的规定申请结婚登记，现郑重声明：`, {
    family: 'serif',
    size: 11.5,
    x: left,
    y,
    width,
    lineHeight: 1.8,
    align: 'justify',
  });
  DECLARATION_CLAUSES.forEach((clause, i) => {
    const label = `${NUMERALS[i]}、`;
    const top = doc.y;
    pdf.text(label, { family: 'serif', size: 11.5, x: left + mm(7), y: top, width: mm(9), lineHeight: 1.8 });
    pdf.text(clause, {
      family: 'serif',
      size: 11.5,
      x: left + mm(15),
      y: top,
      width: width - mm(15),
      lineHeight: 1.8,
      align: 'justify',
    });
  });
  pdf.text('本人上述声明完全真实，如有虚假，愿承担法律责任。', {
    family: 'serif',
    bold: true,
    size: 11.5,
    x: left + mm(7),
    y: doc.y + mm(1),
    width: width - mm(7),
    lineHeight: 1.8,
  });
  y = doc.y + mm(14);

  // ── Signatures ───────────────────────────────────────────────────────────
  const half = width / 2;
  const colW = half - mm(6);
  signatureLine(pdf, '声明人（签名并按指印）', left, y, colW + mm(6));
  signatureLine(pdf, '日期', left + half + mm(10), y, half - mm(10), cnDate(reg.registrationDate));
  y += mm(14);
  signatureLine(pdf, '监誓人（婚姻登记员）签名', left, y, colW + mm(6));
  signatureLine(pdf, '日期', left + half + mm(10), y, half - mm(10), cnDate(reg.registrationDate));
  pdf.text(`监誓人：${data.clerkName}`, { family: 'sans', size: 8.5, x: left, y: y + mm(7), width: half, color: GREY });

  pdf.text('声明书须由声明人在婚姻登记员面前亲笔签名；本声明书随婚姻登记档案长期保存', {
    family: 'sans',
    size: 8,
    x: left,
    y: mm(A4.h - A4.margin) - 12,
    width,
    align: 'right',
    color: GREY,
  });
}
