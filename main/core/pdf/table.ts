// A plain ruled table for reports and forms: header row shaded, text wrapped
// inside cells with the font fallback chain, rows moved to a new page (with the
// header repeated) when they would cross the bottom margin.

import type { Pdf } from './document';
import type { FontFamily } from './fonts';

export interface TableColumn {
  header: string;
  /** Column width in points. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  x: number;
  y: number;
  columns: readonly TableColumn[];
  rows: readonly (readonly string[])[];
  family?: FontFamily;
  /** Font size of the body; the header uses the same size in bold. Default 9. */
  size?: number;
  /** Inner cell padding in points. Default 1.5 mm horizontally, 1 mm vertically. */
  padX?: number;
  padY?: number;
  headerFill?: string;
  lineColor?: string;
}

/** Draws the table and returns the y just below it (on the last page used). */
export function drawTable(pdf: Pdf, t: TableOptions): number {
  const { doc } = pdf;
  const size = t.size ?? 9;
  const padX = t.padX ?? pdf.mm(1.5);
  const padY = t.padY ?? pdf.mm(1);
  const family = t.family ?? 'sans';
  const lineHeight = 1.4;
  const totalWidth = t.columns.reduce((s, c) => s + c.width, 0);
  const lineColor = t.lineColor ?? '#555555';

  const rowHeight = (cells: readonly string[], bold: boolean) =>
    Math.max(
      ...t.columns.map(
        (col, i) =>
          pdf.measure(cells[i] ?? '', { family, size, bold, lineHeight, x: 0, y: 0, width: col.width - 2 * padX }).height,
      ),
    ) +
    2 * padY;

  const drawRow = (cells: readonly string[], top: number, height: number, header: boolean) => {
    if (header) {
      doc
        .save()
        .rect(t.x, top, totalWidth, height)
        .fill(t.headerFill ?? '#eeeeee')
        .restore();
    }
    let x = t.x;
    t.columns.forEach((col, i) => {
      const text = cells[i] ?? '';
      const box = pdf.measure(text, { family, size, bold: header, lineHeight, x: 0, y: 0, width: col.width - 2 * padX });
      pdf.text(text, {
        family,
        size,
        bold: header,
        lineHeight,
        x: x + padX,
        // Centre the text block vertically in the row.
        y: top + (height - box.height) / 2,
        width: col.width - 2 * padX,
        align: header ? 'center' : (col.align ?? 'left'),
      });
      x += col.width;
    });
    // Rules: top and bottom of the row, and the column separators.
    doc.save().lineWidth(0.5).strokeColor(lineColor);
    doc.moveTo(t.x, top).lineTo(t.x + totalWidth, top);
    doc.moveTo(t.x, top + height).lineTo(t.x + totalWidth, top + height);
    let cx = t.x;
    doc.moveTo(cx, top).lineTo(cx, top + height);
    for (const col of t.columns) {
      cx += col.width;
      doc.moveTo(cx, top).lineTo(cx, top + height);
    }
    doc.stroke().restore();
  };

  const headers = t.columns.map((c) => c.header);
  const headerHeight = rowHeight(headers, true);
  let y = t.y;
  drawRow(headers, y, headerHeight, true);
  y += headerHeight;
  for (const row of t.rows) {
    const h = rowHeight(row, false);
    if (y + h > doc.page.maxY()) {
      doc.addPage();
      y = doc.page.margins.top;
      drawRow(headers, y, headerHeight, true);
      y += headerHeight;
    }
    drawRow(row, y, h, false);
    y += h;
  }
  doc.x = t.x;
  doc.y = y;
  return y;
}
