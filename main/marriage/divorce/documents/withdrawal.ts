// 撤回离婚登记申请确认单: issued when one party alone withdraws the application during the
// cooling-off period (Civil Code Art. 1077 para. 1). It names who withdrew and when, the
// application withdrawn (receipt date, marriage certificate) and the reason given, if any.

import { mm, newPdf, type FontSet } from '../../../core/pdf';
import type { PartyView } from '../../contract';
import {
  A4,
  cnDate,
  drawGrid,
  letterhead,
  sectionHeading,
  sideLabel,
  signatureLine,
  type OfficeInfo,
} from '../../documents/common';
import type { DivorceView } from '../contract';
import { LEFT, WIDTH, divorceReference, issuerBlock, partiesGrid } from './common';

export interface WithdrawalData {
  divorce: DivorceView;
  parties: readonly PartyView[];
  /** The reason the withdrawing party gave, if any. */
  reason: string | null;
  clerkName: string;
}

export async function renderWithdrawal(fonts: FontSet, data: WithdrawalData, office: OfficeInfo): Promise<Buffer> {
  const d = data.divorce;
  if (d.status !== 'withdrawn' || d.withdrawnBy === null || d.withdrawnOn === null)
    throw new Error('该离婚申请未撤回，不能出具撤回确认单');
  const ref = divorceReference(d);
  const by = data.parties.find((p) => p.sex === d.withdrawnBy) ?? data.parties[d.withdrawnBy === 'male' ? 0 : 1]!;
  const other = data.parties.find((p) => p !== by);
  const pdf = newPdf(fonts, {
    size: 'A4',
    margin: mm(A4.margin),
    title: `撤回离婚登记申请确认单 ${ref}`,
    author: office.officeName,
    subject: '撤回离婚登记申请确认单',
  });
  const { doc } = pdf;
  const body = { family: 'serif' as const, size: 12, lineHeight: 1.9, align: 'justify' as const };

  let y = letterhead(pdf, office, '撤回离婚登记申请确认单', `编号：${ref}`);
  pdf.text(`${d.names.join('、')}：`, { ...body, bold: true, x: LEFT, y, width: WIDTH });
  pdf.text(
    `\u3000\u3000${by.name}（${sideLabel(by.sex)}）于${cnDate(d.withdrawnOn)}向本机关申请撤回其与${other?.name ?? ''}于${cnDate(d.receiptDate)}共同提出的离婚登记申请（结婚证字号：${d.marriageCertificateNumber}）。` +
      `经核实，该撤回申请在离婚冷静期内（${cnDate(d.withdrawal.from)} 至 ${cnDate(d.withdrawal.to)}）提出，符合《中华人民共和国民法典》第一千零七十七条的规定。本机关确认：该离婚登记申请已撤回，离婚登记程序终止。`,
    { ...body, x: LEFT, width: WIDTH },
  );
  pdf.text('\u3000\u3000双方婚姻关系不因本次申请而改变。当事人今后仍要求协议离婚的，须重新共同申请。', {
    ...body,
    x: LEFT,
    width: WIDTH,
  });

  y = sectionHeading(pdf, '当事人', doc.y + mm(2));
  y = partiesGrid(pdf, data.parties, d.marriageCertificateNumber, y);
  const w = WIDTH;
  y = sectionHeading(pdf, '撤回情况', y + mm(3));
  y = drawGrid(
    pdf,
    [
      ['撤回方', `${by.name}（${sideLabel(by.sex)}）`, '撤回日期', cnDate(d.withdrawnOn)],
      ['原受理日期', cnDate(d.receiptDate), '离婚冷静期', `${d.withdrawal.from} 至 ${d.withdrawal.to}`],
      ['撤回原因', data.reason && data.reason.trim() !== '' ? data.reason : '（未说明）'],
    ],
    LEFT,
    y,
    [w * 0.16, w * 0.34, w * 0.16, w * 0.34],
  );

  y += mm(6);
  signatureLine(pdf, '撤回人签名', LEFT, y, mm(80), null, 11);
  y += mm(12);
  issuerBlock(pdf, office.officeName, d.withdrawnOn, data.clerkName, y);
  return pdf.toBuffer();
}
