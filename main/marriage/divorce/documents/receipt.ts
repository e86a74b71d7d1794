// 离婚登记申请受理回执单: handed to both parties when their application for divorce by agreement is
// received. It shows both parties and the marriage certificate, the two periods fixed at receipt
// (离婚冷静期, during which either party alone may withdraw, and the 30 days after it in which both
// must appear together for the certificate, each extended past rest days and holidays, Civil Code
// Arts. 201 and 203, with the reason printed), what to bring, and that without joint appearance in
// the second period the application is deemed withdrawn (Art. 1077).

import { mm, newPdf, type FontSet } from '../../../core/pdf';
import type { PartyView } from '../../contract';
import { A4, cnDate, drawGrid, letterhead, sectionHeading, type OfficeInfo } from '../../documents/common';
import type { DivorceView } from '../contract';
import { LEFT, WIDTH, divorceReference, issuerBlock, partiesGrid } from './common';

export interface ReceiptData {
  divorce: DivorceView;
  /** The marriage's parties, man first. */
  parties: readonly PartyView[];
  /** 婚姻登记员 who received the application. */
  clerkName: string;
}

const period = (p: { from: string; to: string }) => `${cnDate(p.from)} 至 ${cnDate(p.to)}`;

/** What both parties bring when they come back together for the certificate. */
export const CERTIFICATE_MATERIALS = [
  '本回执单',
  '本人的居民身份证（或其他有效身份证件）和户口簿',
  '本人的结婚证',
  '双方当事人共同签署的离婚协议书',
  '本人近期二寸单人半身免冠照片',
] as const;

export function receiptNotes(d: DivorceView): string[] {
  return [
    `自受理之日的次日起三十日内（${period(d.withdrawal)}）为离婚冷静期。在此期间，任何一方不愿意离婚的，均可持本人有效身份证件和本回执单，单独向本机关申请撤回离婚登记申请，本机关出具《撤回离婚登记申请确认单》。`,
    `离婚冷静期届满后三十日内（${period(d.certificate)}），双方应当共同亲自到本机关申请发给离婚证，并携带：${CERTIFICATE_MATERIALS.join('；')}。`,
    `上述期间内双方未共同到本机关申请发给离婚证的，视为撤回离婚登记申请（《中华人民共和国民法典》第一千零七十七条）。`,
    '期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日（《中华人民共和国民法典》第二百零三条）；上列日期已按国务院公布的节假日安排计算。',
  ];
}

export async function renderReceipt(fonts: FontSet, data: ReceiptData, office: OfficeInfo): Promise<Buffer> {
  const d = data.divorce;
  const ref = divorceReference(d);
  const pdf = newPdf(fonts, {
    size: 'A4',
    margin: mm(A4.margin),
    title: `离婚登记申请受理回执单 ${ref}`,
    author: office.officeName,
    subject: '离婚登记申请受理回执单',
  });
  const { doc } = pdf;
  const body = { family: 'serif' as const, size: 11.5, lineHeight: 1.65, align: 'justify' as const };

  let y = letterhead(pdf, office, '离婚登记申请受理回执单', `编号：${ref}`);
  pdf.text(`${d.names.join('、')}：`, { ...body, bold: true, x: LEFT, y, width: WIDTH });
  pdf.text(
    `\u3000\u3000你们于${cnDate(d.receiptDate)}共同到本机关申请协议离婚登记，并提交了离婚协议书。经初步审查，本机关已受理你们的离婚登记申请。`,
    { ...body, x: LEFT, width: WIDTH },
  );

  y = sectionHeading(pdf, '一、申请人', doc.y + mm(2));
  y = partiesGrid(pdf, data.parties, d.marriageCertificateNumber, y);

  y = sectionHeading(pdf, '二、离婚冷静期与申请发给离婚证的期间', y + mm(3));
  const w = WIDTH;
  y = drawGrid(
    pdf,
    [
      ['受理日期', cnDate(d.receiptDate)],
      ['离婚冷静期（可撤回）', period(d.withdrawal)],
      ['申请发给离婚证期间', period(d.certificate)],
      ...(d.windowsNote ? ([['期间说明', d.windowsNote]] as const) : []),
    ],
    LEFT,
    y,
    [w * 0.26, w * 0.24, w * 0.2, w * 0.3],
  );

  y = sectionHeading(pdf, '三、须知', y + mm(3));
  receiptNotes(d).forEach((note, i) => {
    const top = i === 0 ? y : doc.y;
    pdf.text(`${i + 1}．`, { ...body, size: 10, lineHeight: 1.55, align: 'right', x: LEFT, y: top, width: mm(7) });
    pdf.text(note, { ...body, size: 10, lineHeight: 1.55, align: 'left', x: LEFT + mm(8), y: top, width: WIDTH - mm(8) });
  });

  y = sectionHeading(pdf, '四、离婚协议摘要', doc.y + mm(3));
  y = drawGrid(
    pdf,
    [
      ['子女抚养', d.agreement.children],
      ['财产处理', d.agreement.property],
      ['债务处理', d.agreement.debts],
    ],
    LEFT,
    y,
    [w * 0.16, w * 0.34, w * 0.16, w * 0.34],
    9.5,
  );

  // The issuer block needs about 40 mm (the seal circle); a long agreement pushes it over.
  y += mm(2);
  if (y > mm(A4.h - A4.margin - 40)) {
    doc.addPage();
    y = mm(A4.margin);
  }
  issuerBlock(pdf, office.officeName, d.receiptDate, data.clerkName, y);
  return pdf.toBuffer();
}
