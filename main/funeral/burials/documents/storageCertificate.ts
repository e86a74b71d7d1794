// 骨灰寄存证: the depositor's receipt and the key to collecting the ashes — niche, deceased,
// depositor, the term with every renewal, and (once collected) who collected them and when.

import { mm, newPdf, type FontSet } from '../../../core/pdf';
import { formatFen, type CemeteryView } from '../../cemeteries/contract';
import { sexLabels } from '../contract';
import type { StorageView } from '../storage/contract';
import { cnDate, grid, heading, issuerBlock, notes, orDash, sectionHeading } from './common';

export interface StorageCertificateData {
  storage: StorageView;
  cemetery: CemeteryView;
  copyNo: number;
  printedOn: string;
  clerkName: string | null;
}

export const STORAGE_CERTIFICATE_NOTES = [
  '本证是寄存骨灰的凭证，领取骨灰时须出示本证及领取人身份证件。遗失的，寄存人持身份证件申请补发。',
  '寄存期满前应办理续存手续；期满未续存的，请及时续存或领取，逾期按寄存场所的规定处理。',
  '寄存期间请遵守骨灰堂管理规定，文明祭扫。',
];

const months = (n: number): string => (n % 12 === 0 ? `${n / 12} 年` : `${n} 个月`);

export async function renderStorageCertificate(fonts: FontSet, data: StorageCertificateData): Promise<Buffer> {
  const { storage: s, cemetery } = data;
  const pdf = newPdf(fonts, {
    size: 'A4',
    margin: mm(18),
    title: `骨灰寄存证 ${s.certificateNumber}`,
    author: cemetery.name,
    subject: '骨灰寄存证',
  });
  let y = heading(pdf, {
    issuer: cemetery.name,
    title: '骨灰寄存证',
    number: `证号：${s.certificateNumber}`,
    copyNote: data.copyNo > 1 ? `补打（第 ${data.copyNo} 份）` : null,
  });
  y = sectionHeading(pdf, '一、寄存格位', y);
  y = grid(pdf, [['寄存场所', cemetery.name, '格位号', s.nicheCode]], y);

  y = sectionHeading(pdf, '二、逝者', y + mm(3));
  y = grid(
    pdf,
    [
      ['姓名', s.deceased.name, '性别', sexLabels[s.deceased.sex]],
      ['身份证号码', orDash(s.deceased.idNumber), '死亡日期', cnDate(s.deceased.deathDate)],
      ['火化证明编号', orDash(s.deceased.cremationCertificateNo)],
    ],
    y,
  );

  y = sectionHeading(pdf, '三、寄存人', y + mm(3));
  y = grid(
    pdf,
    [
      ['姓名', s.depositor.name, '与逝者关系', s.depositor.relationLabel],
      ['身份证号码', s.depositor.idNumber, '联系电话', s.depositor.phone],
    ],
    y,
  );

  y = sectionHeading(pdf, '四、寄存期限', y + mm(3));
  y = grid(
    pdf,
    [
      ['寄存期限', `${cnDate(s.startDate)} 起 ${months(s.termMonths)}`, '到期日', cnDate(s.endDate)],
      ['寄存费', formatFen(s.feeFen), '状态', s.statusLabel],
      ...s.renewals.map(
        (r, i) =>
          [
            `第 ${i + 1} 次续存`,
            `${cnDate(r.renewedOn)}续存 ${months(r.months)}：${r.fromEnd} 至 ${r.toEnd}，${formatFen(r.feeFen)}`,
          ] as const,
      ),
      ...(s.collection
        ? ([
            [
              '领取',
              `${cnDate(s.collection.on)}由 ${s.collection.name}（${orDash(s.collection.relationLabel)}）领取${s.collection.note ? `；${s.collection.note}` : ''}`,
            ],
          ] as const)
        : []),
    ],
    y,
  );
  y = sectionHeading(pdf, '须知', y + mm(3));
  y = notes(pdf, STORAGE_CERTIFICATE_NOTES, y);
  issuerBlock(
    pdf,
    { issuer: cemetery.name, sealLabel: '（骨灰寄存专用章）', date: data.printedOn, clerk: data.clerkName },
    y + mm(6),
  );
  return pdf.toBuffer();
}
