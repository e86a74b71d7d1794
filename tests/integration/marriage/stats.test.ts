// 婚姻登记统计 against a real database: a small register built through the real services (moving the
// manual clock day by day), then every figure of the monthly and yearly reports checked exactly,
// including the age-band and month boundaries, and the PDF (pdftotext) and XLSX (exceljs) read back.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import type { FileOutput } from '../../../main/core/contract/fields';
import type { PartyInput } from '../../../main/marriage/contract';
import type { StatsFigures, StatsReport } from '../../../main/marriage/stats/contract';
import { openTestApp, setupAdmin, tempDir, userWithRoles, type TestApp } from '../../helpers/app';
import { localNoon, partyOf, residentIdOf, setDivision, signInOn } from '../../helpers/marriage';

// The register (registry 500118, Chongqing):
//   2024: A 06-10, B 06-20, T 08-01 (Taiwan party), C 08-01, D 09-01, E 09-02, G 10-01 — 7 couples.
//   2025: R0 01-15; R1 05-31 (last day of May); R2 06-01 (first of June; cross-province, man
//   remarrying after divorce); R3 06-15 (foreign wife; man widowed); R4 06-30 (Hong Kong husband;
//   wife's household in Guangdong: cross-province); R5 07-01 (first of July).
// Divorces: E received 03-31, window ends 05-30 → deemed withdrawn in May; C received 04-10, ends
//   06-11 → deemed withdrawn in June; T received 04-15, issued 06-02; A received 04-30, issued 06-30
//   (last day of June); B received 05-06, withdrawn 06-05; G received 05-12, issued 07-01;
//   F (marriage D) received 06-16, pending.
// Replacements: BJ for R2 on 06-15, BL for T on 06-30.

let t: TestApp;
let clock: ReturnType<typeof manualClock>;
let clerk: string;
let boss: string;
let cleanup: () => void;
let dir: string;
const ids: Record<string, number> = {};
const divorces: Record<string, number> = {};
/** June's report taken on the last day of C's certificate window, and on the day after. */
let juneOnLastDay: StatsReport;
let juneDayAfter: StatsReport;
let cStatusDayAfter: string;

const agreement = { children: '无子女', property: '各自财产归各自所有', debts: '无共同债务' };

async function on(date: string) {
  clerk = await signInOn(t, clock, date, 'clerk');
}

async function register(key: string, date: string, man: PartyInput, woman: PartyInput) {
  await on(date);
  ids[key] = (await t.must('marriage.register', { registrationDate: date, parties: [man, woman] }, clerk)).id;
}

async function apply(key: string, marriage: string, date: string) {
  await on(date);
  divorces[key] = (
    await t.must('marriage.divorce.apply', { marriageId: ids[marriage]!, receiptDate: date, agreement, bothPresent: true }, clerk)
  ).id;
}

async function issue(key: string, date: string) {
  await on(date);
  await t.must('marriage.divorce.issue', { id: divorces[key]!, bothPresent: true }, clerk);
}

async function report(period: { year: number; month: number | null }, date?: string): Promise<StatsReport> {
  if (date) boss = await signInOn(t, clock, date, 'boss');
  return t.must('marriage.stats.report', { period }, boss);
}

/** A couple of first-marrying mainland residents (distinct ID numbers through the serial). */
const plain = (n: number, manBirth: string, womanBirth: string): [PartyInput, PartyInput] => [
  partyOf(`男${n}`, 'male', manBirth, { documentNumber: residentIdOf(manBirth, 'male', `${100 + 2 * n + 1}`) }),
  partyOf(`女${n}`, 'female', womanBirth, { documentNumber: residentIdOf(womanBirth, 'female', `${100 + 2 * n}`) }),
];

/** Days lived / 365.25: the report's exact age, computed here independently of SQLite. */
const daysLived = (birth: string, onDate: string) => (Date.parse(onDate) - Date.parse(birth)) / 86_400_000;
const averageAge = (...pairs: [string, string][]) =>
  Math.round((pairs.reduce((s, [b, d]) => s + daysLived(b, d), 0) / pairs.length / 365.25) * 100) / 100;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('marriage-stats-'));
  clock = manualClock(localNoon('2024-06-01'));
  t = openTestApp({ clock });
  const admin = await setupAdmin(t);
  await setDivision(t, admin, '重庆市永川区民政局婚姻登记处');
  clerk = await userWithRoles(t, admin, 'clerk', ['marriageClerk']);
  boss = await userWithRoles(t, admin, 'boss', ['marriageSupervisor']);

  await register('A', '2024-06-10', ...plain(1, '1990-01-01', '1992-01-01'));
  await register('B', '2024-06-20', ...plain(2, '1990-02-01', '1992-02-01'));
  await register(
    'T',
    '2024-08-01',
    partyOf('男3', 'male', '1989-03-01', { documentNumber: residentIdOf('1989-03-01', 'male', '107') }),
    partyOf('林3', 'female', '1991-03-01', {
      documentType: 'taiwanPermit',
      documentNumber: '12345678',
      nationality: 'TWN',
      householdProvince: null,
    }),
  );
  await register('C', '2024-08-01', ...plain(4, '1990-04-01', '1992-04-01'));
  await register('D', '2024-09-01', ...plain(5, '1990-05-01', '1992-05-01'));
  await register('E', '2024-09-02', ...plain(6, '1990-06-01', '1992-06-01'));
  await register('G', '2024-10-01', ...plain(7, '1990-07-01', '1992-07-01'));
  await register('R0', '2025-01-15', ...plain(8, '1995-01-01', '1997-01-01'));

  await apply('E', 'E', '2025-03-31');
  await apply('C', 'C', '2025-04-10');
  await apply('T', 'T', '2025-04-15');
  await apply('A', 'A', '2025-04-30');
  await apply('B', 'B', '2025-05-06');
  await apply('G', 'G', '2025-05-12');

  // R1: the man turns 25 on the day (25–29); the woman turns 22 the day after (20–24).
  await register('R1', '2025-05-31', ...plain(9, '2000-05-31', '2003-06-01'));
  // R2: he is 39 until tomorrow (35–39), remarrying after divorce, household in Sichuan; she turns 30 today.
  await register(
    'R2',
    '2025-06-01',
    partyOf('男10', 'male', '1985-06-02', {
      documentNumber: residentIdOf('1985-06-02', 'male', '121'),
      priorStatus: '40',
      priorEvidence: '离婚证 L510104-2020-000123',
      householdProvince: '51',
    }),
    partyOf('女10', 'female', '1995-06-01', { documentNumber: residentIdOf('1995-06-01', 'female', '120') }),
  );
  await issue('T', '2025-06-02');
  await on('2025-06-05');
  await t.must('marriage.divorce.withdraw', { id: divorces.B!, party: 'male', reason: null }, clerk);

  juneOnLastDay = await report({ year: 2025, month: 6 }, '2025-06-11');
  juneDayAfter = await report({ year: 2025, month: 6 }, '2025-06-12');
  cStatusDayAfter = (
    t.app.db.prepare('SELECT status FROM divorce_applications WHERE id = ?').get(divorces.C) as { status: string }
  ).status;

  // R3: widowed man of 45 (40+), American wife turning 35 the next New Year's Eve (30–34).
  await register(
    'R3',
    '2025-06-15',
    partyOf('男11', 'male', '1980-01-01', {
      documentNumber: residentIdOf('1980-01-01', 'male', '123'),
      priorStatus: '30',
      priorEvidence: '死亡医学证明（编号 500118-2023-0456）',
    }),
    partyOf('Mary SMITH', 'female', '1990-12-31', {
      documentType: 'passport',
      documentNumber: 'P12345678',
      nationality: 'USA',
      ethnicCode: null,
      householdProvince: null,
    }),
  );
  await t.must(
    'marriage.replacement.issue',
    { kind: 'BJ', registrationId: ids.R2!, applicant: 'male', reason: 'lost', reasonDetail: null },
    clerk,
  );
  await apply('F', 'D', '2025-06-16');
  // R4: Hong Kong husband turning 24 today (20–24); wife of 28, household in Guangdong.
  await register(
    'R4',
    '2025-06-30',
    partyOf('陈12', 'male', '2001-06-30', {
      documentType: 'hkMacaoPermit',
      documentNumber: 'H12345678',
      nationality: 'HKG',
      householdProvince: null,
    }),
    partyOf('女12', 'female', '1996-07-01', {
      documentNumber: residentIdOf('1996-07-01', 'female', '124'),
      householdProvince: '44',
    }),
  );
  await issue('A', '2025-06-30');
  await t.must(
    'marriage.replacement.issue',
    { kind: 'BL', registrationId: ids.T!, applicant: 'female', reason: 'damaged', reasonDetail: null },
    clerk,
  );
  await register('R5', '2025-07-01', ...plain(13, '1998-07-01', '2000-01-01'));
  await issue('G', '2025-07-01');
  boss = await signInOn(t, clock, '2025-07-15', 'boss');
}, 60_000);

afterAll(() => {
  t.close();
  cleanup();
});

const june = () => report({ year: 2025, month: 6 });

describe('monthly report', () => {
  it('counts June 2025 in every category, exactly', async () => {
    const r = await june();
    expect(r).toMatchObject({
      label: '2025年6月',
      from: '2025-06-01',
      to: '2025-06-30',
      asOf: '2025-07-15',
      complete: true,
      officeName: '重庆市永川区民政局婚姻登记处',
      divisionCode: '500118',
    });
    const f: StatsFigures = r.figures;
    expect(f.marriages).toEqual({ total: 3, mainland: 1, foreign: 1, hongkong: 1, macao: 0, taiwan: 0 });
    expect(f.crossProvince).toBe(2);
    expect(f.firstMarriage).toEqual({ male: 1, female: 3, total: 4 });
    expect(f.remarriage).toEqual({
      male: 2,
      female: 0,
      total: 2,
      afterDivorce: { male: 1, female: 0, total: 1 },
      afterWidowhood: { male: 1, female: 0, total: 1 },
    });
    expect(f.ageBands).toEqual({
      under20: { male: 0, female: 0, total: 0 },
      '20-24': { male: 1, female: 0, total: 1 },
      '25-29': { male: 0, female: 1, total: 1 },
      '30-34': { male: 0, female: 2, total: 2 },
      '35-39': { male: 1, female: 0, total: 1 },
      '40+': { male: 1, female: 0, total: 1 },
      unknown: { male: 0, female: 0, total: 0 },
    });
    const women: [string, string][] = [
      ['1995-06-01', '2025-06-01'],
      ['1990-12-31', '2025-06-15'],
      ['1996-07-01', '2025-06-30'],
    ];
    expect(f.averageFirstMarriageAge).toEqual({
      male: 24, // 2001-06-30 → 2025-06-30: 8,766 days (6 leap days) / 365.25 = 24.00
      female: averageAge(...women),
      all: averageAge(['2001-06-30', '2025-06-30'], ...women),
    });
    expect(f.averageFirstMarriageAge.female).toBe(31.15);
    expect(f.divorces).toEqual({ total: 2, mainland: 1, foreign: 0, hongkong: 0, macao: 0, taiwan: 1 });
    expect(f.divorceApplications).toEqual({ received: 1, withdrawn: 1, deemedWithdrawn: 1 });
    expect(f.replacements).toEqual({ marriage: 1, divorce: 1 });
    expect(r.months).toEqual([{ month: '2025-06', figures: f }]);
    expect(r.previous).toEqual({ label: '2024年6月', marriages: 2, divorces: 0 });
    expect(r.monthlyTable).toBeNull();
  });

  it('puts the last day of a month in that month and the first day of the next in the next', async () => {
    const may = await report({ year: 2025, month: 5 });
    expect(may.figures.marriages.total).toBe(1); // R1 on 05-31; R2 on 06-01 is June's
    // R1: the man turning 25 on the registration date is 25 (25–29); the woman turns 22 the next day.
    expect(may.figures.ageBands['25-29']).toEqual({ male: 1, female: 0, total: 1 });
    expect(may.figures.ageBands['20-24']).toEqual({ male: 0, female: 1, total: 1 });
    expect(may.figures.averageFirstMarriageAge.male).toBe(25);
    expect(may.figures.divorceApplications).toEqual({ received: 2, withdrawn: 0, deemedWithdrawn: 1 }); // B, G; E ended 05-30
    expect(may.figures.divorces.total).toBe(0);
    const july = await report({ year: 2025, month: 7 });
    expect(july).toMatchObject({ complete: false, to: '2025-07-31' });
    expect(july.figures.marriages.total).toBe(1); // R5 on 07-01
    expect(july.figures.divorces).toMatchObject({ total: 1, mainland: 1 }); // G on 07-01; A on 06-30 stays in June
  });

  it('counts a deemed withdrawal once the certificate window has passed, whether or not it was marked yet', () => {
    // On 06-11, C's last day, the couple may still come: not withdrawn.
    expect(juneOnLastDay.figures.divorceApplications).toEqual({ received: 0, withdrawn: 1, deemedWithdrawn: 0 });
    expect(juneOnLastDay.complete).toBe(false);
    // The day after it counts, though nothing has marked it yet (statistics never write).
    expect(cStatusDayAfter).toBe('pending');
    expect(juneDayAfter.figures.divorceApplications.deemedWithdrawn).toBe(1);
  });

  it('gives the trend of the 12 months ending with the month', async () => {
    const r = await june();
    expect(r.trend.map((x) => x.month)).toEqual([
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    expect(r.trend.map((x) => x.marriages)).toEqual([0, 2, 2, 1, 0, 0, 1, 0, 0, 0, 1, 3]);
    expect(r.trend.map((x) => x.divorces)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
  });

  it('refuses a period that has not begun, and a clerk', async () => {
    const future = await t.call('marriage.stats.report', { period: { year: 2025, month: 8 } }, boss);
    expect(future.ok ? 'ok' : future.error).toMatchObject({
      code: 'RULE_VIOLATION',
      message: expect.stringContaining('尚未开始'),
    });
    clerk = await signInOn(t, clock, '2025-07-15', 'clerk');
    for (const channel of ['marriage.stats.report', 'marriage.stats.documents.pdf', 'marriage.stats.documents.xlsx'] as const) {
      const r = await t.call(channel, { period: { year: 2025, month: 6 } }, clerk);
      expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    }
  });
});

describe('yearly report', () => {
  it('gives 12 months and the year, summing to the totals', async () => {
    const r = await report({ year: 2025, month: null });
    expect(r).toMatchObject({ label: '2025年', from: '2025-01-01', to: '2025-12-31', complete: false });
    expect(r.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`));
    expect(r.months.map((m) => m.figures.marriages.total)).toEqual([1, 0, 0, 0, 1, 3, 1, 0, 0, 0, 0, 0]);
    expect(r.months.map((m) => m.figures.divorces.total)).toEqual([0, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0]);
    expect(r.months.map((m) => m.figures.divorceApplications.received)).toEqual([0, 0, 1, 3, 2, 1, 0, 0, 0, 0, 0, 0]);
    expect(r.months.map((m) => m.figures.divorceApplications.deemedWithdrawn)).toEqual([0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0]);
    expect(r.months[5]!.figures).toEqual((await june()).figures);
    const f = r.figures;
    expect(f.marriages).toEqual({ total: 6, mainland: 4, foreign: 1, hongkong: 1, macao: 0, taiwan: 0 });
    expect(f.crossProvince).toBe(2);
    expect(f.firstMarriage).toEqual({ male: 4, female: 6, total: 10 });
    expect(f.remarriage.total).toBe(2);
    expect(f.divorces).toEqual({ total: 3, mainland: 2, foreign: 0, hongkong: 0, macao: 0, taiwan: 1 });
    expect(f.divorceApplications).toEqual({ received: 7, withdrawn: 1, deemedWithdrawn: 2 });
    expect(f.replacements).toEqual({ marriage: 1, divorce: 1 });
    // The year's average is over all its first-marriage men, not a mean of monthly means.
    expect(f.averageFirstMarriageAge.male).toBe(
      averageAge(
        ['1995-01-01', '2025-01-15'],
        ['2000-05-31', '2025-05-31'],
        ['2001-06-30', '2025-06-30'],
        ['1998-07-01', '2025-07-01'],
      ),
    );
    expect(r.previous).toEqual({ label: '2024年', marriages: 7, divorces: 0 });
    expect(r.trend.map((x) => [x.month, x.marriages, x.divorces])).toEqual(
      r.months.map((m) => [m.month, m.figures.marriages.total, m.figures.divorces.total]),
    );
    const table = r.monthlyTable!;
    expect(table.rows).toHaveLength(13);
    expect(table.rows[5]).toMatchObject({ label: '6月', values: [3, 1, 1, 1, 2, 4, 2, '29.36', 2, 1, 1] });
    expect(table.rows[12]).toMatchObject({ label: '全年', total: true });
    expect(table.rows[12]!.values.slice(0, 7)).toEqual([6, 4, 1, 1, 2, 10, 2]);
  });
});

describe('documents', () => {
  const save = (file: FileOutput, name: string) => {
    const path = join(dir, name);
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    return path;
  };
  const text = (path: string) => execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  /** The figures printed after a row's label (the first row starting with it). */
  const line = (all: string, label: string) =>
    all
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.startsWith(`${label} `))
      ?.slice(label.length)
      .trim()
      .split(/\s+/);

  it('prints the monthly report as a PDF with the office, the period and every figure', async () => {
    const file = await t.must('marriage.stats.documents.pdf', { period: { year: 2025, month: 6 } }, boss);
    expect(file).toMatchObject({ fileName: '婚姻登记统计月报-2025年6月.pdf', mimeType: 'application/pdf' });
    const all = text(save(file, 'june.pdf'));
    expect(all).toContain('重庆市永川区民政局婚姻登记处');
    expect(all).toContain('婚姻登记统计月报');
    expect(all).toContain('2025年06月01日 至 2025年06月30日');
    expect(line(all, '结婚登记合计')).toEqual(['3']);
    expect(line(all, '内地居民')).toEqual(['1']);
    expect(line(all, '涉外（一方为外国人）')).toEqual(['1']);
    expect(line(all, '涉港（一方为香港居民）')).toEqual(['1']);
    expect(line(all, '跨省通办（双方户籍不在本省）')).toEqual(['2']);
    expect(line(all, '初婚')).toEqual(['1', '3', '4']);
    expect(line(all, '离婚后再婚')).toEqual(['1', '0', '1']);
    expect(line(all, '丧偶后再婚')).toEqual(['1', '0', '1']);
    expect(line(all, '30–34 岁')).toEqual(['0', '2', '2']);
    expect(line(all, '40 岁及以上')).toEqual(['1', '0', '1']);
    expect(line(all, '平均初婚年龄（岁）')).toEqual(['24.00', '31.15', '29.36']);
    expect(line(all, '离婚登记合计（对）')).toEqual(['2']);
    expect(line(all, '撤回离婚登记申请（件）')).toEqual(['1']);
    expect(line(all, '视为撤回离婚登记申请（件）')).toEqual(['1']);
    expect(line(all, '补领结婚证')).toEqual(['1']);
    expect(all).toContain('boss'); // 填表人
    const printed = t.app.db
      .prepare("SELECT username, action, entity, entity_id, detail FROM audit_log WHERE entity = 'marriageStatistics'")
      .all();
    expect(printed).toContainEqual({
      username: 'boss',
      action: 'print',
      entity: 'marriageStatistics',
      entity_id: '2025-06',
      detail: '打印婚姻登记统计报表（2025年6月，截至 2025-07-15）',
    });
  });

  it('prints the yearly report with its month-by-month table', async () => {
    const file = await t.must('marriage.stats.documents.pdf', { period: { year: 2025, month: null } }, boss);
    const all = text(save(file, 'year.pdf'));
    expect(all).toContain('婚姻登记统计年报');
    expect(all).toContain('期间尚未结束');
    expect(line(all, '结婚登记合计')).toEqual(['6']);
    expect(line(all, '6月')).toEqual(['3', '1', '1', '1', '2', '4', '2', '29.36', '2', '1', '1']);
    expect(line(all, '全年')?.slice(0, 7)).toEqual(['6', '4', '1', '1', '2', '10', '2']);
  });

  it('exports the yearly report as XLSX with Chinese sheets, figures as numbers', async () => {
    const file = await t.must('marriage.stats.documents.xlsx', { period: { year: 2025, month: null } }, boss);
    expect(file).toMatchObject({
      fileName: '婚姻登记统计年报-2025年.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(save(file, 'year.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '分月']);
    const rowsOf = (ws: ExcelJS.Worksheet) => {
      const out: unknown[][] = [];
      ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const summary = rowsOf(wb.getWorksheet('汇总')!);
    expect(String(summary[0]![0])).toContain('重庆市永川区民政局婚姻登记处');
    expect(summary).toContainEqual(['结婚登记合计', 6]);
    expect(summary).toContainEqual(['涉港（一方为香港居民）', 1]);
    expect(summary).toContainEqual(['初婚', 4, 6, 10]);
    expect(summary).toContainEqual(['离婚登记合计（对）', 3]);
    expect(summary).toContainEqual(['视为撤回离婚登记申请（件）', 2]);
    expect(summary).toContainEqual(['结婚登记（对）', 6, 7, '-14.3%']);
    const months = rowsOf(wb.getWorksheet('分月')!);
    const header = months.find((r) => r[0] === '月份')!;
    expect(header).toEqual([
      '月份',
      '结婚登记（对）',
      '内地',
      '涉外',
      '涉港澳台',
      '跨省通办',
      '初婚（人）',
      '再婚（人）',
      '平均初婚年龄',
      '离婚登记（对）',
      '撤回',
      '视为撤回',
    ]);
    expect(months.find((r) => r[0] === '6月')).toEqual(['6月', 3, 1, 1, 1, 2, 4, 2, 29.36, 2, 1, 1]);
    expect(months.find((r) => r[0] === '2月')).toEqual(['2月', 0, 0, 0, 0, 0, 0, 0, '—', 0, 0, 0]);
    const exported = t.app.db
      .prepare("SELECT action, entity_id FROM audit_log WHERE entity = 'marriageStatistics' AND action = 'export'")
      .all();
    expect(exported).toEqual([{ action: 'export', entity_id: '2025' }]);
  });
});
