// A thin wrapper around a pdfkit document that prints Chinese text with the
// bundled font chain (see fonts.ts) and lays out mixed-font lines itself
// (see layout.ts). Everything else (lines, rectangles, colours, images) is
// drawn on `pdf.doc`, the plain pdfkit document.

import PDFDocument from 'pdfkit';
import type { Font } from 'fontkit';
import { splitRuns, type FontFamily, type FontKey, type FontSet } from './fonts';
import { layoutLines, type Line, type Measurer } from './layout';

/** Points per millimetre (1 pt = 1/72 in). */
export const PT_PER_MM = 72 / 25.4;

/** Millimetres to PDF points. */
export function mm(n: number): number {
  return n * PT_PER_MM;
}

export interface NewPdfOptions {
  /** Paper size: 'A4' or [width, height] in points. Default A4. */
  size?: 'A4' | [number, number];
  /** Page margin in points on all sides. Default 20 mm. */
  margin?: number;
  /** Document title (PDF metadata, shown in the viewer's title bar). */
  title?: string;
  author?: string;
  subject?: string;
  landscape?: boolean;
}

export interface PdfTextOptions {
  family?: FontFamily;
  /** Font size in points. Default 10.5 (五号). */
  size?: number;
  /** Left edge of the text box; default: the current x (pdf.doc.x). */
  x?: number;
  /** Top edge of the first line box; default: the current y (pdf.doc.y). */
  y?: number;
  /** Box width for wrapping and alignment; default: up to the right margin. */
  width?: number;
  /** 'justify' spreads wrapped lines to the full width (not a paragraph's last line). */
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Sans uses the real bold face; serif and fallback fonts get synthetic bold. */
  bold?: boolean;
  /** Fill colour, e.g. '#333333'. Default black. */
  color?: string;
  /** Line box height as a multiple of the font size. Default 1.5. */
  lineHeight?: number;
  /** Extra space after every character, in points (e.g. spaced-out titles). */
  characterSpacing?: number;
  /** Never wrap; only '\n' starts a new line. */
  noWrap?: boolean;
}

/** Where a text block ended up. Line boxes are `lineHeight × size` tall. */
export interface TextBox {
  x: number;
  y: number;
  width: number;
  height: number;
  lines: number;
  /** Page index (0-based) of the last line, for text that flowed onto new pages. */
  page: number;
}

export interface Pdf {
  /** The underlying pdfkit document, for drawing anything but text. */
  readonly doc: PDFKit.PDFDocument;
  readonly fonts: FontSet;
  mm(n: number): number;
  /**
   * Prints `str` (may contain '\n') as one paragraph with per-character font
   * fallback. Afterwards doc.x/doc.y point below the block so calls flow.
   */
  text(str: string, opts?: PdfTextOptions): TextBox;
  /** The box text() would produce, without drawing. Ignores page breaks. */
  measure(str: string, opts?: PdfTextOptions): TextBox;
  /** Finishes the document and collects its bytes. Call once. */
  toBuffer(): Promise<Buffer>;
}

// CJK fonts are designed on an ideographic em box running from 0.88 em above
// the baseline to 0.12 em below it (Noto CJK typo metrics). Centring that box
// in the line box gives even spacing whatever the font's ascent/descent say, and
// puts every fallback font on the same baseline.
const EM_ASCENT = 0.88;
const EM_DESCENT = 0.12;
const FAKE_BOLD_STROKE = 0.035; // of the font size; visually close to a bold face

// Advance widths per font in font units, shared by all documents (fonts are
// shared too); used for line breaking only.
const advanceCache = new WeakMap<Font, Map<number, number>>();

function advanceUnits(font: Font, ch: string): number {
  let cache = advanceCache.get(font);
  if (!cache) {
    cache = new Map();
    advanceCache.set(font, cache);
  }
  const cp = ch.codePointAt(0)!;
  let adv = cache.get(cp);
  if (adv === undefined) {
    adv = font.glyphForCodePoint(cp).advanceWidth;
    cache.set(cp, adv);
  }
  return adv;
}

export function newPdf(fonts: FontSet, opts: NewPdfOptions = {}): Pdf {
  const margin = opts.margin ?? mm(20);
  const doc = new PDFDocument({
    size: opts.size === undefined || opts.size === 'A4' ? 'A4' : opts.size,
    layout: opts.landscape ? 'landscape' : 'portrait',
    margin,
    pdfVersion: '1.7',
    // pdfkit would otherwise load Helvetica (parsing its AFM file) for every
    // document; our serif is also the better default for stray doc.text() calls.
    font: fonts.font('serif') as unknown as string,
    lang: 'zh-CN',
    displayTitle: opts.title !== undefined,
    info: {
      ...(opts.title !== undefined && { Title: opts.title }),
      ...(opts.author !== undefined && { Author: opts.author }),
      ...(opts.subject !== undefined && { Subject: opts.subject }),
      Creator: '民政业务窗口',
    },
  });

  // Collect output as it is produced, so toBuffer() cannot miss early chunks.
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Index of the current page (pdfkit does not expose it without bufferPages).
  let pageIndex = 0;
  doc.on('pageAdded', () => pageIndex++);

  const registered = new Set<FontKey>();
  const useFont = (key: FontKey, size: number) => {
    if (!registered.has(key)) {
      // pdfkit takes a parsed fontkit Font as a font source (PDFFontFactory.open
      // checks for a `layout` method) and still subsets it per document; the
      // typings only list paths and buffers, hence the cast.
      doc.registerFont(key, fonts.font(key) as unknown as Buffer);
      registered.add(key);
    }
    doc.font(key).fontSize(size);
  };

  const measurerFor = (size: number, spacing: number): Measurer => ({
    advance(ch, key) {
      const font = fonts.font(key);
      return (advanceUnits(font, ch) / font.unitsPerEm) * size + spacing;
    },
    width(text, key) {
      useFont(key, size);
      // pdfkit caches the shaping per word, so drawing this text later is free.
      return doc.widthOfString(text) + spacing * [...text].length;
    },
  });

  interface Prepared {
    lines: Line[];
    x: number;
    y: number;
    width: number;
    size: number;
    lineHeight: number;
    spacing: number;
  }

  const prepare = (str: string, o: PdfTextOptions): Prepared => {
    const size = o.size ?? 10.5;
    const spacing = o.characterSpacing ?? 0;
    const x = o.x ?? doc.x;
    const y = o.y ?? doc.y;
    const width = o.width ?? doc.page.width - doc.page.margins.right - x;
    const runs = splitRuns(fonts, str, o.family ?? 'serif', o.bold ?? false);
    const lines = layoutLines(runs, o.noWrap ? null : width, measurerFor(size, spacing));
    return { lines, x, y, width, size, lineHeight: (o.lineHeight ?? 1.5) * size, spacing };
  };

  const drawLine = (line: Line, p: Prepared, top: number, o: PdfTextOptions) => {
    const visible = line.width - (line.pieces.length > 0 ? p.spacing : 0);
    let x = p.x;
    let spacing = p.spacing;
    if (o.align === 'center') x += (p.width - visible) / 2;
    else if (o.align === 'right') x += p.width - visible;
    else if (o.align === 'justify' && !line.last && line.chars > 1 && visible < p.width) {
      // CJK justification: spread the slack evenly between all characters.
      spacing += (p.width - visible) / (line.chars - 1);
    }
    // Baseline: the ideographic em box centred in the line box.
    const baseline = top + (p.lineHeight - p.size) / 2 + (EM_ASCENT / (EM_ASCENT + EM_DESCENT)) * p.size;
    for (const piece of line.pieces) {
      useFont(piece.fontKey, p.size);
      const fakeBold = (o.bold ?? false) && piece.fontKey !== 'sansBold';
      doc.text(piece.text, x, baseline, {
        lineBreak: false,
        baseline: 'alphabetic',
        characterSpacing: spacing,
        fill: true,
        stroke: fakeBold,
      });
      x += piece.width + (spacing - p.spacing) * [...piece.text].length;
    }
  };

  const pdf: Pdf = {
    doc,
    fonts,
    mm,
    text(str, o = {}) {
      const p = prepare(str, o);
      // Colours (and the stroke of synthetic bold) are set once per block; the
      // graphics state is saved per page because q/Q must pair within a page.
      const color = o.color ?? '#000000';
      const begin = () => {
        doc.save().fillColor(color);
        if (o.bold) doc.lineWidth(p.size * FAKE_BOLD_STROKE).strokeColor(color);
      };
      let top = p.y;
      let first = top;
      begin();
      for (const line of p.lines) {
        // Flow onto a new page when the line would cross the bottom margin
        // (unless we are already at the top, where it cannot fit anyway).
        if (top + p.lineHeight > doc.page.maxY() + 0.01 && top > doc.page.margins.top + 0.01) {
          doc.restore();
          doc.addPage();
          begin();
          top = doc.page.margins.top;
          first = top;
        }
        drawLine(line, p, top, o);
        top += p.lineHeight;
      }
      doc.restore();
      doc.x = p.x;
      doc.y = top;
      return {
        x: p.x,
        y: first,
        width: p.width,
        height: top - first,
        lines: p.lines.length,
        page: pageIndex,
      };
    },
    measure(str, o = {}) {
      const p = prepare(str, o);
      const height = p.lines.length * p.lineHeight;
      return { x: p.x, y: p.y, width: p.width, height, lines: p.lines.length, page: pageIndex };
    },
    toBuffer() {
      doc.end();
      return done;
    },
  };
  return pdf;
}
