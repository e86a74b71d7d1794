// 不予办理结婚登记通知单: handed to the applicants when the checks at 受理 find a reason to refuse.
// Every reason is printed, numbered, as the checks worded it (they cite their article), then the
// legal basis, the remedies with their periods, the seal area, the clerk and the date, and a
// tear-off receipt (送达回执) for the archive.
//
// Remedy periods as in force:
//  - 行政复议: within 60 days of knowing of the act — 《中华人民共和国行政复议法》(revised 2023-09-01,
//    in force 2024-01-01) Art. 20 para. 1;
//  - 行政诉讼: within 6 months of knowing of the act when suing directly —
//    《中华人民共和国行政诉讼法》 (2017 amendment) Art. 46 para. 1.

import { mm, newPdf, type FontSet } from '../../core/pdf';
import type { RefusalView } from '../contract';
import { A4, GREY, cnDate, issuerBlock, letterhead, signatureLine, textWidth, type OfficeInfo } from './common';

export interface RefusalNoticeData {
  refusal: RefusalView;
  /** 婚姻登记员 who recorded the refusal. */
  clerkName: string;
}

export const RECONSIDERATION_TEXT =
  '如对本决定不服，可以自收到本通知单之日起六十日内，依照《中华人民共和国行政复议法》第二十条的规定申请行政复议；' +
  '也可以自收到本通知单之日起六个月内，依照《中华人民共和国行政诉讼法》第四十六条的规定直接向人民法院提起行政诉讼。';

export const LEGAL_BASIS_TEXT =
  '根据《中华人民共和国民法典》第一千零四十六条至第一千零四十九条关于结婚条件和结婚登记的规定，' +
  '以及《婚姻登记条例》关于结婚登记审查的规定，本机关决定不予办理结婚登记。';

/** Reference printed on the notice: year and the refusal record's id. */
export const refusalNoticeNumber = (r: Pick<RefusalView, 'id' | 'refusalDate'>): string =>
  `${r.refusalDate.slice(0, 4)}-${String(r.id).padStart(6, '0')}`;

export async function renderRefusalNotice(fonts: FontSet, data: RefusalNoticeData, office: OfficeInfo): Promise<Buffer> {
  const r = data.refusal;
  const pdf = newPdf(fonts, {
    size: 'A4',
    margin: mm(A4.margin),
    title: `不予办理结婚登记通知单 ${refusalNoticeNumber(r)}`,
    author: office.officeName,
    subject: '不予办理结婚登记通知单',
  });
  const { doc } = pdf;
  const left = mm(A4.margin);
  const width = mm(A4.w - 2 * A4.margin);
  const body = { family: 'serif' as const, size: 12, lineHeight: 1.9, align: 'justify' as const };

  let y = letterhead(pdf, office, '不予办理结婚登记通知单', `编号：${refusalNoticeNumber(r)}`);
  y += mm(2);

  pdf.text(`${r.names.join('、')}：`, { ...body, bold: true, x: left, y, width });
  pdf.text(
    `\u3000\u3000你们于${cnDate(r.refusalDate)}向本机关申请办理结婚登记。经审查，你们的申请存在下列情形，不符合结婚登记的条件：`,
    { ...body, x: left, width },
  );
  r.reasons.forEach((reason, i) => {
    const top = doc.y;
    const label = `${i + 1}．`;
    pdf.text(label, { ...body, align: 'right', x: left + mm(4), y: top, width: mm(8) });
    // Left-aligned: justifying would stretch lines that end before a long certificate number.
    pdf.text(reason.message, { ...body, align: 'left', x: left + mm(12), y: top, width: width - mm(12) });
  });
  pdf.text(`\u3000\u3000${LEGAL_BASIS_TEXT}`, { ...body, x: left, y: doc.y + mm(1), width });
  pdf.text(`\u3000\u3000${RECONSIDERATION_TEXT}`, { ...body, x: left, width });
  pdf.text('\u3000\u3000特此通知。', { ...body, x: left, width });

  // ── Issuer block: the clerk left, the office, date and the 42 mm seal area right ──
  const issuer = { officeName: office.officeName, date: r.refusalDate, clerk: data.clerkName };
  y = issuerBlock(pdf, { ...issuer, clerkLabel: '婚姻登记员', sealLabel: '（盖章）' }, doc.y + mm(8)) + mm(2);

  // ── Tear-off receipt (送达回执) ───────────────────────────────────────────
  const cutY = Math.max(y, mm(A4.h - A4.margin - 50));
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor(GREY)
    .dash(4, { space: 3 })
    .moveTo(left, cutY)
    .lineTo(left + width, cutY)
    .stroke()
    .undash()
    .restore();
  const cutLabel = '沿此线剪开';
  const cw = textWidth(pdf, cutLabel, 7.5, 'sans');
  doc
    .save()
    .rect(left + (width - cw) / 2 - 4, cutY - 6, cw + 8, 12)
    .fill('#ffffff')
    .restore();
  pdf.text(cutLabel, { family: 'sans', size: 7.5, x: left, y: cutY - 5.6, width, align: 'center', color: GREY, lineHeight: 1.5 });
  y = cutY + mm(5);
  pdf.text('送达回执', { family: 'sans', bold: true, size: 12, x: left, y, width, align: 'center', characterSpacing: 2 });
  pdf.text(
    `\u3000\u3000本人已收到${office.officeName}于${cnDate(r.refusalDate)}出具的《不予办理结婚登记通知单》（编号：${refusalNoticeNumber(r)}）。`,
    { family: 'serif', size: 11, x: left, y: doc.y + mm(1), width, lineHeight: 1.8, align: 'justify' },
  );
  y = doc.y + mm(6);
  const half = width / 2;
  signatureLine(pdf, '当事人签名', left, y, half - mm(8), null, 11);
  signatureLine(pdf, '当事人签名', left + half, y, half, null, 11);
  y += mm(11);
  signatureLine(pdf, '签收日期', left, y, half - mm(8), '\u3000\u3000年\u3000\u3000月\u3000\u3000日', 11);
  return pdf.toBuffer();
}
