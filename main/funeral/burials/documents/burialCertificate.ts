// 公墓安葬证（墓位使用证）: the rights holder's proof of the right to use the plot — where it is, who
// rests in it, who holds the right, the use period with every renewal, and the place kept for a
// surviving spouse. A reprint says so at the top with its copy number.

import { mm, newPdf, type FontSet } from '../../../core/pdf';
import { formatArea, formatFen, type CemeteryView, type PlotView } from '../../cemeteries/contract';
import { sexLabels, type BurialView } from '../contract';
import { LEFT, WIDTH, cnDate, grid, heading, issuerBlock, notes, orDash, sectionHeading } from './common';

export interface BurialCertificateData {
  burial: BurialView;
  plot: PlotView;
  cemetery: CemeteryView;
  copyNo: number;
  printedOn: string;
  clerkName: string | null;
}

export const BURIAL_CERTIFICATE_NOTES = [
  '本证是墓位使用权的凭证，请妥善保管。遗失或污损的，使用权人持本人身份证件向公墓申请补发。',
  '墓位使用期限届满前，使用权人应当办理续期手续；期满未续期的，按公墓管理规定处理。',
  '墓位只能用于安葬骨灰，不得转让、买卖；公墓不为在世人员预留墓位（寿穴），双穴仅可为已安葬者的在世配偶保留另一穴位。',
  '请遵守公墓管理规定，文明祭扫、绿色殡葬，墓碑规格以公墓规定为准。',
];

export async function renderBurialCertificate(fonts: FontSet, data: BurialCertificateData): Promise<Buffer> {
  const { burial: b, plot, cemetery } = data;
  const pdf = newPdf(fonts, {
    size: 'A4',
    margin: mm(18),
    title: `公墓安葬证 ${b.certificateNumber}`,
    author: cemetery.name,
    subject: '公墓安葬证（墓位使用证）',
  });
  let y = heading(pdf, {
    issuer: cemetery.name,
    title: '公墓安葬证',
    subtitle: '（墓位使用证）',
    number: `证号：${b.certificateNumber}`,
    copyNote: data.copyNo > 1 ? `补打（第 ${data.copyNo} 份）` : null,
  });

  y = sectionHeading(pdf, '一、墓位', y);
  y = grid(
    pdf,
    [
      ['公墓名称', cemetery.name, '公墓类型', cemetery.kindLabel],
      ['墓位号', b.plotLabel, '墓位类型', plot.typeLabel],
      ['墓位面积', formatArea(plot.areaM2), '可安放骨灰', `${plot.urnCapacity} 份`],
    ],
    y,
  );

  y = sectionHeading(pdf, '二、逝者', y + mm(3));
  const d = b.deceased;
  y = grid(
    pdf,
    [
      ['姓名', d.name, '性别', sexLabels[d.sex]],
      ['身份证号码', orDash(d.idNumber), '出生日期', cnDate(d.birthDate)],
      ['死亡日期', cnDate(d.deathDate), '火化日期', cnDate(d.cremationDate)],
      ['死亡证明编号', d.deathCertificateNo, '火化证明编号', orDash(d.cremationCertificateNo)],
      ['户籍地区划代码', d.householdDivision, '户籍核验', b.residencyLabel],
      ...(b.residencyOverrideReason ? ([['破例安葬原因', b.residencyOverrideReason]] as const) : []),
    ],
    y,
  );

  y = sectionHeading(pdf, '三、使用权人', y + mm(3));
  y = grid(
    pdf,
    [
      ['姓名', b.holder.name, '与逝者关系', orDash(b.holder.relationLabel)],
      ['身份证号码', orDash(b.holder.idNumber), '联系电话', orDash(b.holder.phone)],
      ...(b.holder.address ? ([['联系地址', b.holder.address]] as const) : []),
      ...(b.applicant
        ? ([['经办人', `${b.applicant.name}（${orDash(b.applicant.relationLabel)}，${orDash(b.applicant.phone)}）`]] as const)
        : []),
    ],
    y,
  );

  y = sectionHeading(pdf, '四、安葬与使用期限', y + mm(3));
  y = grid(
    pdf,
    [
      ['安葬日期', cnDate(b.burialDate), '安葬方式', b.formLabel],
      ['使用期限', `${b.useYears} 年（自安葬之日起）`, '到期日', cnDate(b.expiresOn)],
      ['收费金额', formatFen(b.feeFen), '登记日期', cnDate(b.createdAt.slice(0, 10))],
      ...b.renewals.map(
        (r, i) =>
          [
            `第 ${i + 1} 次续期`,
            `${cnDate(r.renewedOn)}续期 ${r.years} 年：${r.fromExpiry} 至 ${r.toExpiry}，${formatFen(r.feeFen)}`,
          ] as const,
      ),
      ...(b.keptPlace && b.keptPlace.status === 'kept'
        ? ([['配偶保留穴位', `本双穴另一穴位为逝者的在世配偶 ${b.keptPlace.name} 保留`]] as const)
        : []),
    ],
    y,
  );

  y = sectionHeading(pdf, '须知', y + mm(3));
  y = notes(pdf, BURIAL_CERTIFICATE_NOTES, y);
  const contact = [cemetery.address, cemetery.phone ? `电话 ${cemetery.phone}` : null].filter(Boolean).join('　');
  if (contact) {
    const box = pdf.text(`公墓地址：${contact}`, { family: 'serif', size: 9, x: LEFT, y: y + mm(1), width: WIDTH });
    y = box.y + box.height;
  }
  issuerBlock(
    pdf,
    { issuer: cemetery.name, sealLabel: '（公墓管理专用章）', date: data.printedOn, clerk: data.clerkName },
    y + mm(4),
  );
  return pdf.toBuffer();
}
