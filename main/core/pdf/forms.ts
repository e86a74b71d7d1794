// Pieces every A4 form shares, whichever module prints it: the issuing office, dates in words,
// text that must fit a field (shrunk, never cut), the letterhead, headings, grids and signature
// lines. Module-specific wording (a party's sex, a plot's label) stays in the module.

import { letterheadRule, SEAL_RED } from './rules';
import { mm, type FontFamily, type Pdf } from './index';

/** The registry issuing the document, from the office settings. */
export interface OfficeInfo {
  officeName: string;
  divisionCode: string;
}

export const ACCENT = SEAL_RED;
export const GREY = '#555555';
export const LIGHT = '#bbbbbb';

/** 2026-05-20 → 2026年05月20日, the form used on certificates and notices. */
export function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}年${m}月${d}日`;
}

export interface FitOptions {
  family?: FontFamily;
  /** Preferred size in points; the text shrinks from here. */
  size: number;
  /** Smallest size for a single line; below it the text wraps (up to maxLines) instead. */
  minSize?: number;
  /** Lines allowed when one line would be too small. Default 1. */
  maxLines?: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  color?: string;
  lineHeight?: number;
  /** Vertical placement in the box. Default 'middle'. */
  valign?: 'middle' | 'top';
}

/** A box in points. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const SIZE_STEP = 0.25;
const FLOOR_SIZE = 3; // nothing is printed smaller than this, whatever the length

/**
 * The size and line count at which `text` fits the box: one line at the preferred size or smaller
 * down to minSize, then up to maxLines wrapped lines, then the floor size wrapped as needed (the
 * engine never exceeds the width; the box height is the only thing a 60-character name could
 * exceed there). Measured with the engine, so fallback fonts are counted at their real widths.
 */
export function fitSize(pdf: Pdf, text: string, box: Box, o: FitOptions): { size: number; lineHeight: number } {
  const lh = o.lineHeight ?? 1.25;
  const family = o.family ?? 'serif';
  const bold = o.bold ?? false;
  const fits = (size: number, lines: number) => {
    const m = pdf.measure(text, { family, bold, size, lineHeight: lh, x: 0, y: 0, width: box.w });
    return m.lines <= lines && m.height <= box.h + 0.01;
  };
  const min = o.minSize ?? o.size * 0.7;
  for (let s = o.size; s >= min - 1e-9; s -= SIZE_STEP) if (fits(s, 1)) return { size: s, lineHeight: lh };
  const maxLines = o.maxLines ?? 1;
  if (maxLines > 1) {
    for (let s = o.size; s >= FLOOR_SIZE; s -= SIZE_STEP) if (fits(s, maxLines)) return { size: s, lineHeight: lh };
  } else {
    for (let s = min; s >= FLOOR_SIZE; s -= SIZE_STEP) if (fits(s, 1)) return { size: s, lineHeight: lh };
  }
  return { size: FLOOR_SIZE, lineHeight: lh };
}

/** Prints `text` inside the box at the largest size that fits, centred vertically. */
export function fitText(pdf: Pdf, text: string, box: Box, o: FitOptions): number {
  if (text === '') return o.size;
  const { size, lineHeight } = fitSize(pdf, text, box, o);
  const family = o.family ?? 'serif';
  const m = pdf.measure(text, { family, bold: o.bold ?? false, size, lineHeight, x: 0, y: 0, width: box.w });
  pdf.text(text, {
    family,
    size,
    lineHeight,
    bold: o.bold ?? false,
    x: box.x,
    y: o.valign === 'top' ? box.y : box.y + (box.h - m.height) / 2,
    width: box.w,
    align: o.align ?? 'left',
    ...(o.color !== undefined && { color: o.color }),
  });
  return size;
}

/** A4 page geometry in millimetres shared by the forms. */
export const A4 = { w: 210, h: 297, margin: 20 } as const;

/**
 * Letterhead of an A4 form: office name, the title spaced out, division code and a double rule
 * in seal red. Returns the y (points) below it.
 */
export function letterhead(pdf: Pdf, office: OfficeInfo, title: string, right: string | null): number {
  const { doc } = pdf;
  const left = mm(A4.margin);
  const width = mm(A4.w - 2 * A4.margin);
  pdf.text(office.officeName, { family: 'serif', size: 12, x: left, y: mm(A4.margin - 4), width, align: 'center' });
  pdf.text(title, {
    family: 'sans',
    bold: true,
    size: 19,
    x: left,
    width,
    align: 'center',
    characterSpacing: 3,
    lineHeight: 1.5,
  });
  const infoY = doc.y;
  pdf.text(`行政区划代码 ${office.divisionCode}`, { family: 'sans', size: 8.5, x: left, y: infoY, width, color: GREY });
  if (right !== null) pdf.text(right, { family: 'sans', size: 9, x: left, y: infoY, width, align: 'right' });
  const y = infoY + 8.5 * 1.5 + mm(1);
  letterheadRule(pdf, left, width, y);
  return y + mm(5);
}

/** A section heading with a red bar (as on the test page); returns the y below it. */
export function sectionHeading(pdf: Pdf, title: string, y: number): number {
  const left = mm(A4.margin);
  pdf.doc
    .save()
    .rect(left, y + 3, 3, 10)
    .fill(ACCENT)
    .restore();
  const box = pdf.text(title, { family: 'sans', bold: true, size: 10.5, x: left + 7, y, lineHeight: 1.5 });
  return box.y + box.height + mm(1.5);
}

/**
 * A signature line: the label, then a rule to x + totalW; `value` (e.g. the clerk's name or the
 * date printed in advance) sits centred on the rule. Returns the y below the line.
 */
export function signatureLine(
  pdf: Pdf,
  label: string,
  x: number,
  y: number,
  totalW: number,
  value: string | null = null,
  size = 10.5,
): number {
  const { doc } = pdf;
  const lineH = size * 1.5;
  const w = textWidth(pdf, label, size);
  pdf.text(label, { family: 'serif', size, x, y, width: w + 2, noWrap: true });
  const rx = x + w + 3;
  const ruleW = x + totalW - rx;
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor('#000000')
    .moveTo(rx, y + lineH - 2)
    .lineTo(rx + ruleW, y + lineH - 2)
    .stroke()
    .restore();
  if (value !== null && value !== '') fitText(pdf, value, { x: rx + 2, y, w: ruleW - 4, h: lineH }, { size, align: 'center' });
  return y + lineH;
}

/** The natural width of a one-line string in points (measured by wrapping to narrower boxes). */
export function textWidth(pdf: Pdf, text: string, size: number, family: FontFamily = 'serif', bold = false): number {
  // The engine reports lines, not widths: find the narrowest box that keeps one line.
  let lo = 0;
  let hi = Math.max(10, [...text].length * size * 1.2);
  for (let i = 0; i < 18; i++) {
    const mid = (lo + hi) / 2;
    const m = pdf.measure(text, { family, bold, size, x: 0, y: 0, width: mid });
    if (m.lines <= 1) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** One row of a label/value grid: [label, value] spans the row, [label, value, label, value] splits it. */
export type GridRow = readonly [string, string] | readonly [string, string, string, string];

/**
 * A ruled form grid with shaded label cells; values wrap inside their cells (a row grows rather
 * than cutting anything). `widths` are the four column widths in points. Returns the y below it.
 */
export function drawGrid(
  pdf: Pdf,
  rows: readonly GridRow[],
  x: number,
  y: number,
  widths: readonly [number, number, number, number],
  size = 10,
): number {
  const { doc } = pdf;
  const padX = mm(1.8);
  const padY = mm(1.4);
  const lh = 1.4;
  const total = widths.reduce((a, b) => a + b, 0);
  for (const row of rows) {
    const cells: { text: string; x: number; w: number; label: boolean }[] = [];
    if (row.length === 2) {
      cells.push({ text: row[0], x, w: widths[0], label: true });
      cells.push({ text: row[1], x: x + widths[0], w: total - widths[0], label: false });
    } else {
      let cx = x;
      row.forEach((text, i) => {
        cells.push({ text, x: cx, w: widths[i]!, label: i % 2 === 0 });
        cx += widths[i]!;
      });
    }
    const heights = cells.map(
      (c) =>
        pdf.measure(c.text, { family: c.label ? 'sans' : 'serif', size, lineHeight: lh, x: 0, y: 0, width: c.w - 2 * padX })
          .height,
    );
    const h = Math.max(...heights, size * lh) + 2 * padY;
    // A row never splits: it moves whole to the next page.
    if (y + h > doc.page.maxY()) {
      doc.addPage();
      y = doc.page.margins.top;
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
    doc.save().lineWidth(0.5).strokeColor('#555555');
    for (const c of cells) doc.rect(c.x, y, c.w, h);
    doc.stroke().restore();
    y += h;
  }
  doc.x = x;
  doc.y = y;
  return y;
}

/** Left edge and text width of an A4 form with the standard margins. */
export const FORM_LEFT = mm(A4.margin);
export const FORM_WIDTH = mm(A4.w - 2 * A4.margin);

export interface IssuerBlock {
  officeName: string;
  /** ISO date printed under the office name. */
  date: string;
  /** Who handled it, signed on the left. */
  clerk: string;
  /** 婚姻登记员, 经办人 … */
  clerkLabel: string;
  /** Printed inside the dashed circle where the seal goes: （婚姻登记专用章）, （民政部门印章） … */
  sealLabel: string;
  /** 21 mm unless the form is tight (a cemetery's seal is smaller). */
  sealRadiusMm?: number;
}

/**
 * The issuer block at the foot of a notice: the clerk on the left; on the right the office name,
 * the date and a dashed circle where the seal is stamped. Returns the y below it.
 */
export function issuerBlock(pdf: Pdf, b: IssuerBlock, y: number, area = { left: FORM_LEFT, width: FORM_WIDTH }): number {
  const blockW = mm(80);
  const bx = area.left + area.width - blockW;
  const sealR = b.sealRadiusMm === undefined ? mm(21) : mm(b.sealRadiusMm);
  // The block is as tall as the seal circle: keep it whole on one page.
  if (y + mm(12) + sealR + mm(2) > pdf.doc.page.maxY()) {
    pdf.doc.addPage();
    y = pdf.doc.page.margins.top;
  }
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
  pdf.text(b.sealLabel, {
    family: 'sans',
    size: 8,
    x: bx,
    y: sealCy + sealR - mm(7),
    width: blockW,
    align: 'center',
    color: ACCENT,
  });
  pdf.text(b.officeName, {
    family: 'serif',
    size: 12,
    x: bx - mm(10),
    y: y + mm(6),
    width: blockW + mm(10),
    align: 'center',
    lineHeight: 1.6,
  });
  pdf.text(cnDate(b.date), { family: 'serif', size: 12, x: bx, width: blockW, align: 'center', lineHeight: 1.6 });
  signatureLine(pdf, b.clerkLabel, area.left, y + mm(6), mm(70), b.clerk, 11);
  return sealCy + sealR + mm(6);
}
