// Public API of the PDF engine. Callers resolve the fonts folder themselves
// (resources/fonts in development, process.resourcesPath in the packaged app)
// and pass it to loadFontSet().

export {
  FONT_FILES,
  codePointLabel,
  fontParseCount,
  loadFontSet,
  missingGlyphs,
  splitRuns,
  type FontFamily,
  type FontKey,
  type FontSet,
  type TextRun,
} from './fonts';
export { PT_PER_MM, mm, newPdf, type NewPdfOptions, type Pdf, type PdfTextOptions, type TextBox } from './document';
export { drawQr, type QrInfo, type QrOptions } from './qr';
export { letterheadRule, SEAL_RED } from './rules';
export { drawTable, type TableColumn, type TableOptions } from './table';
export { TEST_PAGE_QR_TEXT, TEST_PAGE_RARE_CHARS, renderTestPage, type TestPageInput } from './testPage';
