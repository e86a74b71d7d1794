// 墓位使用期限届满续期通知书: one page per burial, addressed to the rights holder, sent before the
// use period ends (or after, when it already lapsed): what ends when, and how to renew.

import { mm, newPdf, type FontSet } from '../../../core/pdf';
import type { CemeteryView } from '../../cemeteries/contract';
import type { BurialView } from '../contract';
import { A4, LEFT, WIDTH, cnDate, grid, heading, issuerBlock, sectionHeading } from './common';

export interface ExpiryNoticeData {
  burial: BurialView;
  cemetery: CemeteryView;
}

export const RENEWAL_MATERIALS = [
  '使用权人本人的居民身份证',
  '公墓安葬证（墓位使用证）',
  '委托他人办理的，另携带委托书和受托人身份证件',
];

export function noticeText(b: BurialView, cemetery: CemeteryView, today: string): string {
  const lapsed = b.expiresOn < today;
  const when = lapsed ? `已于${cnDate(b.expiresOn)}届满` : `将于${cnDate(b.expiresOn)}届满`;
  return (
    `\u3000\u3000您作为使用权人，为${b.deceased.name}在${cemetery.name}${b.plotLabel}办理的墓位（公墓安葬证号 ${b.certificateNumber}），` +
    `使用期限${when}。请${lapsed ? '尽快' : '在期限届满前'}到公墓管理处办理续期手续。期满未办理续期的，公墓将按照有关规定处理。`
  );
}

export async function renderExpiryNotices(fonts: FontSet, items: readonly ExpiryNoticeData[], today: string): Promise<Buffer> {
  const pdf = newPdf(fonts, { size: 'A4', margin: mm(A4.margin), title: '墓位使用期限届满续期通知书', subject: '续期通知书' });
  items.forEach(({ burial: b, cemetery }, i) => {
    if (i > 0) pdf.doc.addPage();
    let y = heading(pdf, { issuer: cemetery.name, title: '墓位使用期限届满续期通知书', number: `证号：${b.certificateNumber}` });
    const body = { family: 'serif' as const, size: 12, lineHeight: 1.9, align: 'justify' as const, x: LEFT, width: WIDTH };
    pdf.text(`${b.holder.name}：`, { ...body, bold: true, y });
    pdf.text(noticeText(b, cemetery, today), body);
    y = sectionHeading(pdf, '墓位与使用期限', pdf.doc.y + mm(3));
    y = grid(
      pdf,
      [
        ['逝者', b.deceased.name, '墓位号', b.plotLabel],
        ['安葬日期', cnDate(b.burialDate), '到期日', cnDate(b.expiresOn)],
        ['使用权人', b.holder.name, '联系电话', b.holder.phone ?? '—'],
      ],
      y,
    );
    y = sectionHeading(pdf, '办理续期请携带', y + mm(3));
    const box = pdf.text(RENEWAL_MATERIALS.map((m, k) => `${k + 1}．${m}`).join('\n'), {
      family: 'serif',
      size: 11,
      lineHeight: 1.7,
      x: LEFT,
      y,
      width: WIDTH,
    });
    y = box.y + box.height;
    const contact = [cemetery.address, cemetery.phone ? `联系电话 ${cemetery.phone}` : null].filter(Boolean).join('　');
    if (contact) {
      const at = pdf.text(`办理地点：${contact}`, { family: 'serif', size: 11, x: LEFT, y: y + mm(2), width: WIDTH });
      y = at.y + at.height;
    }
    issuerBlock(pdf, { issuer: cemetery.name, sealLabel: '（公墓管理专用章）', date: today, clerk: null }, y + mm(8));
  });
  return pdf.toBuffer();
}
