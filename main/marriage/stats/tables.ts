import {
  ageBandLabels,
  ageBands,
  mainAgeBands,
  originLabels,
  originShortLabels,
  statsOrigins,
  type StatsFigures,
  type StatsMonth,
  type StatsReport,
  type StatsTable,
  type StatsTableRow,
} from './contract';

// The report's tables in the Ministry's categories. The screen, the PDF and the XLSX all show
// these rows, so a category is named and ordered in one place only.

type Report = Omit<StatsReport, 'tables' | 'monthlyTable'>;

/** 27.4512 → '27.45'; no first-marriage persons → null (printed as —). */
const years = (v: number | null): string | null => (v === null ? null : v.toFixed(2));

/** Change against last year: '+12.5%', '-3.0%', '持平'; null when last year had none. */
export function change(now: number, before: number): string | null {
  if (before === 0) return null;
  if (now === before) return '持平';
  const pct = ((now - before) / before) * 100;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(1)}%`;
}

function marriagesTable(f: StatsFigures): StatsTable {
  return {
    key: 'marriages',
    title: '一、结婚登记',
    columns: ['项目', '对数'],
    rows: [
      { label: '结婚登记合计', values: [f.marriages.total], total: true },
      ...statsOrigins.map((o): StatsTableRow => ({ label: originLabels[o], values: [f.marriages[o]], indent: 1 })),
      { label: '跨省通办（双方户籍不在本省）', values: [f.crossProvince] },
    ],
  };
}

function personsTable(f: StatsFigures): StatsTable {
  const row = (label: string, s: { male: number; female: number; total: number }, extra: Partial<StatsTableRow> = {}) => ({
    label,
    values: [s.male, s.female, s.total],
    ...extra,
  });
  return {
    key: 'persons',
    title: '二、结婚登记人员（初婚、再婚）',
    columns: ['项目', '男（人）', '女（人）', '合计（人）'],
    rows: [
      row(
        '结婚登记人员合计',
        {
          male: f.firstMarriage.male + f.remarriage.male + f.priorUnstated.male,
          female: f.firstMarriage.female + f.remarriage.female + f.priorUnstated.female,
          total: f.firstMarriage.total + f.remarriage.total + f.priorUnstated.total,
        },
        { total: true },
      ),
      row('初婚', f.firstMarriage),
      row('再婚', f.remarriage),
      row('离婚后再婚', f.remarriage.afterDivorce, { indent: 1 }),
      row('丧偶后再婚', f.remarriage.afterWidowhood, { indent: 1 }),
      // Only archive records can leave it unstated; the row shows only when there are some.
      ...(f.priorUnstated.total > 0 ? [row('婚姻状况未说明（历史档案）', f.priorUnstated)] : []),
    ],
  };
}

function ageTable(f: StatsFigures): StatsTable {
  const shown = ageBands.filter((b) => mainAgeBands.includes(b) || f.ageBands[b].total > 0);
  const sum = ageBands.reduce(
    (s, b) => ({
      male: s.male + f.ageBands[b].male,
      female: s.female + f.ageBands[b].female,
      total: s.total + f.ageBands[b].total,
    }),
    { male: 0, female: 0, total: 0 },
  );
  return {
    key: 'ageBands',
    title: '三、结婚登记人员年龄（登记之日周岁）',
    columns: ['年龄段', '男（人）', '女（人）', '合计（人）'],
    rows: [
      ...shown.map((b) => ({ label: ageBandLabels[b], values: [f.ageBands[b].male, f.ageBands[b].female, f.ageBands[b].total] })),
      { label: '合计', values: [sum.male, sum.female, sum.total], total: true },
    ],
  };
}

function averageAgeTable(f: StatsFigures): StatsTable {
  const a = f.averageFirstMarriageAge;
  return {
    key: 'averageAge',
    title: '四、平均初婚年龄',
    columns: ['项目', '男', '女', '总体'],
    rows: [{ label: '平均初婚年龄（岁）', values: [years(a.male), years(a.female), years(a.all)] }],
  };
}

function divorcesTable(f: StatsFigures): StatsTable {
  const d = f.divorceApplications;
  return {
    key: 'divorces',
    title: '五、离婚登记',
    columns: ['项目', '数量'],
    rows: [
      { label: '离婚登记合计（对）', values: [f.divorces.total], total: true },
      ...statsOrigins.map((o): StatsTableRow => ({ label: originLabels[o], values: [f.divorces[o]], indent: 1 })),
      { label: '受理离婚登记申请（件）', values: [d.received] },
      { label: '撤回离婚登记申请（件）', values: [d.withdrawn] },
      { label: '视为撤回离婚登记申请（件）', values: [d.deemedWithdrawn] },
    ],
  };
}

function replacementsTable(f: StatsFigures): StatsTable {
  return {
    key: 'replacements',
    title: '六、补领婚姻登记证',
    columns: ['项目', '件数'],
    rows: [
      { label: '补领结婚证', values: [f.replacements.marriage] },
      { label: '补领离婚证', values: [f.replacements.divorce] },
    ],
  };
}

function comparisonTable(r: Report): StatsTable {
  const f = r.figures;
  return {
    key: 'comparison',
    title: '七、与上年同期比较',
    columns: ['项目', `本期（${r.label}）`, `上年同期（${r.previous.label}）`, '增减'],
    rows: [
      {
        label: '结婚登记（对）',
        values: [f.marriages.total, r.previous.marriages, change(f.marriages.total, r.previous.marriages)],
      },
      { label: '离婚登记（对）', values: [f.divorces.total, r.previous.divorces, change(f.divorces.total, r.previous.divorces)] },
    ],
  };
}

export function statsTables(r: Report): StatsTable[] {
  const f = r.figures;
  return [
    marriagesTable(f),
    personsTable(f),
    ageTable(f),
    averageAgeTable(f),
    divorcesTable(f),
    replacementsTable(f),
    comparisonTable(r),
  ];
}

function monthRow(label: string, f: StatsFigures, total = false): StatsTableRow {
  return {
    label,
    values: [
      f.marriages.total,
      f.marriages.mainland,
      f.marriages.foreign,
      f.marriages.hongkong + f.marriages.macao + f.marriages.taiwan,
      f.crossProvince,
      f.firstMarriage.total,
      f.remarriage.total,
      years(f.averageFirstMarriageAge.all),
      f.divorces.total,
      f.divorceApplications.withdrawn,
      f.divorceApplications.deemedWithdrawn,
    ],
    ...(total && { total: true as const }),
  };
}

/** A yearly report's month-by-month table: 12 rows and the year. */
export function monthlyTable(months: StatsMonth[], year: StatsFigures): StatsTable {
  return {
    key: 'months',
    title: '八、分月统计',
    columns: [
      '月份',
      '结婚登记（对）',
      originShortLabels.mainland,
      originShortLabels.foreign,
      '涉港澳台',
      '跨省通办',
      '初婚（人）',
      '再婚（人）',
      '平均初婚年龄',
      '离婚登记（对）',
      '撤回',
      '视为撤回',
    ],
    rows: [...months.map((m) => monthRow(`${Number(m.month.slice(5))}月`, m.figures)), monthRow('全年', year, true)],
  };
}
