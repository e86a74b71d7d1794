// Pieces the divorce documents share: the reference printed on them, the parties block and the
// issuer block with the seal area.

import { mm, type Pdf } from '../../../core/pdf';
import type { PartyView } from '../../contract';
import { A4, ACCENT, cnDate, documentLabel, drawGrid, sideLabel, signatureLine } from '../../documents/common';
import type { DivorceView } from '../contract';

/** Reference printed on a divorce document: receipt year and the application's id. */
export const divorceReference = (d: Pick<DivorceView, 'id' | 'receiptDate'>): string =>
  `${d.receiptDate.slice(0, 4)}-${String(d.id).padStart(6, '0')}`;

export const LEFT = mm(A4.margin);
export const WIDTH = mm(A4.w - 2 * A4.margin);

/** Both parties (man first): name and identity document, then the marriage certificate. */
export function partiesGrid(pdf: Pdf, parties: readonly PartyView[], marriageNumber: string, y: number): number {
  const w = WIDTH;
  const widths = [w * 0.16, w * 0.3, w * 0.2, w * 0.34] as const;
  return drawGrid(
    pdf,
    [
      ...parties.map((p) => [`${sideLabel(p.sex)}姓名`, p.name, documentLabel(p), p.documentNumber ?? ''] as const),
      ['结婚证字号', marriageNumber],
    ],
    LEFT,
    y,
    widths,
  );
}

/**
 * The issuer block: the clerk on the left; on the right the office name, the date and a dashed
 * circle where the registry's seal goes. Returns the y below it.
 */
export function issuerBlock(pdf: Pdf, officeName: string, date: string, clerk: string, y: number): number {
  const blockW = mm(80);
  const bx = LEFT + WIDTH - blockW;
  const sealR = mm(21);
  const sealCy = y + mm(12);
  pdf.doc
    .save()
    .lineWidth(0.5)
    .strokeColor(ACCENT)
    .dash(2, { space: 1.5 })
    .circle(bx + blockW / 2, sealCy, sealR)
    .stroke()
    .undash()
    .restore();
  pdf.text('（婚姻登记专用章）', {
    family: 'sans',
    size: 8,
    x: bx,
    y: sealCy + sealR - mm(7),
    width: blockW,
    align: 'center',
    color: ACCENT,
  });
  pdf.text(officeName, {
    family: 'serif',
    size: 12,
    x: bx - mm(10),
    y: y + mm(6),
    width: blockW + mm(10),
    align: 'center',
    lineHeight: 1.6,
  });
  pdf.text(cnDate(date), { family: 'serif', size: 12, x: bx, width: blockW, align: 'center', lineHeight: 1.6 });
  signatureLine(pdf, '婚姻登记员', LEFT, y + mm(6), mm(70), clerk, 11);
  return sealCy + sealR + mm(6);
}
