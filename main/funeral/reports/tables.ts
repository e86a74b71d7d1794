import { burialFormLabels, burialForms, type BurialForm } from '../shared/forms';
import { applicationStatusLabels } from '../subsidies/contract';
import {
  formShortLabels,
  percentText,
  type FuneralIndicators,
  type MonthFigures,
  type ReportRow,
  type ReportTable,
} from './contract';
import { percentOf } from './figures';

// The report's tables. The screen, the PDF and the XLSX all show these rows, so a category is
// named and ordered in one place only. Money stays in fen here; each output formats it.

type Report = Omit<FuneralIndicators, 'tables' | 'notes'>;

export const formsText = (forms: readonly BurialForm[]): string => forms.map((f) => burialFormLabels[f]).join('、');

function indicatorsTable(r: Report): ReportTable {
  const v = r.ecoForms;
  return {
    key: 'indicators',
    title: '一、主要指标',
    columns: ['指标', '分子', '分母', '比率'],
    kinds: ['count', 'count', 'percent'],
    rows: [
      {
        label: '节地生态安葬率（节地生态安葬数 ÷ 安葬总数）',
        values: [r.ecoRate.eco, r.ecoRate.total, percentText(r.ecoRate.percent)],
      },
      {
        label: '公益性安葬设施覆盖率（有公益性公墓服务的乡镇数 ÷ 乡镇总数）',
        values: [r.coverage.covered, r.coverage.townships, percentText(r.coverage.percent)],
      },
    ],
    note: `节地生态安葬统计口径：${v.effectiveFrom} 起施行的版本${v.isSample ? '（示例口径）' : ''}，计入${formsText(v.forms)}。`,
  };
}

function formsTable(r: Report): ReportTable {
  const b = r.burials;
  const share = (n: number) => percentText(percentOf(n, b.total));
  return {
    key: 'forms',
    title: '二、按安葬方式',
    columns: ['安葬方式', '计入节地生态', '公墓安葬', '无墓位安葬（据奖补申请）', '合计', '占比'],
    kinds: ['text', 'count', 'count', 'count', 'percent'],
    rows: [
      ...b.byForm.map((f): ReportRow => ({
        label: burialFormLabels[f.form],
        values: [f.eco ? '是' : '否', f.inCemeteries, f.plotless, f.total, share(f.total)],
      })),
      { label: '合计', values: ['', b.inCemeteries, b.plotless, b.total, share(b.total)], total: true },
      {
        label: '其中：节地生态安葬',
        values: [
          '',
          b.byForm.filter((f) => f.eco).reduce((s, f) => s + f.inCemeteries, 0),
          b.byForm.filter((f) => f.eco).reduce((s, f) => s + f.plotless, 0),
          b.eco,
          share(b.eco),
        ],
        indent: 1,
      },
    ],
  };
}

function monthRow(label: string, m: Omit<MonthFigures, 'month'>, total = false): ReportRow {
  return {
    label,
    values: [...burialForms.map((f) => m.byForm[f]), m.total, m.eco, percentText(percentOf(m.eco, m.total))],
    ...(total && { total: true as const }),
  };
}

/** A yearly report's month-by-month table: 12 rows and the year. */
function monthsTable(r: Report): ReportTable {
  const year = r.burials.byForm.reduce(
    (y, f) => {
      y.byForm[f.form] = f.total;
      return y;
    },
    { byForm: {} as Record<BurialForm, number>, total: r.burials.total, eco: r.burials.eco },
  );
  return {
    key: 'months',
    title: '三、分月安葬',
    columns: ['月份', ...burialForms.map((f) => formShortLabels[f]), '合计', '节地生态', '生态率'],
    kinds: [...burialForms.map(() => 'count' as const), 'count', 'count', 'percent'],
    rows: [...r.burials.months.map((m) => monthRow(`${Number(m.month.slice(5))}月`, m)), monthRow('全年', year, true)],
  };
}

function cemeteriesTable(r: Report): ReportTable {
  const b = r.burials;
  const rate = (eco: number, total: number) => percentText(percentOf(eco, total));
  const plotlessEco = b.byForm.filter((f) => f.eco).reduce((s, f) => s + f.plotless, 0);
  return {
    key: 'cemeteries',
    title: `${r.period.month === null ? '四' : '三'}、按公墓`,
    columns: ['公墓', '类型', '安葬数', '其中节地生态', '节地生态安葬率'],
    kinds: ['text', 'count', 'count', 'percent'],
    rows: [
      ...b.cemeteries.map((c): ReportRow => ({ label: c.name, values: [c.kindLabel, c.total, c.eco, rate(c.eco, c.total)] })),
      ...(b.plotless > 0
        ? [{ label: '无墓位安葬（据奖补申请）', values: ['—', b.plotless, plotlessEco, rate(plotlessEco, b.plotless)] }]
        : []),
      { label: '合计', values: ['', b.total, b.eco, rate(b.eco, b.total)], total: true },
    ],
  };
}

function coverageTable(r: Report, n: string): ReportTable {
  const c = r.coverage;
  return {
    key: 'coverage',
    title: `${n}、公益性安葬设施覆盖（乡镇、街道）`,
    columns: ['乡镇（街道）', '代码', '是否覆盖', '服务的公益性公墓'],
    kinds: ['text', 'text', 'text'],
    rows:
      c.townships === 0
        ? [{ label: '尚未维护本区乡镇（街道）名单', values: [null, null, null] }]
        : [
            ...c.rows.map((t): ReportRow => ({
              label: t.name,
              values: [t.code, t.covered ? '是' : '否', t.cemeteries.length ? t.cemeteries.join('、') : '—'],
            })),
            {
              label: '合计',
              values: [`共 ${c.townships} 个`, `覆盖 ${c.covered} 个`, `覆盖率 ${percentText(c.percent) ?? '—'}`],
              total: true,
            },
          ],
    ...(c.unlisted.length > 0 && {
      note: `公益性公墓的服务范围中还有 ${c.unlisted.length} 个乡镇代码不在名单中（${c.unlisted.join('、')}），请核实名单是否完整。`,
    }),
  };
}

function subsidyFormsTable(r: Report, n: string): ReportTable {
  const s = r.subsidies;
  return {
    key: 'subsidyForms',
    title: `${n}、节地生态安葬奖补（按安葬方式，按受理日期统计）`,
    columns: ['安葬方式', '受理（件）', '其中不予补贴（件）', '补贴金额（不含不予补贴）', '已批准（含已发放）', '已发放'],
    kinds: ['count', 'count', 'fen', 'fen', 'fen'],
    rows: [
      ...s.byForm.map((f): ReportRow => ({
        label: burialFormLabels[f.form],
        values: [f.count, f.refused, f.amountFen, f.grantedFen, f.paidFen],
      })),
      { label: '合计', values: [s.count, s.refused, s.amountFen, s.grantedFen, s.paidFen], total: true },
    ],
  };
}

function subsidyStatusTable(r: Report, n: string): ReportTable {
  const s = r.subsidies;
  return {
    key: 'subsidyStatus',
    title: `${n}、奖补办理状态`,
    columns: ['状态', '件数', '金额'],
    kinds: ['count', 'fen'],
    rows: [
      ...s.byStatus.map((x): ReportRow => ({ label: applicationStatusLabels[x.status], values: [x.count, x.amountFen] })),
      {
        label: '合计',
        values: [s.count, s.byStatus.reduce((t, x) => t + x.amountFen, 0)],
        total: true,
      },
    ],
  };
}

function waiversTable(r: Report, n: string): ReportTable {
  const w = r.waivers;
  return {
    key: 'waivers',
    title: `${n}、惠民殡葬减免（按减免类别，按登记日期统计）`,
    columns: ['减免类别', '人数', '实际费用', '减免金额'],
    kinds: ['count', 'fen', 'fen'],
    rows: [
      ...w.categories.map((c): ReportRow => ({ label: c.name, values: [c.count, c.actualFen, c.waivedFen] })),
      { label: '合计', values: [w.count, w.actualFen, w.waivedFen], total: true },
    ],
  };
}

const numerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function reportTables(r: Report): ReportTable[] {
  const head = [indicatorsTable(r), formsTable(r), ...(r.period.month === null ? [monthsTable(r)] : []), cemeteriesTable(r)];
  const rest = [coverageTable, subsidyFormsTable, subsidyStatusTable, waiversTable];
  return [...head, ...rest.map((make, i) => make(r, numerals[head.length + i]!))];
}

/** How each figure is counted, printed under the tables (PDF, XLSX) and shown on the page. */
export function countingNotes(r: Report): string[] {
  const v = r.ecoForms;
  return [
    '安葬数按安葬日期归入统计期间：公墓安葬以安葬登记为准；海葬、江葬、深埋不留坟头等无墓位安葬没有安葬登记，以未被驳回的奖补申请中的安葬（撒散）日期计入。',
    `节地生态安葬率 = 节地生态安葬数 ÷ 安葬总数。计入的安葬方式按统计期间最后一日（${r.to}）施行的统计口径：${v.effectiveFrom} 起施行${v.isSample ? '的示例口径' : ''}，计入${formsText(v.forms)}；分月数字同样按此口径。`,
    `公益性安葬设施覆盖率 = 有公益性公墓（含骨灰堂）服务的乡镇（街道）数 ÷ 本区乡镇（街道）总数。公墓服务范围列有该乡镇、所属县（区）或其中的村即为覆盖；同一乡镇由几个公墓服务只计一次；经营性公墓不计。按 ${r.asOf} 的乡镇名单与公墓服务范围计算。`,
    '奖补按受理日期归入统计期间，金额为申请时核定的补贴金额（家属部分与公墓部分合计）；惠民殡葬减免按登记日期归入统计期间，已作废的不计。',
  ];
}
