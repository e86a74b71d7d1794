// 婚姻登记统计报表 (A4): the office's letterhead, the period, the Ministry's category tables, a
// yearly report's month-by-month table, how the figures are counted, and the sign-off line.

import { drawTable, mm, newPdf, type FontSet, type Pdf } from '../../../core/pdf';
import { A4, GREY, cnDate, letterhead, sectionHeading, signatureLine } from '../../../core/pdf/forms';
import type { StatsReport, StatsTable } from '../contract';

const LEFT = mm(A4.margin);
const WIDTH = mm(A4.w - 2 * A4.margin);
const SIZE = 9;
/** A ruled row at SIZE with the table's padding, for deciding whether a table still fits the page. */
const ROW_H = SIZE * 1.4 + 2 * mm(1);

export const cell = (v: number | string | null): string => (v === null ? '—' : String(v));

/** Notes on how the figures are counted, printed under the tables (see data.ts). */
export const COUNTING_NOTES = [
  '结婚登记、离婚登记以对为单位，结婚登记人员以人为单位；按登记日期（离婚登记按发证日期）归入统计期间。',
  '初婚、再婚按登记时声明的婚姻状况统计（未婚为初婚，离婚、丧偶为再婚）；年龄为登记之日的周岁。',
  '平均初婚年龄 = 初婚人员登记之日已生活天数 ÷ 365.25 的平均数，保留两位小数。',
  '视为撤回：冷静期届满后三十日内未共同申请发给离婚证，按该期间最后一日归入统计期间。',
] as const;

function tableRows(t: StatsTable): string[][] {
  return t.rows.map((r) => [(r.indent ? '\u3000\u3000' : '') + r.label, ...r.values.map(cell)]);
}

/** Column widths: the label column takes what the figures leave. */
function columns(t: StatsTable, labelShare: number) {
  const labelW = WIDTH * labelShare;
  const valueW = (WIDTH - labelW) / (t.columns.length - 1);
  return t.columns.map((header, i) => (i === 0 ? { header, width: labelW } : { header, width: valueW, align: 'right' as const }));
}

/** Starts a new page when a heading and a table of `rows` rows would not fit. */
function room(pdf: Pdf, y: number, rows: number): number {
  const need = mm(8) + (rows + 1) * ROW_H;
  if (y + need <= pdf.doc.page.maxY()) return y;
  pdf.doc.addPage();
  return pdf.doc.page.margins.top;
}

function section(pdf: Pdf, t: StatsTable, y: number, labelShare: number, size = SIZE): number {
  y = room(pdf, y, t.rows.length);
  y = sectionHeading(pdf, t.title, y);
  return drawTable(pdf, { x: LEFT, y, columns: columns(t, labelShare), rows: tableRows(t), size }) + mm(4);
}

export async function renderStatsPdf(fonts: FontSet, r: StatsReport, preparedBy: string): Promise<Buffer> {
  const kind = r.period.month === null ? '年报' : '月报';
  const title = `婚姻登记统计${kind}`;
  const pdf = newPdf(fonts, {
    size: 'A4',
    margin: mm(A4.margin),
    title: `${title} ${r.label}`,
    author: r.officeName,
    subject: title,
  });
  const office = { officeName: r.officeName, divisionCode: r.divisionCode };
  let y = letterhead(pdf, office, title, `统计期间：${r.label}`);
  const span = `${cnDate(r.from)} 至 ${cnDate(r.to)}`;
  pdf.text(r.complete ? `统计期间：${span}` : `统计期间：${span}（期间尚未结束，数据截至 ${cnDate(r.asOf)}）`, {
    family: 'sans',
    size: 9,
    x: LEFT,
    y,
    width: WIDTH,
    color: GREY,
  });
  y = pdf.doc.y + mm(3);

  for (const t of r.tables) y = section(pdf, t, y, t.columns.length === 2 ? 0.7 : t.key === 'comparison' ? 0.28 : 0.4);
  if (r.monthlyTable) y = section(pdf, r.monthlyTable, y, 0.08, 7.5);

  y = room(pdf, y, COUNTING_NOTES.length + 3);
  pdf.text('统计口径说明：', { family: 'sans', bold: true, size: 8.5, x: LEFT, y, width: WIDTH, color: GREY });
  COUNTING_NOTES.forEach((n, i) => pdf.text(`${i + 1}. ${n}`, { family: 'sans', size: 8.5, x: LEFT, width: WIDTH, color: GREY }));
  y = pdf.doc.y + mm(8);
  const third = WIDTH / 3;
  signatureLine(pdf, '单位负责人', LEFT, y, third - mm(6));
  signatureLine(pdf, '填表人', LEFT + third, y, third - mm(6), preparedBy);
  signatureLine(pdf, '报出日期', LEFT + 2 * third, y, third, cnDate(r.asOf));
  return pdf.toBuffer();
}
