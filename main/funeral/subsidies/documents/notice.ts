// 节地生态安葬奖补审批通知书: handed (or posted) to the applicant once the district has approved. It
// names the policy the amount comes from, the deceased and the burial, the amount in figures and
// in words with its split between family and cemetery, the account it will be paid into (masked:
// the notice leaves the office), and who reviewed and approved it when.

import { mm, newPdf, type FontSet } from '../../../core/pdf';
import { maskResidentId } from '../../../core/idnumber/residentId';
import { A4, ACCENT, cnDate, drawGrid, issuerBlock, letterhead, sectionHeading, type OfficeInfo } from '../../../core/pdf/forms';
import { formatFen, maskBankAccount, type ApplicationView } from '../contract';
import { amountInWords } from './words';

export interface NoticeData {
  application: ApplicationView;
  /** The local day of the district approval. */
  approvedOn: string;
  /** 经办人: who prints it. */
  clerkName: string;
}

const LEFT = mm(A4.margin);
const WIDTH = mm(A4.w - 2 * A4.margin);
const COLS = [WIDTH * 0.17, WIDTH * 0.33, WIDTH * 0.17, WIDTH * 0.33] as const;

export const money = (fen: number): string => `${formatFen(fen)}（人民币${amountInWords(fen)}）`;

export function placeOf(a: ApplicationView): string {
  if (a.burial) return `${a.burial.cemeteryName}${a.burial.plotLabel ? ` ${a.burial.plotLabel}` : ''}`;
  return `${a.formLabel}（不占墓位）`;
}

export async function renderNotice(fonts: FontSet, data: NoticeData, office: OfficeInfo): Promise<Buffer> {
  const a = data.application;
  const pdf = newPdf(fonts, {
    size: 'A4',
    margin: mm(A4.margin),
    title: `节地生态安葬奖补审批通知书 ${a.number}`,
    author: office.officeName,
    subject: '节地生态安葬奖补审批通知书',
  });
  const { doc } = pdf;
  const body = { family: 'serif' as const, size: 12, lineHeight: 1.8, align: 'justify' as const };

  let y = letterhead(pdf, office, '节地生态安葬奖补审批通知书', `编号：${a.number}`);
  pdf.text(`${a.applicant.name}：`, { ...body, bold: true, x: LEFT, y, width: WIDTH });
  const cemeteryPart =
    a.amount.cemeteryFen > 0
      ? `其中补给家属 ${formatFen(a.amount.familyFen)}，转入下列账户；补给公墓 ${formatFen(a.amount.cemeteryFen)}，拨付${a.burial?.cemeteryName ?? '安葬公墓'}。`
      : '奖补资金将通过银行转账发放至下列账户，请注意查收。';
  pdf.text(
    `\u3000\u3000你于${cnDate(a.receiptDate)}为逝者${a.deceased.name}申请的节地生态安葬奖补（${a.formLabel}），经街道初审、区民政部门审批，符合《${a.policy.title}》的规定，予以批准，奖补金额${money(a.amount.totalFen)}。${cemeteryPart}`,
    { ...body, x: LEFT, width: WIDTH },
  );

  y = sectionHeading(pdf, '一、逝者与安葬情况', doc.y + mm(2));
  y = drawGrid(
    pdf,
    [
      ['逝者姓名', a.deceased.name, '身份证号码', maskResidentId(a.deceased.idNumber)],
      ['死亡日期', cnDate(a.deceased.deathDate), '火化日期', a.deceased.cremationDate ? cnDate(a.deceased.cremationDate) : '—'],
      ['安葬方式', a.formLabel, a.burial ? '安葬日期' : '撒散日期', cnDate(a.burialDate)],
      ['安葬地点', placeOf(a)],
    ],
    LEFT,
    y,
    COLS,
  );

  y = sectionHeading(pdf, '二、奖补金额', y + mm(3));
  y = drawGrid(
    pdf,
    [
      ['奖补合计', money(a.amount.totalFen)],
      ['补给家属', formatFen(a.amount.familyFen), '补给公墓', formatFen(a.amount.cemeteryFen)],
      ['政策依据', `${a.policy.title}（${a.policy.effectiveFrom} 起施行）`],
    ],
    LEFT,
    y,
    COLS,
  );

  y = sectionHeading(pdf, '三、收款账户', y + mm(3));
  y = drawGrid(
    pdf,
    [
      ['户名', a.bank.accountName, '开户银行', a.bank.bankName],
      ['账号', `${maskBankAccount(a.bank.accountNumber)}（仅显示后四位）`],
    ],
    LEFT,
    y,
    COLS,
  );

  y = sectionHeading(pdf, '四、办理经过', y + mm(3));
  y = drawGrid(
    pdf,
    [
      ['受理日期', cnDate(a.receiptDate), '申请编号', a.number],
      [
        '街道初审',
        a.streetReview ? `${a.streetReview.by}（通过）` : '—',
        '区民政审批',
        a.approval ? `${a.approval.by}（批准）` : '—',
      ],
    ],
    LEFT,
    y,
    COLS,
  );

  if (a.policy.sample) {
    y += mm(2);
    pdf.text('注：本通知依据系统附带的“示例政策”生成，仅供演示和培训，不作为发放依据。', {
      family: 'sans',
      bold: true,
      size: 10,
      x: LEFT,
      y,
      width: WIDTH,
      color: ACCENT,
    });
    y = doc.y;
  }

  y += mm(8);
  if (y > mm(A4.h - A4.margin - 50)) {
    doc.addPage();
    y = mm(A4.margin);
  }
  issuerBlock(
    pdf,
    {
      officeName: office.officeName,
      date: data.approvedOn,
      clerk: data.clerkName,
      clerkLabel: '经办人',
      sealLabel: '（民政部门印章）',
    },
    y,
  );
  return pdf.toBuffer();
}
