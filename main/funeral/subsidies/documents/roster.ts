// 节地生态安葬奖补发放花名册: the payment roster of one batch, for the bank transfer and the file.
// A4 landscape; every page repeats the title, the batch line and the column headers, ends with a
// 本页小计 and says 第 x 页 共 y 页; the last page adds the 合计 (in figures and in words), what goes
// to each cemetery, and the signature lines. Rows have one fixed height, so the page count is known
// before the first line is drawn (a long name is set smaller, never wrapped or cut). ID numbers
// are always masked; bank account numbers are masked unless the roster is for the approver.

import { mm, newPdf, type FontSet, type Pdf } from '../../../core/pdf';
import { ACCENT, cnDate, type OfficeInfo } from '../../../core/pdf/forms';
import { formatFen } from '../contract';
import { amountInWords } from './words';

export interface RosterLine {
  seq: number;
  number: string;
  deceasedName: string;
  /** Masked. */
  deceasedIdNumber: string;
  formLabel: string;
  payee: string;
  bankName: string;
  /** Full or masked, as the caller decided for the user's role. */
  accountNumber: string;
  familyFen: number;
  cemeteryFen: number;
  cemeteryName: string | null;
}

export interface RosterData {
  batchNumber: string;
  batchTitle: string;
  createdOn: string;
  paid: { on: string; reference: string } | null;
  lines: readonly RosterLine[];
  fullAccounts: boolean;
  preparedBy: string;
  printedOn: string;
}

const PAGE = { w: 297, h: 210, margin: 12 } as const;
const ROW_H = mm(6);
const HEAD_H = mm(8);
const TABLE_TOP = mm(33);
const TABLE_BOTTOM = mm(186);
const FOOTER_Y = mm(190);
const PAD = mm(1.2);
const SIZE = 8;

interface Column {
  header: string;
  width: number;
  align: 'left' | 'center' | 'right';
  value: (l: RosterLine) => string;
}

const yuan = (fen: number) => formatFen(fen).slice(1);

const COLUMNS: Column[] = (
  [
    { header: '序号', width: 10, align: 'center', value: (l) => String(l.seq) },
    { header: '申请编号', width: 34, align: 'left', value: (l) => l.number },
    { header: '逝者姓名', width: 19, align: 'left', value: (l) => l.deceasedName },
    { header: '逝者身份证号码', width: 36, align: 'left', value: (l) => l.deceasedIdNumber },
    { header: '安葬方式', width: 22, align: 'left', value: (l) => l.formLabel },
    { header: '收款人', width: 19, align: 'left', value: (l) => l.payee },
    { header: '开户银行', width: 33, align: 'left', value: (l) => l.bankName },
    { header: '银行账号', width: 43, align: 'left', value: (l) => l.accountNumber },
    { header: '补给家属\n（元）', width: 19, align: 'right', value: (l) => yuan(l.familyFen) },
    { header: '补给公墓\n（元）', width: 19, align: 'right', value: (l) => yuan(l.cemeteryFen) },
    { header: '合计\n（元）', width: 19, align: 'right', value: (l) => yuan(l.familyFen + l.cemeteryFen) },
  ] as Column[]
).map((c) => ({ ...c, width: mm(c.width) }));

const LEFT = mm(PAGE.margin);
const TABLE_W = COLUMNS.reduce((s, c) => s + c.width, 0);
const ROWS_PER_PAGE = Math.floor((TABLE_BOTTOM - TABLE_TOP - HEAD_H - ROW_H) / ROW_H);

// Speed: a 1,000-line roster has 11,000 cells. Text printed in the primary font alone (every
// number, and names without rare characters) goes straight to pdfkit at a baseline computed as
// the engine computes it; anything needing a fallback font (a rare character in a name) takes the
// engine's full path. Either way the text is measured with the real font and set smaller when it
// would not fit its cell — never wrapped, never cut.
const EM_BASELINE = 0.88; // the ideographic em box centred in the line box, as in core/pdf/document.ts
// Table cells hold digits, codes and names: none of them needs OpenType substitutions or kerning,
// and switching them off makes shaping (the costliest step for a CJK font) nearly free.
const PLAIN: Record<string, boolean> = Object.fromEntries(
  ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'].map((f) => [
    f,
    false,
  ]),
);

interface Fragmenter {
  _fragment(text: string, x: number, y: number, options: Record<string, unknown>): void;
}

function fontKeyOf(pdf: Pdf, text: string, bold: boolean): string | null {
  const runs = pdf.fonts.runs(text, 'sans', bold);
  return runs.length === 1 ? runs[0]!.fontKey : null;
}

// Widths of strings already measured in this document (amounts repeat on every line).
const widthMemo = new WeakMap<Pdf, Map<string, number>>();

function plainWidth(pdf: Pdf, key: string, text: string): number {
  let memo = widthMemo.get(pdf);
  if (!memo) widthMemo.set(pdf, (memo = new Map()));
  const k = `${key}\u0000${text}`;
  let w = memo.get(k);
  if (w === undefined) memo.set(k, (w = pdf.doc.widthOfString(text, { features: PLAIN as never })));
  return w;
}

function cell(pdf: Pdf, text: string, x: number, y: number, w: number, h: number, align: Column['align'], bold = false) {
  if (text === '') return;
  const avail = w - 2 * PAD;
  const lines = text.split('\n');
  const key = lines.length === 1 ? fontKeyOf(pdf, text, bold) : null;
  // Long text (a bank's full branch name) wraps onto two lines rather than shrinking to dust.
  if (lines.length === 1 && (SIZE * avail) / estimate(text, SIZE) < TWO_LINES_BELOW) {
    wrapped(pdf, text, x, y, avail, h, align, bold);
    return;
  }
  if (key !== null) {
    const { doc } = pdf;
    doc.font(key).fontSize(SIZE);
    // A left-aligned cell whose generous estimate fits needs no measuring at all.
    const surelyFits = align === 'left' && estimate(text, SIZE) <= avail;
    const natural = surelyFits ? 0 : plainWidth(pdf, key, text);
    const size = natural > avail ? Math.max(4, (SIZE * avail) / natural) : SIZE;
    const width = (natural * size) / SIZE;
    if (size !== SIZE) doc.fontSize(size);
    const left = align === 'right' ? x + PAD + avail - width : align === 'center' ? x + PAD + (avail - width) / 2 : x + PAD;
    const baseline = y + h / 2 - size / 2 + EM_BASELINE * size;
    const fakeBold = bold && key !== 'sansBold';
    if (fakeBold)
      doc
        .save()
        .lineWidth(size * 0.035)
        .strokeColor('#000000');
    doc.fillColor('#000000');
    // pdfkit's text() measures the string twice more (to align, then to advance doc.x); its
    // _fragment draws one positioned fragment, which is all a fixed cell needs.
    (doc as unknown as Fragmenter)._fragment(text, left, baseline, {
      baseline: 'alphabetic',
      fill: true,
      stroke: fakeBold,
      features: PLAIN,
      textWidth: width,
      wordCount: 1,
    });
    if (fakeBold) doc.restore();
    return;
  }
  const natural = Math.max(...lines.map((l) => estimate(l, SIZE)));
  const size = natural > avail ? Math.max(4, (SIZE * avail) / natural) : SIZE;
  pdf.text(text, {
    family: 'sans',
    bold,
    size,
    lineHeight: 1.2,
    x: x + PAD,
    y: y + (h - size * 1.2 * lines.length) / 2,
    width: avail,
    align,
    noWrap: true,
  });
}

const TWO_LINES_BELOW = 6.5;

function wrapped(pdf: Pdf, text: string, x: number, y: number, avail: number, h: number, align: Column['align'], bold: boolean) {
  const o = { family: 'sans' as const, bold, lineHeight: 1.15, x: 0, y: 0, width: avail };
  let size = TWO_LINES_BELOW;
  let m = pdf.measure(text, { ...o, size });
  while ((m.lines > 2 || m.height > h) && size > 3.5) m = pdf.measure(text, { ...o, size: (size -= 0.25) });
  pdf.text(text, { ...o, size, x: x + PAD, y: y + (h - m.height) / 2, align });
}

/** A generous width estimate: CJK a full em, Latin letters and digits (at most 0.62 em in Noto Sans CJK) 0.62. */
function estimate(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.62 : 1;
  return w * size;
}

/** Draws one row's cells (not its rules). */
function rowCells(pdf: Pdf, values: readonly string[], y: number, h: number, bold = false, header = false) {
  let x = LEFT;
  COLUMNS.forEach((c, i) => {
    cell(pdf, values[i] ?? '', x, y, c.width, h, header ? 'center' : c.align, bold);
    x += c.width;
  });
}

/** The ruling of a block of rows from `top` to `bottom`: horizontals at each row, verticals per column. */
function rules(pdf: Pdf, top: number, rowTops: readonly number[], bottom: number) {
  const { doc } = pdf;
  doc.save().lineWidth(0.4).strokeColor('#555555');
  for (const y of [top, ...rowTops, bottom]) doc.moveTo(LEFT, y).lineTo(LEFT + TABLE_W, y);
  let x = LEFT;
  doc.moveTo(x, top).lineTo(x, bottom);
  for (const c of COLUMNS) {
    x += c.width;
    doc.moveTo(x, top).lineTo(x, bottom);
  }
  doc.stroke().restore();
}

/** Label spanning the first columns, then the three money columns. */
function sumRow(pdf: Pdf, label: string, family: number, cemetery: number, y: number) {
  pdf.doc.save().rect(LEFT, y, TABLE_W, ROW_H).fill('#f3eeee').restore();
  const spanW = COLUMNS.slice(0, 8).reduce((s, c) => s + c.width, 0);
  cell(pdf, label, LEFT, y, spanW, ROW_H, 'center', true);
  let x = LEFT + spanW;
  for (const v of [family, cemetery, family + cemetery]) {
    cell(pdf, yuan(v), x, y, COLUMNS[8]!.width, ROW_H, 'right', true);
    x += COLUMNS[8]!.width;
  }
  const { doc } = pdf;
  doc.save().lineWidth(0.4).strokeColor('#555555').rect(LEFT, y, TABLE_W, ROW_H);
  let vx = LEFT + spanW;
  for (let i = 8; i < COLUMNS.length; i++) {
    doc.moveTo(vx, y).lineTo(vx, y + ROW_H);
    vx += COLUMNS[i]!.width;
  }
  doc.stroke().restore();
}

function pageFrame(pdf: Pdf, d: RosterData, office: OfficeInfo, page: number, pages: number) {
  const width = mm(PAGE.w - 2 * PAGE.margin);
  pdf.text(office.officeName, { family: 'serif', size: 10, x: LEFT, y: mm(PAGE.margin - 2), width, align: 'center' });
  pdf.text('节地生态安葬奖补发放花名册', {
    family: 'sans',
    bold: true,
    size: 16,
    x: LEFT,
    y: mm(PAGE.margin + 3),
    width,
    align: 'center',
    characterSpacing: 2,
  });
  const infoY = mm(PAGE.margin + 12.5);
  const paid = d.paid ? `\u3000已发放：${d.paid.on}（凭证 ${d.paid.reference}）` : '\u3000状态：待发放';
  pdf.text(`批次编号：${d.batchNumber}\u3000批次名称：${d.batchTitle}\u3000编制日期：${d.createdOn}${paid}`, {
    family: 'sans',
    size: 9,
    x: LEFT,
    y: infoY,
    width,
  });
  pdf.text(`共 ${d.lines.length} 人`, { family: 'sans', size: 9, x: LEFT, y: infoY, width, align: 'right' });
  const note = d.fullAccounts ? '银行账号为完整账号，仅供办理转账，注意保密' : '身份证号码、银行账号已脱敏（银行账号保留后四位）';
  pdf.text(`${d.fullAccounts ? '身份证号码已脱敏；' : ''}${note}`, {
    family: 'sans',
    size: 7.5,
    x: LEFT,
    y: FOOTER_Y,
    width,
    color: d.fullAccounts ? ACCENT : '#555555',
  });
  pdf.text(`第 ${page} 页\u3000共 ${pages} 页`, { family: 'sans', size: 8.5, x: LEFT, y: FOOTER_Y, width, align: 'right' });
}

function header(pdf: Pdf, y: number) {
  pdf.doc.save().rect(LEFT, y, TABLE_W, HEAD_H).fill('#eeeeee').restore();
  rowCells(
    pdf,
    COLUMNS.map((c) => c.header),
    y,
    HEAD_H,
    true,
    true,
  );
  rules(pdf, y, [], y + HEAD_H);
}

interface CemeteryShare {
  name: string;
  count: number;
  fen: number;
}

export function cemeteryShares(lines: readonly RosterLine[]): CemeteryShare[] {
  const by = new Map<string, CemeteryShare>();
  for (const l of lines) {
    if (l.cemeteryFen <= 0) continue;
    const name = l.cemeteryName ?? '（未关联公墓）';
    const s = by.get(name) ?? { name, count: 0, fen: 0 };
    s.count++;
    s.fen += l.cemeteryFen;
    by.set(name, s);
  }
  return [...by.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** Height of what follows the table on the last page: the totals in words, shares, signatures. */
const closingHeight = (shares: number): number =>
  ROW_H + mm(4) + (shares > 0 ? mm(6) + ROW_H * (shares + 1) + mm(3) : 0) + mm(22);

function closing(pdf: Pdf, d: RosterData, shares: readonly CemeteryShare[], y: number) {
  const family = d.lines.reduce((s, l) => s + l.familyFen, 0);
  const cemetery = d.lines.reduce((s, l) => s + l.cemeteryFen, 0);
  pdf.text(
    `合计金额（大写）：人民币${amountInWords(family + cemetery)}\u3000其中补给家属 ${formatFen(family)}，补给公墓 ${formatFen(cemetery)}`,
    {
      family: 'sans',
      bold: true,
      size: 9,
      x: LEFT,
      y: y + mm(1),
      width: TABLE_W,
    },
  );
  y += ROW_H + mm(4);
  if (shares.length > 0) {
    pdf.text('补给公墓部分（按公墓拨付）', { family: 'sans', bold: true, size: 9, x: LEFT, y, width: TABLE_W });
    y += mm(6);
    const widths = [mm(80), mm(25), mm(35)];
    const w = widths.reduce((a, b) => a + b, 0);
    const { doc } = pdf;
    doc.save().rect(LEFT, y, w, ROW_H).fill('#eeeeee').restore();
    const lines: [string, string, string][] = [
      ['公墓', '件数', '金额（元）'],
      ...shares.map((s): [string, string, string] => [s.name, String(s.count), yuan(s.fen)]),
    ];
    lines.forEach((cells, i) => {
      let x = LEFT;
      cells.forEach((text, j) => {
        cell(pdf, text, x, y + i * ROW_H, widths[j]!, ROW_H, i === 0 ? 'center' : j === 0 ? 'left' : 'right', i === 0);
        x += widths[j]!;
      });
    });
    doc.save().lineWidth(0.4).strokeColor('#555555');
    for (let i = 0; i <= lines.length; i++) doc.moveTo(LEFT, y + i * ROW_H).lineTo(LEFT + w, y + i * ROW_H);
    let x = LEFT;
    for (const cw of [0, ...widths]) {
      x += cw;
      doc.moveTo(x, y).lineTo(x, y + lines.length * ROW_H);
    }
    doc.stroke().restore();
    y += lines.length * ROW_H + mm(3);
  }
  y += mm(6);
  const slots = ['制表人', '审核人', '审批人（分管领导）', '财务经办人'];
  const slotW = TABLE_W / slots.length;
  slots.forEach((label, i) => {
    const x = LEFT + i * slotW;
    pdf.text(`${label}：`, { family: 'serif', size: 10, x, y, width: slotW, noWrap: true });
    pdf.doc
      .save()
      .lineWidth(0.5)
      .moveTo(x + mm((label.length + 1) * 3.6 + 1), y + mm(5))
      .lineTo(x + slotW - mm(6), y + mm(5))
      .stroke()
      .restore();
  });
  cell(pdf, d.preparedBy, LEFT + mm(15.4), y - mm(0.5), slotW - mm(21.4), mm(5), 'center');
  pdf.text(`打印日期：${cnDate(d.printedOn)}`, {
    family: 'serif',
    size: 9,
    x: LEFT,
    y: y + mm(9),
    width: TABLE_W,
    align: 'right',
  });
}

/** Which lines go on which page, and whether the closing block needs a page of its own. */
export function rosterPages(lineCount: number, shareCount: number): { chunks: [number, number][]; closingPage: boolean } {
  const chunks: [number, number][] = [];
  for (let i = 0; i < Math.max(lineCount, 1); i += ROWS_PER_PAGE) chunks.push([i, Math.min(lineCount, i + ROWS_PER_PAGE)]);
  const [from, to] = chunks[chunks.length - 1]!;
  const used = TABLE_TOP + HEAD_H + (to - from) * ROW_H + ROW_H * (chunks.length > 1 ? 2 : 1);
  return { chunks, closingPage: used + closingHeight(shareCount) > TABLE_BOTTOM + mm(2) };
}

export async function renderRoster(fonts: FontSet, d: RosterData, office: OfficeInfo): Promise<Buffer> {
  const pdf = newPdf(fonts, {
    size: 'A4',
    landscape: true,
    margin: mm(PAGE.margin),
    title: `节地生态安葬奖补发放花名册 ${d.batchNumber}`,
    author: office.officeName,
    subject: '节地生态安葬奖补发放花名册',
  });
  const shares = cemeteryShares(d.lines);
  const { chunks, closingPage } = rosterPages(d.lines.length, shares.length);
  const pages = chunks.length + (closingPage ? 1 : 0);
  let y = TABLE_TOP;
  chunks.forEach(([from, to], p) => {
    if (p > 0) pdf.doc.addPage();
    pageFrame(pdf, d, office, p + 1, pages);
    header(pdf, TABLE_TOP);
    y = TABLE_TOP + HEAD_H;
    const tops: number[] = [];
    let family = 0;
    let cemetery = 0;
    for (let i = from; i < to; i++) {
      const l = d.lines[i]!;
      rowCells(
        pdf,
        COLUMNS.map((c) => c.value(l)),
        y,
        ROW_H,
      );
      family += l.familyFen;
      cemetery += l.cemeteryFen;
      tops.push(y);
      y += ROW_H;
    }
    rules(pdf, TABLE_TOP + HEAD_H, tops.slice(1), y);
    if (chunks.length > 1) {
      sumRow(pdf, `本页小计（${to - from} 人）`, family, cemetery, y);
      y += ROW_H;
    }
    if (p === chunks.length - 1) {
      const allFamily = d.lines.reduce((s, l) => s + l.familyFen, 0);
      const allCemetery = d.lines.reduce((s, l) => s + l.cemeteryFen, 0);
      sumRow(pdf, `合计（${d.lines.length} 人）`, allFamily, allCemetery, y);
      y += ROW_H;
    }
  });
  if (closingPage) {
    pdf.doc.addPage();
    pageFrame(pdf, d, office, pages, pages);
    y = TABLE_TOP;
  }
  closing(pdf, d, shares, y + mm(2));
  return pdf.toBuffer();
}
