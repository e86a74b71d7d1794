// QR codes drawn as vector rectangles, so they stay sharp at any print
// resolution (place-name signs are printed large) and add no image to the PDF.

import QRCode from 'qrcode';

export interface QrOptions {
  /** Default 'M' (15 % of the code may be damaged), the usual choice for signs. */
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
  /** Colour of the dark modules. Default black. */
  color?: string;
  /**
   * Paint a white quiet zone of this many modules around the symbol (outside
   * x, y, size), for backgrounds that are not white. Default: none painted;
   * the caller keeps 4 modules of blank paper around the code.
   */
  quietZone?: number;
}

export interface QrInfo {
  /** Modules per side (21 for version 1, +4 per version). */
  modules: number;
  /** Side of one module in points. */
  moduleSize: number;
  version: number;
}

/**
 * Draws a QR code of `text` (UTF-8, so Chinese is fine) with its top-left
 * corner at (x, y); `sizePt` is the side of the symbol without quiet zone.
 */
export function drawQr(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  sizePt: number,
  opts: QrOptions = {},
): QrInfo {
  const qr = QRCode.create(text, { errorCorrectionLevel: opts.errorCorrectionLevel ?? 'M' });
  const n = qr.modules.size;
  const cell = sizePt / n;
  const data = qr.modules.data;

  doc.save();
  if (opts.quietZone) {
    const q = opts.quietZone * cell;
    doc.rect(x - q, y - q, sizePt + 2 * q, sizePt + 2 * q).fill('#ffffff');
  }
  // One rectangle per horizontal run of dark modules, all in a single path
  // filled once: fewer operators, and no hairline seams between modules.
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && data[row * n + col]) col++;
      doc.rect(x + start * cell, y + row * cell, (col - start) * cell, cell);
    }
  }
  doc.fill(opts.color ?? '#000000');
  doc.restore();
  return { modules: n, moduleSize: cell, version: qr.version };
}
