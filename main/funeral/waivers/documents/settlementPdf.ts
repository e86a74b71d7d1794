// 惠民殡葬基本服务费用减免结算单 (A4 landscape): the office, the funeral home and the month, one
// row per waiver with the amount waived per service item, the totals, the split by category, and
// the signature block for the funeral home, the civil-affairs bureau and the person who made it.
// The table repeats its header on every page; continuation pages carry a running title.

import { drawTable, letterheadRule, mm, newPdf, SEAL_RED, type FontSet, type Pdf, type TableColumn } from '../../../core/pdf';
import { formatFen, type SettlementSheet } from '../contract';

const MARGIN = 14; // mm
const PAGE_W = 297;
const LEFT = mm(MARGIN);
const WIDTH = mm(PAGE_W - 2 * MARGIN);
const GREY = '#555555';

/** Amounts in the table: yuan with two decimals and thousands separators, no ¥ (the header says 元). */
export const yuan = (fen: number): string => formatFen(fen).replace('¥', '');

/** 2026-05-20 → 2026年05月20日. */
const cnDate = (iso: string): string => `${iso.slice(0, 4)}年${iso.slice(5, 7)}月${iso.slice(8, 10)}日`;

export const MASKING_NOTE = '身份证号码仅显示前 6 位和后 4 位；请按逝者姓名、身份证号码后 4 位及死亡日期与殡仪馆台账逐笔核对。';

function columns(sheet: SettlementSheet): { columns: TableColumn[]; size: number } {
  const fixed: TableColumn[] = [
    { header: '序号', width: mm(9), align: 'center' },
    { header: '减免编号', width: mm(35) },
    { header: '逝者姓名', width: mm(18) },
    { header: '身份证号码', width: mm(31) },
    { header: '死亡日期', width: mm(19), align: 'center' },
    { header: '减免类别', width: mm(22) },
  ];
  const tail: TableColumn[] = [
    { header: '实际费用', width: mm(20), align: 'right' },
    { header: '减免合计', width: mm(20), align: 'right' },
    { header: '家属自付', width: mm(19), align: 'right' },
  ];
  const used = [...fixed, ...tail].reduce((s, c) => s + c.width, 0);
  const n = Math.max(1, sheet.items.length);
  const each = (WIDTH - used) / n;
  // Many item columns: the whole table steps down a size rather than cutting figures.
  const size = each >= mm(16) ? 8 : each >= mm(12) ? 7 : 6;
  const items: TableColumn[] = sheet.items.map((it) => ({ header: `${it.name}`, width: each, align: 'right' }));
  if (sheet.items.length === 0) items.push({ header: '减免项目', width: each, align: 'right' });
  return { columns: [...fixed, ...items, ...tail], size };
}

function header(pdf: Pdf, sheet: SettlementSheet): number {
  pdf.text(sheet.officeName, { family: 'serif', size: 12, x: LEFT, y: mm(MARGIN - 4), width: WIDTH, align: 'center' });
  pdf.text('惠民殡葬基本服务费用减免结算单', {
    family: 'sans',
    bold: true,
    size: 18,
    x: LEFT,
    width: WIDTH,
    align: 'center',
    characterSpacing: 2,
    lineHeight: 1.5,
  });
  const y = pdf.doc.y;
  pdf.text(
    `殡仪馆：${sheet.funeralHome.name}\u3000\u3000结算月份：${sheet.monthLabel}\u3000\u3000行政区划代码 ${sheet.divisionCode}`,
    {
      family: 'sans',
      size: 9.5,
      x: LEFT,
      y,
      width: WIDTH,
    },
  );
  const state =
    sheet.status === 'settled'
      ? `已于 ${cnDate(sheet.settledAt!.slice(0, 10))} 确认结算${sheet.settledBy ? `（${sheet.settledBy}）` : ''}`
      : '未确认结算';
  pdf.text(`共 ${sheet.totals.count} 笔\u3000金额单位：元\u3000${state}`, {
    family: 'sans',
    size: 9.5,
    x: LEFT,
    y,
    width: WIDTH,
    align: 'right',
  });
  let below = y + 9.5 * 1.5 + mm(1);
  letterheadRule(pdf, LEFT, WIDTH, below);
  below += mm(3);
  if (sheet.sample) {
    pdf.text('注意：本结算单所用减免标准为示例数据（示例数据，请按本地政策修改），不能作为正式结算依据。', {
      family: 'sans',
      bold: true,
      size: 9,
      x: LEFT,
      y: below,
      width: WIDTH,
      color: SEAL_RED,
    });
    below = pdf.doc.y + mm(1);
  }
  return below;
}

function signatures(pdf: Pdf, y: number, preparedBy: string, printedOn: string): void {
  const { doc } = pdf;
  const blockH = mm(30);
  if (y + blockH > doc.page.maxY()) {
    doc.addPage();
    y = doc.page.margins.top;
  }
  const third = WIDTH / 3;
  const blocks: [string, string[]][] = [
    ['殡仪馆（盖章）', ['经办人：', '日\u3000期：']],
    ['民政部门（盖章）', ['审核人：', '日\u3000期：']],
    ['制\u3000表', [`制表人：${preparedBy}`, `制表日期：${cnDate(printedOn)}`]],
  ];
  blocks.forEach(([title, lines], i) => {
    const x = LEFT + i * third;
    pdf.text(title, { family: 'sans', bold: true, size: 10, x, y, width: third - mm(6) });
    lines.forEach((line, j) => {
      const ly = y + mm(9) + j * mm(9);
      pdf.text(line, { family: 'serif', size: 10, x, y: ly, width: third - mm(6), noWrap: true });
      if (!line.endsWith('：')) return;
      doc
        .save()
        .lineWidth(0.5)
        .strokeColor('#000000')
        .moveTo(x + mm(15), ly + 13)
        .lineTo(x + third - mm(10), ly + 13)
        .stroke()
        .restore();
    });
  });
}

export async function renderSettlementPdf(
  fonts: FontSet,
  sheet: SettlementSheet,
  preparedBy: string,
  printedOn: string,
): Promise<Buffer> {
  const title = `惠民殡葬减免结算单 ${sheet.funeralHome.name} ${sheet.monthLabel}`;
  const pdf = newPdf(fonts, {
    size: 'A4',
    landscape: true,
    margin: mm(MARGIN),
    title,
    author: sheet.officeName,
    subject: '惠民殡葬基本服务费用减免结算单',
  });
  let pageNo = 1;
  pdf.doc.on('pageAdded', () => {
    pageNo++;
    // A running title above the repeated table header: a loose page still says what it belongs to.
    pdf.text(`${title}（续，第 ${pageNo} 页）`, {
      family: 'sans',
      size: 8,
      x: LEFT,
      y: mm(MARGIN - 8),
      width: WIDTH,
      color: GREY,
      align: 'right',
    });
  });

  let y = header(pdf, sheet);
  const { columns: cols, size } = columns(sheet);
  const rows = sheet.rows.map((r) => [
    String(r.no),
    r.number,
    r.deceasedName,
    r.deceasedIdMasked,
    r.deathDate,
    r.categoryName,
    ...(sheet.items.length === 0
      ? ['']
      : sheet.items.map((it) => (r.waivedByItem[it.code] === undefined ? '—' : yuan(r.waivedByItem[it.code]!)))),
    yuan(r.actualFen),
    yuan(r.waivedFen),
    yuan(r.familyPaysFen),
  ]);
  rows.push([
    '',
    '合计',
    `${sheet.totals.count} 人`,
    '',
    '',
    '',
    ...(sheet.items.length === 0 ? [''] : sheet.items.map((it) => yuan(sheet.totals.byItem[it.code] ?? 0))),
    yuan(sheet.totals.actualFen),
    yuan(sheet.totals.waivedFen),
    yuan(sheet.totals.familyPaysFen),
  ]);
  y = drawTable(pdf, { x: LEFT, y, columns: cols, rows, size }) + mm(3);

  const split =
    sheet.byCategory.length === 0
      ? '本月无减免记录。'
      : `分类汇总：${sheet.byCategory.map((c) => `${c.name} ${c.count} 笔，减免 ${formatFen(c.waivedFen)}`).join('；')}。`;
  pdf.text(split, { family: 'sans', size: 9, x: LEFT, y, width: WIDTH });
  pdf.text(`减免合计（大写）：${amountInWords(sheet.totals.waivedFen)}`, { family: 'sans', size: 9, x: LEFT, width: WIDTH });
  pdf.text(MASKING_NOTE, { family: 'sans', size: 8, x: LEFT, width: WIDTH, color: GREY });
  signatures(pdf, pdf.doc.y + mm(5), preparedBy, printedOn);
  return pdf.toBuffer();
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿'];

/** 人民币大写 as on vouchers: 123456 fen → 壹仟贰佰叁拾肆元伍角陆分; whole yuan end with 整. */
export function amountInWords(fen: number): string {
  if (fen === 0) return '零元整';
  const yuanPart = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const fenPart = fen % 10;
  let words = '';
  if (yuanPart > 0) {
    const groups: number[] = [];
    for (let n = yuanPart; n > 0; n = Math.floor(n / 10000)) groups.push(n % 10000);
    let zeroPending = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g]!;
      if (group === 0) {
        zeroPending = words !== '';
        continue;
      }
      if (words !== '' && (zeroPending || group < 1000)) words += '零';
      zeroPending = false;
      let inner = '';
      let innerZero = false;
      for (let i = 3; i >= 0; i--) {
        const d = Math.floor(group / 10 ** i) % 10;
        if (d === 0) {
          innerZero = inner !== '';
          continue;
        }
        if (innerZero) inner += '零';
        innerZero = false;
        inner += DIGITS[d]! + UNITS[i]!;
      }
      words += inner + GROUPS[g]!;
    }
    words += '元';
  }
  if (jiao === 0 && fenPart === 0) return `${words}整`;
  if (jiao > 0) words += `${DIGITS[jiao]}角`;
  else if (yuanPart > 0) words += '零';
  if (fenPart > 0) words += `${DIGITS[fenPart]}分`;
  else words += '整';
  return words;
}
