// 殡葬统计报表 (A4): the office's letterhead, the period, the two rates, the tables (forms, months of
// a yearly report, cemeteries, township coverage, subsidies, waivers), how each figure is counted,
// and the sign-off line.

import { drawTable, mm, newPdf, type FontSet, type Pdf } from '../../../core/pdf';
import { A4, ACCENT, GREY, cnDate, letterhead, sectionHeading, signatureLine } from '../../../core/pdf/forms';
import { cellText, percentText, type FuneralIndicators, type ReportTable } from '../contract';

const LEFT = mm(A4.margin);
const WIDTH = mm(A4.w - 2 * A4.margin);
const SIZE = 9;
/** A ruled row at SIZE with the table's padding, for deciding whether a table still fits the page. */
const ROW_H = SIZE * 1.4 + 2 * mm(1);

/** Share of the width of each column (label first); null columns split what is left evenly. */
const shares: Record<string, (number | null)[]> = {
  indicators: [0.55],
  forms: [0.25, 0.12, 0.12, 0.2],
  // 10 forms, then 合计, 节地生态 and a rate wide enough for 100.00%.
  months: [0.06, ...Array<number>(10).fill(0.066), 0.07, 0.07, 0.14],
  cemeteries: [0.34, 0.16],
  coverage: [0.2, 0.16, 0.1],
  subsidyForms: [0.17],
  subsidyStatus: [0.4],
  waivers: [0.34],
};

function columns(t: ReportTable) {
  const fixed = t.columns.map((_, i) => (shares[t.key] ?? [0.4])[i] ?? null);
  const free = fixed.filter((x) => x === null).length;
  const left = WIDTH * (1 - fixed.reduce<number>((s, x) => s + (x ?? 0), 0));
  return t.columns.map((header, i) => ({
    header,
    width: fixed[i] === null ? left / free : WIDTH * fixed[i]!,
    align: i === 0 || t.kinds[i - 1] === 'text' ? ('left' as const) : ('right' as const),
  }));
}

const tableRows = (t: ReportTable): string[][] =>
  t.rows.map((r) => [(r.indent ? '\u3000\u3000' : '') + r.label, ...r.values.map((v, i) => cellText(t.kinds[i]!, v))]);

/** Starts a new page when a heading and `rows` rows would not fit. */
function room(pdf: Pdf, y: number, rows: number): number {
  const need = mm(8) + (rows + 1) * ROW_H;
  if (y + need <= pdf.doc.page.maxY()) return y;
  pdf.doc.addPage();
  return pdf.doc.page.margins.top;
}

function section(pdf: Pdf, t: ReportTable, y: number): number {
  // A long table may break across pages (drawTable repeats the header); keep at least its start together.
  y = room(pdf, y, Math.min(t.rows.length, 6));
  y = sectionHeading(pdf, t.title, y);
  const size = t.key === 'months' ? 7 : SIZE;
  y = drawTable(pdf, { x: LEFT, y, columns: columns(t), rows: tableRows(t), size });
  if (t.note) {
    pdf.text(t.note, { family: 'sans', size: 8, x: LEFT, y: y + mm(1), width: WIDTH, color: GREY });
    y = pdf.doc.y;
  }
  return y + mm(4);
}

/** The two rates as large figures under the letterhead: what a reader looks for first. */
function rates(pdf: Pdf, r: FuneralIndicators, y: number): number {
  const half = WIDTH / 2;
  const card = (x: number, title: string, value: string, detail: string) => {
    pdf.doc
      .save()
      .lineWidth(0.6)
      .strokeColor('#cccccc')
      .rect(x, y, half - mm(3), mm(20))
      .stroke()
      .restore();
    pdf.text(title, { family: 'sans', size: 9, x: x + mm(3), y: y + mm(2), width: half - mm(9), color: GREY });
    pdf.text(value, { family: 'sans', bold: true, size: 18, x: x + mm(3), y: y + mm(6.5), width: half - mm(9), color: ACCENT });
    pdf.text(detail, { family: 'sans', size: 8, x: x + mm(3), y: y + mm(14.5), width: half - mm(9), color: GREY });
  };
  card(LEFT, '节地生态安葬率', percentText(r.ecoRate.percent) ?? '—', `${r.ecoRate.eco} ÷ ${r.ecoRate.total}（安葬总数）`);
  card(
    LEFT + half + mm(3),
    '公益性安葬设施覆盖率',
    percentText(r.coverage.percent) ?? '—',
    r.coverage.townships === 0 ? '尚未维护乡镇（街道）名单' : `${r.coverage.covered} ÷ ${r.coverage.townships}（乡镇、街道总数）`,
  );
  return y + mm(25);
}

export async function renderIndicatorsPdf(fonts: FontSet, r: FuneralIndicators, preparedBy: string): Promise<Buffer> {
  const title = `殡葬统计${r.period.month === null ? '年报' : '月报'}`;
  const pdf = newPdf(fonts, {
    size: 'A4',
    margin: mm(A4.margin),
    title: `${title} ${r.label}`,
    author: r.officeName,
    subject: title,
  });
  let y = letterhead(pdf, { officeName: r.officeName, divisionCode: r.divisionCode }, title, `统计期间：${r.label}`);
  const span = `${cnDate(r.from)} 至 ${cnDate(r.to)}`;
  pdf.text(r.complete ? `统计期间：${span}` : `统计期间：${span}（期间尚未结束，数据截至 ${cnDate(r.asOf)}）`, {
    family: 'sans',
    size: 9,
    x: LEFT,
    y,
    width: WIDTH,
    color: GREY,
  });
  y = rates(pdf, r, pdf.doc.y + mm(3));

  for (const t of r.tables) y = section(pdf, t, y);

  y = room(pdf, y, r.notes.length * 2 + 3);
  pdf.text('统计口径说明：', { family: 'sans', bold: true, size: 8.5, x: LEFT, y, width: WIDTH, color: GREY });
  r.notes.forEach((n, i) => pdf.text(`${i + 1}. ${n}`, { family: 'sans', size: 8.5, x: LEFT, width: WIDTH, color: GREY }));
  y = pdf.doc.y + mm(8);
  if (y + mm(10) > pdf.doc.page.maxY()) {
    pdf.doc.addPage();
    y = pdf.doc.page.margins.top;
  }
  const third = WIDTH / 3;
  signatureLine(pdf, '单位负责人', LEFT, y, third - mm(6));
  signatureLine(pdf, '填表人', LEFT + third, y, third - mm(6), preparedBy);
  signatureLine(pdf, '报出日期', LEFT + 2 * third, y, third, cnDate(r.asOf));
  return pdf.toBuffer();
}
