// The printer test page (打印测试页): proves the PDF pipeline end to end (fonts,
// rare-character fallback, tables, QR codes) and lets a clerk check a printer's
// alignment before printing onto pre-printed forms (certificates, notices).

import { newPdf, mm, type Pdf } from './document';
import { codePointLabel, type FontKey, type FontSet } from './fonts';
import { drawQr } from './qr';
import { drawTable } from './table';
import { letterheadRule, SEAL_RED } from './rules';

export interface TestPageInput {
  officeName: string;
  divisionCode: string;
  printedBy: string;
  printedAt: Date;
  /** The printer profile's offset; it is applied to the calibration marks. */
  printerOffset: { name: string; dxMm: number; dyMm: number } | null;
}

/** Fixed content of the test page's QR code (scanners should show exactly this). */
export const TEST_PAGE_QR_TEXT = 'MZ-PRINT-TEST/1 民政业务窗口打印测试页';

/**
 * Rare characters shown on the page: one or more per CJK extension block.
 * Written as escapes because editors may NFC-normalise U+2F800 (a compatibility
 * ideograph) into U+4E3D.
 */
export const TEST_PAGE_RARE_CHARS: readonly { ch: string; block: string }[] = [
  { ch: '\u4DAE', block: '扩展A' },
  { ch: '\u{20676}', block: '扩展B' },
  { ch: '\u{20000}', block: '扩展B' },
  { ch: '\u{2AA36}', block: '扩展C' },
  { ch: '\u{2A700}', block: '扩展C' },
  { ch: '\u{2B740}', block: '扩展D' },
  { ch: '\u{2B820}', block: '扩展E' },
  { ch: '\u{2CEB0}', block: '扩展F' },
  { ch: '\u{2F800}', block: '兼容补充' },
  { ch: '\u{30EDE}', block: '扩展G' },
];

const FONT_LABELS: Record<string, string> = {
  serif: 'Noto宋',
  sans: 'Noto黑',
  sansBold: 'Noto黑',
  hanaMinA: '花园A',
  hanaMinB: '花园B',
};
const fontLabel = (key: FontKey | null) =>
  key === null ? '无字形' : (FONT_LABELS[key] ?? key.replace(/^extra:(fallback-)?/, '').replace(/\.\w+$/, ''));

const ACCENT = SEAL_RED;
const GREY = '#555555';
const LIGHT = '#bbbbbb';

// Page geometry in millimetres (A4 portrait).
const PAGE_W = 210;
const PAGE_H = 297;
const MARGIN = 16;
const CONTENT_W = PAGE_W - 2 * MARGIN;

export async function renderTestPage(fonts: FontSet, input: TestPageInput): Promise<Buffer> {
  const pdf = newPdf(fonts, {
    size: 'A4',
    margin: mm(MARGIN),
    title: `打印测试页 - ${input.officeName}`,
    author: input.printedBy,
    subject: '打印机与字体检验',
  });
  const { doc } = pdf;
  const left = mm(MARGIN);
  const width = mm(CONTENT_W);

  // ── Header ────────────────────────────────────────────────────────────
  pdf.text('打印测试页', {
    family: 'sans',
    bold: true,
    size: 22,
    x: left,
    y: mm(MARGIN),
    width,
    align: 'center',
    characterSpacing: 4,
    lineHeight: 1.3,
  });
  pdf.text(input.officeName, { family: 'serif', size: 13, x: left, width, align: 'center' });
  pdf.text(`行政区划代码 ${input.divisionCode}`, { family: 'sans', size: 9, x: left, width, align: 'center', color: GREY });
  let y = doc.y + mm(1.5);
  letterheadRule(pdf, left, width, y);
  y += mm(4);

  // ── 1. Serif sample (certificate wording) ──────────────────────────────
  y = heading(pdf, '一、宋体样张（证书用字）', y);
  const frameTop = y;
  pdf.text('中华人民共和国结婚证', {
    family: 'serif',
    bold: true,
    size: 16,
    x: left,
    y: y + mm(2),
    width,
    align: 'center',
    characterSpacing: 3,
  });
  pdf.text(
    '持证人：王䶮　　登记日期：2025年05月20日　　结婚证字号：J110105-2025-000123\n' +
      '　　申请结婚，经审查符合《中华人民共和国民法典》关于结婚的规定，准予登记，发给此证。',
    { family: 'serif', size: 11, x: left + mm(6), width: width - mm(12), lineHeight: 1.7, align: 'justify' },
  );
  y = doc.y + mm(2);
  doc
    .save()
    .lineWidth(0.6)
    .strokeColor(ACCENT)
    .rect(left, frameTop, width, y - frameTop)
    .stroke();
  doc
    .lineWidth(0.3)
    .rect(left + 2, frameTop + 2, width - 4, y - frameTop - 4)
    .stroke()
    .restore();
  y += mm(4);

  // ── 2. Sans sample (report style) ─────────────────────────────────────
  y = heading(pdf, '二、黑体样张（报表用字）', y);
  pdf.text(
    '2025年第二季度婚姻登记业务统计：受理结婚登记 1,284 对，离婚登记 356 对（含冷静期内撤回申请 41 对），' +
      '补领婚姻登记证 97 件；“跨省通办” 213 件，占结婚登记的 16.6%。本页同时用于检验打印机的字形、缩放比例与进纸偏移。',
    { family: 'sans', size: 10.5, x: left, y, width, lineHeight: 1.6, align: 'justify' },
  );
  y = doc.y + mm(3);

  // ── 3. Rare characters, one font chosen per character ─────────────────
  y = heading(pdf, '三、生僻字（逐字选用后备字体，不应出现方框）', y);
  const cells = TEST_PAGE_RARE_CHARS;
  const cellW = width / cells.length;
  const cellH = mm(19);
  doc.save().lineWidth(0.4).strokeColor(LIGHT);
  for (let i = 0; i <= cells.length; i++) doc.moveTo(left + i * cellW, y).lineTo(left + i * cellW, y + cellH);
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .moveTo(left, y + cellH)
    .lineTo(left + width, y + cellH);
  doc.stroke().restore();
  cells.forEach(({ ch, block }, i) => {
    const x = left + i * cellW;
    const key = fonts.fontFor(ch.codePointAt(0)!, 'serif');
    pdf.text(ch, { family: 'serif', size: 22, x, y: y + mm(0.5), width: cellW, align: 'center', lineHeight: 1.3 });
    pdf.text(codePointLabel(ch), { family: 'sans', size: 7, x, width: cellW, align: 'center', lineHeight: 1.3 });
    pdf.text(`${block}·${fontLabel(key)}`, {
      family: 'sans',
      size: 6,
      x,
      width: cellW,
      align: 'center',
      color: GREY,
      lineHeight: 1.3,
    });
  });
  y += cellH + mm(1.5);
  pdf.text('人名示例（同一行内混排）：刘䶮、王𠙶、李𪨶、陈𫠠、赵𬺰。', { family: 'serif', size: 11, x: left, y, width });
  const extG = [...'\u{30000}\u{30001}\u{3134A}'];
  const extGNote = extG.every((c) => fonts.fontFor(c.codePointAt(0)!) !== null)
    ? '扩展G（U+30000–U+3134F）由后备字体覆盖。'
    : '注：扩展G（U+30000–U+3134F）暂无可用的开源许可字体，仅个别常用字（如“𰻞”）可打印；' + '无法打印的字会在出证前提示。';
  pdf.text(extGNote, { family: 'sans', size: 8, x: left, width, color: GREY });
  y = doc.y + mm(3);

  // ── 4. Fonts table, QR code beside it ─────────────────────────────────
  y = heading(pdf, '四、字体清单与二维码', y);
  const qrSide = mm(28);
  const tableW = width - qrSide - mm(10);
  const tableBottom = drawTable(pdf, {
    x: left,
    y,
    size: 8,
    columns: [
      { header: '字体', width: tableW * 0.3 },
      { header: '用途', width: tableW * 0.22 },
      { header: '覆盖范围', width: tableW * 0.28 },
      { header: '许可', width: tableW * 0.2, align: 'center' },
    ],
    rows: [
      ['Noto Serif CJK SC', '证书正文（宋体）', '基本区、扩展A', 'SIL OFL 1.1'],
      ['Noto Sans CJK SC 常规/粗体', '报表、标题（黑体）', '基本区、扩展A', 'SIL OFL 1.1'],
      ['花园明朝A（HanaMinA）', '生僻字后备', '兼容汉字、符号', 'OFL 1.1 / 花园许可'],
      ['花园明朝B（HanaMinB）', '生僻字后备', '扩展B–F', 'OFL 1.1 / 花园许可'],
    ],
  });
  const qrX = left + width - qrSide - mm(1);
  drawQr(doc, TEST_PAGE_QR_TEXT, qrX, y, qrSide);
  pdf.text('扫码核对，应显示：', {
    family: 'sans',
    size: 7,
    x: qrX - mm(6),
    y: y + qrSide + mm(0.5),
    width: qrSide + mm(12),
    align: 'center',
    lineHeight: 1.3,
  });
  pdf.text(TEST_PAGE_QR_TEXT.replace(' ', '\n'), {
    family: 'sans',
    size: 6,
    x: qrX - mm(6),
    width: qrSide + mm(12),
    align: 'center',
    color: GREY,
    lineHeight: 1.3,
  });
  y = Math.max(tableBottom, doc.y) + mm(3);

  // ── 5. Printer calibration ─────────────────────────────────────────────
  y = heading(pdf, '五、打印校准（套打预印表格前核对）', y);
  calibration(pdf, input.printerOffset, y);

  // ── Footer ────────────────────────────────────────────────────────────
  const footY = mm(PAGE_H - MARGIN) - 14;
  doc
    .save()
    .lineWidth(0.4)
    .strokeColor(LIGHT)
    .moveTo(left, footY)
    .lineTo(left + width, footY)
    .stroke()
    .restore();
  pdf.text(`打印人：${input.printedBy}\u3000\u3000打印时间：${formatDateTime(input.printedAt)}`, {
    family: 'sans',
    size: 8,
    x: left,
    y: footY + 2,
    width,
    color: GREY,
  });
  pdf.text('本页仅用于检验打印机与字体，不作为任何证明材料', {
    family: 'sans',
    size: 8,
    x: left,
    y: footY + 2,
    width,
    align: 'right',
    color: GREY,
  });

  return pdf.toBuffer();
}

/** Section heading with a red bar; returns the y below it. */
function heading(pdf: Pdf, title: string, y: number): number {
  const left = mm(MARGIN);
  pdf.doc
    .save()
    .rect(left, y + 3, 3, 10)
    .fill(ACCENT)
    .restore();
  const box = pdf.text(title, { family: 'sans', bold: true, size: 10.5, x: left + 7, y, lineHeight: 1.5 });
  return box.y + box.height + mm(1.5);
}

/**
 * A 10 mm grid with a crosshair and millimetre rulers, plus corner marks 10 mm
 * from each paper edge. Everything here is shifted by the printer offset, and
 * labelled with the nominal distance from the paper's left/top edge, so the
 * clerk can measure with a ruler whether the correction is right.
 */
function calibration(pdf: Pdf, offset: TestPageInput['printerOffset'], topY: number): void {
  const { doc } = pdf;
  const dx = offset?.dxMm ?? 0;
  const dy = offset?.dyMm ?? 0;
  // Nominal geometry in mm from the paper's top-left corner.
  const rulerW = 7;
  const gx = MARGIN + rulerW; // grid left
  const gy = Math.ceil((topY / mm(1) + rulerW) / 5) * 5; // grid top, on a 5 mm line
  const gw = 90;
  const gh = 50;
  const cx = gx + gw / 2;
  const cy = gy + gh / 2;

  doc.save();
  doc.translate(mm(dx), mm(dy));

  // Grid: 10 mm squares.
  doc.lineWidth(0.3).strokeColor(LIGHT);
  for (let x = gx; x <= gx + gw; x += 10) doc.moveTo(mm(x), mm(gy)).lineTo(mm(x), mm(gy + gh));
  for (let yy = gy; yy <= gy + gh; yy += 10) doc.moveTo(mm(gx), mm(yy)).lineTo(mm(gx + gw), mm(yy));
  doc.stroke();
  doc.lineWidth(0.6).strokeColor('#000000').rect(mm(gx), mm(gy), mm(gw), mm(gh)).stroke();

  // Crosshair with a 5 mm circle at the grid centre.
  doc.lineWidth(0.5).strokeColor(ACCENT);
  doc.moveTo(mm(cx - 12), mm(cy)).lineTo(mm(cx + 12), mm(cy));
  doc
    .moveTo(mm(cx), mm(cy - 12))
    .lineTo(mm(cx), mm(cy + 12))
    .stroke();
  doc.circle(mm(cx), mm(cy), mm(5)).stroke();

  // Rulers: ticks every mm, longer every 5 and 10 mm, labels every 10 mm.
  doc.lineWidth(0.3).strokeColor('#000000');
  for (let x = gx; x <= gx + gw; x++) {
    const len = x % 10 === 0 ? 3 : x % 5 === 0 ? 2 : 1;
    doc.moveTo(mm(x), mm(gy)).lineTo(mm(x), mm(gy - len));
  }
  for (let yy = gy; yy <= gy + gh; yy++) {
    const len = yy % 10 === 0 ? 3 : yy % 5 === 0 ? 2 : 1;
    doc.moveTo(mm(gx), mm(yy)).lineTo(mm(gx - len), mm(yy));
  }
  doc.stroke();
  for (let x = Math.ceil(gx / 10) * 10; x <= gx + gw; x += 10) {
    pdf.text(String(x), {
      family: 'sans',
      size: 5.5,
      x: mm(x) - 15,
      y: mm(gy - 6.5),
      width: 30,
      align: 'center',
      lineHeight: 1.2,
    });
  }
  for (let yy = Math.ceil(gy / 10) * 10; yy <= gy + gh; yy += 10) {
    pdf.text(String(yy), {
      family: 'sans',
      size: 5.5,
      x: mm(gx - 3.4) - 30,
      y: mm(yy) - 3.3,
      width: 30,
      align: 'right',
      lineHeight: 1.2,
    });
  }

  // Corner marks 10 mm from every paper edge (their distances show scaling).
  doc.lineWidth(0.5).strokeColor('#000000');
  const m = 10;
  const arm = 5;
  for (const [x, yy, sx, sy] of [
    [m, m, 1, 1],
    [PAGE_W - m, m, -1, 1],
    [m, PAGE_H - m, 1, -1],
    [PAGE_W - m, PAGE_H - m, -1, -1],
  ] as const) {
    doc
      .moveTo(mm(x + sx * arm), mm(yy))
      .lineTo(mm(x), mm(yy))
      .lineTo(mm(x), mm(yy + sy * arm));
  }
  doc.stroke();
  doc.restore();

  // Explanation to the right of the grid (not shifted: it is not a mark).
  const tx = mm(gx + gw + 6);
  const tw = mm(PAGE_W - MARGIN) - tx;
  const fmt = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(1)}`;
  const status = offset
    ? `当前打印机：${offset.name}\n已应用偏移：水平 ${fmt(dx)}\u00a0mm，垂直 ${fmt(dy)}\u00a0mm`
    : '未设置打印机偏移，按 0\u00a0mm 打印';
  pdf.text(status, { family: 'sans', bold: true, size: 8.5, x: tx, y: mm(gy - 6), width: tw, lineHeight: 1.5 });
  pdf.text(
    // U+00A0 keeps numbers and units on one line.
    `1. 用直尺量十字中心：应距纸张左边缘 ${cx}\u00a0mm、上边缘 ${cy}\u00a0mm；标尺数字为到纸边的距离。\n` +
      '2. 新偏移 = 当前偏移 −（实测 − 标称），向右、向下为正。\n' +
      `3. 四角标记距纸边均为 ${m}\u00a0mm，左右标记相距 ${PAGE_W - 2 * m}\u00a0mm、上下相距 ${PAGE_H - 2 * m}\u00a0mm；` +
      '不符说明打印被缩放，请在打印对话框选择“实际大小”（100%）。',
    { family: 'sans', size: 8, x: tx, width: tw, lineHeight: 1.55, color: '#222222' },
  );
}

function formatDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
