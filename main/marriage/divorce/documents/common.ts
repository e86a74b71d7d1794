// Pieces the divorce documents share: the reference printed on them, the parties block and the
// issuer block with the seal area.

import { mm, type Pdf } from '../../../core/pdf';
import { issuerBlock as formIssuerBlock } from '../../../core/pdf/forms';
import type { PartyView } from '../../contract';
import { A4, documentLabel, drawGrid, sideLabel } from '../../documents/common';
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

/** The registry's issuer block: 婚姻登记员 on the left, the office, date and seal circle on the right. */
export const issuerBlock = (pdf: Pdf, officeName: string, date: string, clerk: string, y: number): number =>
  formIssuerBlock(pdf, { officeName, date, clerk, clerkLabel: '婚姻登记员', sealLabel: '（婚姻登记专用章）' }, y);
