import type { Pdf } from './document';

/** Seal red: the one accent colour of every document (headings' rules, seal areas). */
export const SEAL_RED = '#9b1c1c';

/** The heavy-over-thin double rule under an official letterhead, across `width` points from `left`. */
export function letterheadRule(pdf: Pdf, left: number, width: number, y: number, color = SEAL_RED): void {
  pdf.doc
    .save()
    .strokeColor(color)
    .lineWidth(1.2)
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke()
    .lineWidth(0.4)
    .moveTo(left, y + 2.2)
    .lineTo(left + width, y + 2.2)
    .stroke()
    .restore();
}
