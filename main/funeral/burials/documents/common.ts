// Layout pieces the cemetery documents share: the heading with the issuing cemetery and the
// certificate number, a ruled label/value grid, numbered notes and the issuer block with the seal
// area. A4 portrait, 20 mm margins.

import { letterheadRule, mm, SEAL_RED, type Pdf } from '../../../core/pdf';
import { drawGrid, issuerBlock as formIssuerBlock, type GridRow } from '../../../core/pdf/forms';

export const A4 = { w: 210, h: 297, margin: 18 } as const;
export const LEFT = mm(A4.margin);
export const WIDTH = mm(A4.w - 2 * A4.margin);
const GREY = '#555555';

/** 2026-05-20 → 2026年05月20日. */
export function cnDate(iso: string | null): string {
  if (iso === null) return '—';
  const [y, m, d] = iso.split('-');
  return `${y}年${m}月${d}日`;
}

export const orDash = (s: string | null | undefined): string => (s === null || s === undefined || s === '' ? '—' : s);

/**
 * Issuer line, the title spaced out (and a subtitle), the number on the right, and the seal-red
 * double rule. Returns the y below it.
 */
export function heading(
  pdf: Pdf,
  o: { issuer: string; title: string; subtitle?: string; number: string | null; copyNote?: string | null },
): number {
  pdf.text(o.issuer, { family: 'serif', size: 12, x: LEFT, y: mm(A4.margin - 4), width: WIDTH, align: 'center' });
  pdf.text(o.title, { family: 'sans', bold: true, size: 22, x: LEFT, width: WIDTH, align: 'center', characterSpacing: 4 });
  if (o.subtitle) pdf.text(o.subtitle, { family: 'sans', size: 11, x: LEFT, width: WIDTH, align: 'center', color: GREY });
  const y = pdf.doc.y + mm(1);
  if (o.copyNote) pdf.text(o.copyNote, { family: 'sans', bold: true, size: 9.5, x: LEFT, y, width: WIDTH, color: SEAL_RED });
  if (o.number !== null) pdf.text(o.number, { family: 'sans', size: 10, x: LEFT, y, width: WIDTH, align: 'right' });
  const ruleY = y + 10 * 1.5 + mm(1);
  letterheadRule(pdf, LEFT, WIDTH, ruleY);
  return ruleY + mm(4);
}

/** A heading with a red bar; returns the y below it. */
export function sectionHeading(pdf: Pdf, title: string, y: number): number {
  pdf.doc
    .save()
    .rect(LEFT, y + 3, 3, 10)
    .fill(SEAL_RED)
    .restore();
  const box = pdf.text(title, { family: 'sans', bold: true, size: 10.5, x: LEFT + 7, y, lineHeight: 1.5 });
  return box.y + box.height + mm(1);
}

/** Label/value grid with shaded label cells (core/pdf/forms) in this form's column widths. */
export const grid = (pdf: Pdf, rows: readonly GridRow[], y: number, size = 10): number =>
  drawGrid(pdf, rows, LEFT, y, [WIDTH * 0.17, WIDTH * 0.33, WIDTH * 0.17, WIDTH * 0.33], size);

/** Numbered notes in small type; returns the y below them. */
export function notes(pdf: Pdf, items: readonly string[], y: number): number {
  let top = y;
  items.forEach((note, i) => {
    pdf.text(`${i + 1}．`, { family: 'serif', size: 9, lineHeight: 1.5, x: LEFT, y: top, width: mm(6), align: 'right' });
    const box = pdf.text(note, { family: 'serif', size: 9, lineHeight: 1.5, x: LEFT + mm(7), y: top, width: WIDTH - mm(7) });
    top = box.y + box.height;
  });
  return top;
}

/** The issuer block (core/pdf/forms) with the cemetery's smaller seal. Returns the y below it. */
export const issuerBlock = (
  pdf: Pdf,
  o: { issuer: string; sealLabel: string; date: string; clerk: string | null },
  y: number,
): number =>
  formIssuerBlock(
    pdf,
    { officeName: o.issuer, date: o.date, clerk: o.clerk ?? '', clerkLabel: '经办人', sealLabel: o.sealLabel, sealRadiusMm: 16 },
    y,
    { left: LEFT, width: WIDTH },
  );
