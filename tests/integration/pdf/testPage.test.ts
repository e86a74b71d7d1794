// The printer test page end to end: real pdfkit output checked with poppler's
// pdftotext / pdffonts / pdfinfo, the way a viewer or a search index sees it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TEST_PAGE_QR_TEXT,
  TEST_PAGE_RARE_CHARS,
  drawQr,
  fontParseCount,
  loadFontSet,
  mm,
  newPdf,
  renderTestPage,
  type TestPageInput,
} from '../../../main/core/pdf';

const fonts = loadFontSet(resolve(__dirname, '../../../resources/fonts'));
const input: TestPageInput = {
  officeName: '北京市东城区民政局婚姻登记处',
  divisionCode: '110101',
  printedBy: '李登记员',
  printedAt: new Date(2025, 4, 20, 9, 30, 5),
  printerOffset: { name: 'HP LaserJet 1020（1号窗口）', dxMm: 1.5, dyMm: -1 },
};

let dir: string;
let pdfPath: string;
let pdf: Buffer;
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pdf-test-'));
  pdf = await renderTestPage(fonts, input);
  pdfPath = join(dir, 'test-page.pdf');
  writeFileSync(pdfPath, pdf);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('printer test page', () => {
  it('is a one-page A4 PDF with a Chinese title', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = run('pdfinfo', ['-enc', 'UTF-8', pdfPath]);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info).toContain('Title:           打印测试页 - 北京市东城区民政局婚姻登记处');
  });

  it('has extractable Chinese text, including every rare character', () => {
    const text = run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']);
    for (const s of [
      '打印测试页',
      input.officeName,
      '行政区划代码 110101',
      '中华人民共和国结婚证',
      '准予登记，发给此证',
      '李登记员',
    ]) {
      expect(text).toContain(s);
    }
    // The examples, in running text and in the specimen row.
    expect(text).toContain('刘䶮、王𠙶、李𪨶');
    for (const { ch } of TEST_PAGE_RARE_CHARS) expect(text).toContain(ch);
    expect(text).toContain('U+2AA36');
    expect(text).toContain('HP LaserJet 1020（1号窗口）');
  });

  it('has no character without a glyph', () => {
    const text = run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']);
    expect(fonts.missingGlyphs(text.replace(/\s/g, ''), 'sans')).toEqual([]);
    expect(fonts.missingGlyphs(TEST_PAGE_RARE_CHARS.map((r) => r.ch).join(''))).toEqual([]);
  });

  it('embeds only subsets of the fonts, so the file stays small', () => {
    const lines = run('pdffonts', [pdfPath]).trim().split('\n').slice(2);
    const names = lines.map((l) => l.split(/\s+/)[0]);
    expect(names.map((n) => n!.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'HanaMinA',
      'HanaMinB',
      'NotoSansCJKsc-Bold',
      'NotoSansCJKsc-Regular',
      'NotoSerifCJKsc-Regular',
    ]);
    for (const line of lines) {
      // name type encoding emb sub uni: embedded, subset (ABCDEF+ prefix), ToUnicode map.
      expect(line).toMatch(/^[A-Z]{6}\+\S+ .* yes\s+yes\s+yes\s+\d+\s+\d+$/);
    }
    expect(pdf.length).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('renders again without parsing any font (the speed goal is measured in npm run bench)', async () => {
    const parsed = fontParseCount();
    const second = await renderTestPage(fonts, { ...input, printerOffset: null, printedAt: new Date() });
    expect(second.length).toBeGreaterThan(10_000);
    await renderTestPage(fonts, input);
    expect(fontParseCount()).toBe(parsed);
  });
});

describe('Pdf.text', () => {
  it('wraps mixed-font paragraphs and flows onto new pages', async () => {
    const doc = newPdf(fonts, { title: '换行测试', margin: mm(15) });
    const para = '申请人刘䶮（身份证号11010519491231002X）于2025年5月20日申请补领结婚证，经核查属实。'.repeat(3);
    const box = doc.text(para, { family: 'sans', size: 12, width: mm(100), align: 'justify' });
    expect(box.lines).toBeGreaterThan(3);
    expect(box.height).toBeCloseTo(box.lines * 12 * 1.5);
    expect(doc.measure(para, { family: 'sans', size: 12, width: mm(100) }).lines).toBe(box.lines);
    // Long enough to need a second page.
    const long = doc.text(Array.from({ length: 60 }, (_, i) => `第${i + 1}行：王𠙶`).join('\n'), { family: 'serif' });
    expect(long.page).toBe(1);
    const file = join(dir, 'flow.pdf');
    writeFileSync(file, await doc.toBuffer());
    expect(run('pdfinfo', [file])).toMatch(/Pages:\s+2\n/);
    const text = run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    expect(text).toContain('第60行：王𠙶');
    expect(text.replace(/\s/g, '')).toContain('身份证号11010519491231002X');
  });
});

describe('drawQr', () => {
  it('draws exactly the modules of the QR symbol', async () => {
    // Render a page holding just the code (4 pt modules, 4-module quiet zone)
    // at 72 dpi, then read every module's centre pixel back from the bitmap.
    const expected = QRCode.create(TEST_PAGE_QR_TEXT, { errorCorrectionLevel: 'M' }).modules;
    const n = expected.size;
    const side = (n + 8) * 4;
    const doc = newPdf(fonts, { size: [side, side], margin: 0 });
    const info = drawQr(doc.doc, TEST_PAGE_QR_TEXT, 16, 16, n * 4);
    expect(info).toMatchObject({ modules: n, moduleSize: 4 });
    const file = join(dir, 'qr.pdf');
    writeFileSync(file, await doc.toBuffer());
    execFileSync('pdftoppm', ['-gray', '-r', '72', '-singlefile', file, join(dir, 'qr')]);
    const pgm = readFileSync(join(dir, 'qr.pgm'));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 32).toString('latin1'))!;
    const width = Number(header[1]);
    const pixels = pgm.subarray(header[0].length);
    const dark = (row: number, col: number) => pixels[(16 + row * 4 + 2) * width + 16 + col * 4 + 2]! < 128;
    let mismatches = 0;
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (dark(r, c) !== Boolean(expected.get(r, c))) mismatches++;
    expect(mismatches).toBe(0);
    // The quiet zone is blank.
    expect(dark(-2, -2)).toBe(false);
  });
});
