import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import type { JobView } from '../../../main/core/jobs/contract';
import { ARCHIVE_MAX_ROWS, type ArchiveImportResult, type ArchiveReport } from '../../../main/marriage/archive/contract';
import { importArchiveFile } from '../../../main/marriage/archive/service';
import { openTestApp, setupAdmin, userWithRoles, type TestApp } from '../../helpers/app';
import { localNoon, partyOf, residentIdOf, setDivision } from '../../helpers/marriage';

// 历史婚姻档案导入 against a real database, through the real worker threads: the check (试导入)
// reports every problem by row and column and writes nothing; the import writes all rows in one
// transaction or none; CSV and XLSX both; imported records are found by the search box.

let t: TestApp;
let clerk: string;
let boss: string;
let counterCertificate: string;

const HEADERS = [
  '档号',
  '结婚证字号',
  '登记日期',
  '登记机关',
  '男方姓名',
  '男方证件号码',
  '男方出生日期',
  '女方姓名',
  '女方证件号码',
  '女方出生日期',
  '状态',
  '离婚日期',
] as const;
type Row = Partial<Record<(typeof HEADERS)[number], string>>;

const row = (over: Row): Row => ({
  登记机关: '永川县民政局',
  登记日期: '1985-06-01',
  男方出生日期: '1960-03-02',
  女方出生日期: '1962-07-15',
  ...over,
});

function csv(rows: Row[], headers: readonly string[] = HEADERS): string {
  const cell = (v: string | undefined) => (v && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : (v ?? ''));
  return [headers.join(','), ...rows.map((r) => headers.map((h) => cell(r[h as keyof Row])).join(','))].join('\r\n');
}

const file = (name: string, content: string | Buffer) => ({
  fileName: name,
  base64: (typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('base64'),
});

/** A resident ID with its last character wrong. */
function badCheckDigit(id: string): string {
  const wrong = id.endsWith('0') ? '1' : '0';
  return id.slice(0, 17) + wrong;
}

async function runJob(channel: 'marriage.archive.check' | 'marriage.archive.import', f: { fileName: string; base64: string }) {
  const { jobId } = await t.must(channel, f, boss);
  await t.app.jobs.wait(jobId);
  const job: JobView = await t.must('jobs.get', { id: jobId }, boss);
  if (job.state !== 'done') throw new Error(`job ${job.state}: ${job.error?.message}`);
  return job.result;
}
const check = async (f: { fileName: string; base64: string }) => (await runJob('marriage.archive.check', f)) as ArchiveReport;
const importFile = async (f: { fileName: string; base64: string }) =>
  (await runJob('marriage.archive.import', f)) as ArchiveImportResult;

const count = (table: string) => (t.app.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeEach(async () => {
  t = openTestApp({ clock: manualClock(localNoon('2025-06-01')) });
  const admin = await setupAdmin(t);
  await setDivision(t, admin);
  clerk = await userWithRoles(t, admin, 'clerk', ['marriageClerk']);
  boss = await userWithRoles(t, admin, 'boss', ['marriageSupervisor']);
  const m = await t.must(
    'marriage.register',
    { registrationDate: '2025-06-01', parties: [partyOf('张伟', 'male', '1990-03-02'), partyOf('李娜', 'female', '1992-07-15')] },
    clerk,
  );
  counterCertificate = m.certificateNumber;
});
afterEach(() => t.close());

describe('archive check (试导入)', () => {
  it('reports every problem by row and column in Chinese, accepts rows without ID numbers, and writes nothing', async () => {
    const id15 = residentIdOf('1958-08-08', 'male').slice(0, 6) + '580808' + '013';
    const rows = [
      row({ 结婚证字号: '(85)永婚字第0001号', 男方姓名: '张三丰', 女方姓名: '单雪梅' }), // 2: valid, no ID numbers
      row({ 结婚证字号: '(85)永婚字第0002号', 登记日期: '1985-13-01', 男方姓名: '王五', 女方姓名: '赵六' }), // 3
      row({
        结婚证字号: '(85)永婚字第0003号',
        男方姓名: '孙七',
        男方证件号码: badCheckDigit(residentIdOf('1960-03-02', 'male')),
        女方姓名: '周八',
      }), // 4
      row({ 结婚证字号: '(85)永婚字第0004号', 男方姓名: '', 女方姓名: '吴九' }), // 5
      row({ 结婚证字号: '(85)永婚字第0001号', 男方姓名: '郑十', 女方姓名: '冯十一' }), // 6: repeats row 2
      row({ 结婚证字号: counterCertificate, 男方姓名: '陈十二', 女方姓名: '褚十三' }), // 7: in the register already
      row({ 结婚证字号: '(85)永婚字第0007号', 男方姓名: '卫十四', 男方证件号码: id15, 男方出生日期: '', 女方姓名: '蒋十五' }), // 8: valid, 15 digits
      row({ 结婚证字号: '(85)永婚字第0008号', 男方姓名: '沈十六', 女方姓名: '韩十七', 女方出生日期: '' }), // 9: no ID, no birth date
    ];
    const before = { registrations: count('marriage_registrations'), audit: count('audit_log') };
    const report = await check(file('1985年档案.csv', csv(rows)));
    expect(report).toMatchObject({ fileName: '1985年档案.csv', format: 'csv', rows: 8, validRows: 2, canImport: false });
    expect(report.problems).toEqual([
      { row: 3, column: '登记日期', problem: '“1985-13-01”不是有效日期，请写成 YYYY-MM-DD，如 1985-06-01' },
      { row: 4, column: '男方证件号码', problem: expect.stringMatching(/校验位/) },
      { row: 5, column: '男方姓名', problem: '男方姓名不能为空' },
      { row: 6, column: '结婚证字号', problem: '与第 2 行的结婚证字号重复' },
      { row: 7, column: '结婚证字号', problem: expect.stringMatching(/^该字号已在婚姻登记库中（记录编号 1）/) },
      { row: 9, column: '女方出生日期', problem: '女方无证件号码时须填写出生日期' },
    ]);
    expect(report.problemCount).toBe(6);
    expect(count('marriage_registrations')).toBe(before.registrations);
    expect(count('marriage_archive_batches')).toBe(0);
    expect(count('audit_log')).toBe(before.audit);
  });

  it('reports a missing required column and unknown columns for the whole file', async () => {
    const report = await check(file('bad.csv', '结婚证字号,登记日期,男方姓名,男方籍贯\r\n(85)1,1985-06-01,张三,四川\r\n'));
    expect(report.canImport).toBe(false);
    expect(report.problems).toEqual([
      { row: 1, column: null, problem: '缺少必填列：登记机关、女方姓名。请使用导入模板，第 1 行为表头' },
    ]);
    expect(report.ignoredColumns).toEqual(['男方籍贯']);
  });

  it('refuses a file over the row limit as a whole, asking for smaller batches', async () => {
    const rows = Array.from({ length: ARCHIVE_MAX_ROWS + 1 }, (_, i) =>
      row({ 结婚证字号: `(85)永婚字第${i}号`, 男方姓名: '张三', 女方姓名: '李四' }),
    );
    const report = await check(file('big.csv', csv(rows)));
    expect(report.problems).toEqual([
      {
        row: null,
        column: null,
        problem: `文件有 ${ARCHIVE_MAX_ROWS + 1} 行数据，单个文件最多 ${ARCHIVE_MAX_ROWS} 行，请拆分后分批导入`,
      },
    ]);
  });

  it('is for supervisors only', async () => {
    const r = await t.call('marriage.archive.check', file('a.csv', csv([])), clerk);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('FORBIDDEN');
  });
});

describe('archive import', () => {
  const good = () =>
    csv([
      row({ 档号: 'HY-1985-0001', 结婚证字号: '(85)永婚字第0001号', 男方姓名: '张三丰', 女方姓名: '单雪梅' }),
      row({
        结婚证字号: '(90)永婚字第0100号',
        登记日期: '1990年5月20日',
        男方姓名: '曾国强',
        男方证件号码: residentIdOf('1965-01-01', 'male'),
        男方出生日期: '',
        女方姓名: '李秀英',
        状态: '已离婚',
        离婚日期: '1999-09-09',
      }),
    ]);

  it('writes every row with its provenance and audit entry; the records are found by the search box', async () => {
    const result = await importFile(file('1985-1990.csv', good()));
    if (!result.imported) throw new Error(JSON.stringify(result.report.problems));
    expect(result.batch).toMatchObject({
      fileName: '1985-1990.csv',
      format: 'csv',
      rowCount: 2,
      firstRegistrationId: 2,
      lastRegistrationId: 3,
    });

    const [zhang] = await t.must('marriage.search', { query: 'zsf' }, clerk);
    expect(zhang).toMatchObject({ certificateNumber: '(85)永婚字第0001号', registrationDate: '1985-06-01', source: 'archive' });
    expect(zhang!.parties.map((p) => p.documentNumber)).toEqual([null, null]);
    expect((await t.must('marriage.search', { query: 'sxm' }, clerk)).map((r) => r.id)).toEqual([zhang!.id]); // 单 read Shan
    expect((await t.must('marriage.search', { query: '(85)永婚字第0001号' }, clerk)).map((r) => r.id)).toEqual([zhang!.id]);
    const dissolved = await t.must('marriage.search', { query: 'zgq', status: 'dissolved', source: 'archive' }, clerk);
    expect(dissolved.map((r) => [r.status, r.dissolvedAt])).toEqual([['dissolved', '1999-09-09']]);

    expect(await t.must('marriage.archive.record', { id: zhang!.id }, clerk)).toMatchObject({
      batchId: result.batch.id,
      fileName: '1985-1990.csv',
      rowNumber: 2,
      registryName: '永川县民政局',
      archiveNumber: 'HY-1985-0001',
      importedBy: 'boss（boss）',
    });
    expect(await t.must('marriage.archive.record', { id: 1 }, clerk)).toBeNull();
    const history = await t.must('marriage.history', { registrationId: zhang!.id }, clerk);
    expect(history.map((h) => h.detail)).toEqual([expect.stringMatching(/^历史档案导入（第 1 批，文件“1985-1990.csv”第 2 行）/)]);
    expect(await t.must('marriage.archive.batches', {}, boss)).toEqual([result.batch]);
  });

  it('prints none of the counter’s documents for an archive record and voids none of its numbers; a replacement is the way', async () => {
    await importFile(file('1985-1990.csv', good()));
    const [zhang] = await t.must('marriage.search', { query: 'zsf' }, clerk);
    const refused = async (c: Promise<{ ok: boolean; error?: { message: string } }>) => {
      const r = await c;
      expect(r.ok).toBe(false);
      return r.error!.message;
    };
    const id = zhang!.id;
    expect(await refused(t.call('marriage.documents.certificate', { id, mode: 'preview', printer: null }, clerk))).toMatch(
      /\(85\)永婚字第0001号 是历史档案记录，本系统不打印其原结婚证；.*补领（BJ）/,
    );
    expect(await refused(t.call('marriage.documents.reviewForm', { id }, clerk))).toMatch(/不打印其审查处理表/);
    expect(await refused(t.call('marriage.documents.declarations', { id }, clerk))).toMatch(/不打印其声明书/);
    expect(await refused(t.call('marriage.numbers.respoil', { registrationId: id, reason: '打印错位' }, clerk))).toMatch(
      /其字号不由本系统分配，不能作废重打/,
    );
    const bj = await t.must(
      'marriage.replacement.issue',
      { kind: 'BJ', registrationId: id, applicant: 'both', reason: 'lost', reasonDetail: null },
      clerk,
    );
    expect(bj.certificateNumber).toMatch(/^BJ500118-2025-\d{6}$/);
  });

  it('refuses the same file again, and a new file repeating an imported certificate number', async () => {
    expect((await importFile(file('a.csv', good()))).imported).toBe(true);
    const again = await importFile(file('a-copy.csv', good()));
    expect(again.imported).toBe(false);
    expect(again.report.problems[0]!.problem).toMatch(
      /^该文件已于 2025-06-01 由 boss（boss）导入（第 1 批，共 2 条），不能重复导入/,
    );
    const overlap = await check(file('b.csv', csv([row({ 结婚证字号: '(85)永婚字第0001号', 男方姓名: '甲', 女方姓名: '乙' })])));
    expect(overlap.problems).toEqual([
      { row: 2, column: '结婚证字号', problem: expect.stringMatching(/^该字号已在婚姻登记库中/) },
    ]);
  });

  it('writes nothing at all when one row is wrong', async () => {
    const before = {
      registrations: count('marriage_registrations'),
      parties: count('marriage_parties'),
      audit: count('audit_log'),
    };
    const bad = csv([
      row({ 结婚证字号: '(85)永婚字第0001号', 男方姓名: '张三丰', 女方姓名: '单雪梅' }),
      row({ 结婚证字号: '(85)永婚字第0002号', 男方姓名: '王五', 女方姓名: '赵六', 登记日期: '1985-02-30' }),
    ]);
    const result = await importFile(file('bad.csv', bad));
    expect(result.imported).toBe(false);
    expect(result.report.problems).toEqual([{ row: 3, column: '登记日期', problem: expect.stringMatching(/不是有效日期/) }]);
    expect(count('marriage_registrations')).toBe(before.registrations);
    expect(count('marriage_parties')).toBe(before.parties);
    expect(count('marriage_archive_batches')).toBe(0);
    expect(count('audit_log')).toBe(before.audit);
    expect(await t.must('marriage.search', { query: 'zsf' }, clerk)).toEqual([]);
  });

  it('rolls back every row already written when a later row fails while writing', async () => {
    // A failure no validation foresees (here a trigger on this connection) stops the import at row 3.
    t.app.db.exec(`CREATE TEMP TRIGGER fail_second BEFORE INSERT ON marriage_archive_records WHEN NEW.row_number = 3
      BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    const before = { registrations: count('marriage_registrations'), audit: count('audit_log') };
    const result = await importArchiveFile(
      t.app.db,
      t.app.clock,
      { userId: (t.app.db.prepare("SELECT id FROM users WHERE username = 'boss'").get() as { id: number }).id, username: 'boss' },
      file('x.csv', good()),
      () => {},
    );
    expect(result.imported).toBe(false);
    expect(result.report.problems).toEqual([
      { row: 3, column: null, problem: expect.stringMatching(/^写入第 3 行时出错，整批未导入（已全部撤销）：disk full/) },
    ]);
    expect(count('marriage_registrations')).toBe(before.registrations);
    expect(count('marriage_archive_batches')).toBe(0);
    expect(count('audit_log')).toBe(before.audit);
    expect(t.app.db.prepare('SELECT rowid FROM marriage_name_search WHERE marriage_name_search MATCH \'"0zsf"\'').all()).toEqual(
      [],
    );
  });

  it('reads a CSV saved by Excel on Chinese Windows (GB18030/GBK, not UTF-8)', async () => {
    // Node has no GBK encoder: build one for the characters needed from the decoder itself.
    const decoder = new TextDecoder('gb18030');
    const table = new Map<string, number[]>();
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (!table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
    const gbk = (text: string) =>
      Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
    const content = csv([row({ 结婚证字号: '(85)永婚字第0009号', 男方姓名: '张三丰', 女方姓名: '单雪梅' })]);
    const bytes = gbk(content);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const report = await check(file('gbk.csv', bytes));
    expect(report).toMatchObject({ rows: 1, validRows: 1, canImport: true });
  });

  it('reads XLSX files: date cells, text ID numbers, and refuses ID numbers Excel turned into numbers', async () => {
    const id = residentIdOf('1961-02-03', 'male');
    const workbook = async (idCell: string | number) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('档案数据');
      ws.addRow([
        '结婚证字号*',
        '登记日期*',
        '登记机关*',
        '男方姓名*',
        '男方证件号码',
        '男方出生日期',
        '女方姓名*',
        '女方出生日期',
      ]);
      ws.addRow([
        '(86)永婚字第0042号',
        new Date(Date.UTC(1986, 9, 1)),
        '永川县民政局',
        '单雄信',
        idCell,
        null,
        '曾小红',
        '1963-03-03',
      ]);
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const numeric = await check(file('1986.xlsx', await workbook(Number(id.slice(0, 17)) * 10)));
    expect(numeric.format).toBe('xlsx');
    expect(numeric.problems).toEqual([
      { row: 2, column: '男方证件号码', problem: expect.stringMatching(/^证件号码被 Excel 存成了数字，末几位已丢失/) },
    ]);
    const result = await importFile(file('1986.xlsx', await workbook(id)));
    if (!result.imported) throw new Error(JSON.stringify(result.report.problems));
    const [found] = await t.must('marriage.search', { query: 'sxx' }, clerk);
    expect(found).toMatchObject({ registrationDate: '1986-10-01', certificateNumber: '(86)永婚字第0042号' });
    const record = await t.must('marriage.get', { id: found!.id }, clerk);
    expect(record.parties[0]).toMatchObject({ name: '单雄信', documentNumber: id, birthDate: '1961-02-03', priorStatus: '90' });
  });

  it('offers the template as XLSX (with notes) and CSV, and a filled-in template imports', async () => {
    const xlsx = await t.must('marriage.archive.template', { format: 'xlsx' }, boss);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['档案数据', '填写说明']);
    const headers = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1) as string[];
    expect(headers.slice(0, 4)).toEqual(['档号', '结婚证字号*', '登记日期*', '登记机关*']);
    const template = Buffer.from((await t.must('marriage.archive.template', { format: 'csv' }, boss)).base64, 'base64').toString(
      'utf8',
    );
    const csvHeaders = template
      .replace(/^\uFEFF/, '')
      .trim()
      .split(',');
    expect(csvHeaders).toEqual(headers);
    const filled = `${template.trim()}\r\n${csvHeaders
      .map(
        (h) =>
          ({
            '结婚证字号*': '(88)永婚字第0008号',
            '登记日期*': '1988-08-08',
            '登记机关*': '永川县民政局',
            '男方姓名*': '欧阳修',
            男方出生日期: '1960-01-01',
            '女方姓名*': '解语',
            女方出生日期: '1962-02-02',
          })[h] ?? '',
      )
      .join(',')}\r\n`;
    const result = await importFile(file('template.csv', filled));
    expect(result.imported).toBe(true);
    expect((await t.must('marriage.search', { query: 'oyx' }, clerk)).length).toBe(1);
    expect((await t.must('marriage.search', { query: 'xy' }, clerk)).length).toBe(1); // 解 read Xie as a surname
  });
});
