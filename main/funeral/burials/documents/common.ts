// Layout pieces the cemetery documents share: the heading with the issuing cemetery and the
// certificate number, a ruled label/value grid, numbered notes and the issuer block with the seal
// area. A4 portrait, 20 mm margins.

import { letterheadRule, mm, SEAL_RED, type Pdf } from '../../../core/pdf';

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

export type GridRow = readonly [string, string] | readonly [string, string, string, string];

/** Label/value grid with shaded label cells; a row grows to fit its text. Returns the y below it. */
export function grid(pdf: Pdf, rows: readonly GridRow[], y: number, size = 10): number {
  const { doc } = pdf;
  const widths = [WIDTH * 0.17, WIDTH * 0.33, WIDTH * 0.17, WIDTH * 0.33] as const;
  const padX = mm(1.8);
  const padY = mm(1.3);
  const lh = 1.4;
  for (const row of rows) {
    const cells =
      row.length === 2
        ? [
            { text: row[0], x: LEFT, w: widths[0], label: true },
            { text: row[1], x: LEFT + widths[0], w: WIDTH - widths[0], label: false },
          ]
        : row.map((text, i) => ({
            text,
            x: LEFT + widths.slice(0, i).reduce((a, b) => a + b, 0),
            w: widths[i]!,
            label: i % 2 === 0,
          }));
    const heights = cells.map(
      (c) =>
        pdf.measure(c.text, { family: c.label ? 'sans' : 'serif', size, lineHeight: lh, x: 0, y: 0, width: c.w - 2 * padX })
          .height,
    );
    const h = Math.max(...heights, size * lh) + 2 * padY;
    if (y + h > doc.page.maxY()) {
      doc.addPage();
      y = mm(A4.margin);
    }
    for (const c of cells) if (c.label) doc.save().rect(c.x, y, c.w, h).fill('#f3eeee').restore();
    cells.forEach((c, i) => {
      pdf.text(c.text, {
        family: c.label ? 'sans' : 'serif',
        size,
        lineHeight: lh,
        x: c.x + padX,
        y: y + (h - heights[i]!) / 2,
        width: c.w - 2 * padX,
        align: c.label ? 'center' : 'left',
      });
    });
    doc.save().lineWidth(0.5).strokeColor(GREY);
    for (const c of cells) doc.rect(c.x, y, c.w, h);
    doc.stroke().restore();
    y += h;
  }
  doc.x = LEFT;
  doc.y = y;
  return y;
}

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

/**
 * The issuer block: the clerk on the left; on the right the issuing unit, the date and a dashed
 * circle where its seal goes. Returns the y below it.
 */
export function issuerBlock(
  pdf: Pdf,
  o: { issuer: string; sealLabel: string; date: string; clerk: string | null },
  y: number,
): number {
  const { doc } = pdf;
  const sealR = mm(16);
  // The block is about 30 mm tall (the seal circle): keep it whole on one page.
  if (y + mm(12) + sealR + mm(2) > mm(A4.h - A4.margin)) {
    doc.addPage();
    y = mm(A4.margin);
  }
  const blockW = mm(80);
  const bx = LEFT + WIDTH - blockW;
  const sealCy = y + mm(12);
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor(SEAL_RED)
    .dash(2, { space: 1.5 })
    .circle(bx + blockW / 2, sealCy, sealR)
    .stroke()
    .undash()
    .restore();
  pdf.text(o.sealLabel, {
    family: 'sans',
    size: 8,
    x: bx,
    y: sealCy + sealR - mm(6),
    width: blockW,
    align: 'center',
    color: SEAL_RED,
  });
  pdf.text(o.issuer, {
    family: 'serif',
    size: 12,
    x: bx - mm(10),
    y: y + mm(4),
    width: blockW + mm(10),
    align: 'center',
    lineHeight: 1.6,
  });
  pdf.text(cnDate(o.date), { family: 'serif', size: 12, x: bx, width: blockW, align: 'center', lineHeight: 1.6 });
  if (o.clerk !== null) pdf.text(`经办人：${o.clerk}`, { family: 'serif', size: 11, x: LEFT, y: y + mm(4), width: mm(70) });
  return sealCy + sealR + mm(4);
}
