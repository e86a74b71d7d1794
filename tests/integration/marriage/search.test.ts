import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import { permissionsOf, roles, type Role } from '../../../main/core/contract/roles';
import { showsFullDocumentNumber } from '../../../main/marriage/search/masking';
import { indexRegistrationNames } from '../../../main/marriage/search/indexing';
import { nameInitials, registrationTokens } from '../../../main/marriage/search/names';
import { readSearchText } from '../../../main/marriage/search/query';
import { openTestApp, setupAdmin, userWithRoles, USER_PASSWORD, type TestApp } from '../../helpers/app';
import { localNoon, partyOf, residentIdOf, setDivision, signInOn } from '../../helpers/marriage';

// The one search box against a real database: partial names, pinyin initials (polyphonic
// surnames read as surnames), ID numbers in 15 and 18 digits and full-width, certificate numbers
// of every kind, date and status filters, the index kept up by corrections, and masking per role.

let t: TestApp;
let clock: ReturnType<typeof manualClock>;
let clerk: string;
let boss: string;
const ids = { zhang: 0, shan: 0, wang: 0 };

const agreement = { children: '无子女', property: '各自财产归各自所有', debts: '无共同债务' };
const ZHANG_ID = residentIdOf('1980-03-02', 'male');

async function registerOn(date: string, man: [string, string], woman: [string, string], over: { manId?: string } = {}) {
  clerk = await signInOn(t, clock, date, 'clerk');
  const r = await t.must(
    'marriage.register',
    {
      registrationDate: date,
      parties: [
        partyOf(man[0], 'male', man[1], over.manId ? { documentNumber: over.manId } : {}),
        partyOf(woman[0], 'female', woman[1]),
      ],
    },
    clerk,
  );
  return r;
}

const search = async (input: Parameters<TestApp['must']>[1] & object, token = clerk) =>
  (await t.must('marriage.search', input as { query: string }, token)).map((r) => r.id);

describe('against a real register', () => {
  beforeEach(async () => {
    clock = manualClock(localNoon('2024-05-20'));
    t = openTestApp({ clock });
    const admin = await setupAdmin(t);
    await setDivision(t, admin);
    clerk = await userWithRoles(t, admin, 'clerk', ['marriageClerk']);
    boss = await userWithRoles(t, admin, 'boss', ['marriageSupervisor']);
    await userWithRoles(t, admin, 'boss2', ['marriageSupervisor']);
    ids.zhang = (await registerOn('2024-05-20', ['张三丰', '1980-03-02'], ['李秀英', '1982-07-15'], { manId: ZHANG_ID })).id;
    ids.shan = (await registerOn('2024-08-10', ['单雄信', '1988-01-09'], ['曾小红', '1989-11-30'])).id;
    ids.wang = (await registerOn('2025-02-14', ['王伟', '1990-04-04'], ['欧阳娜娜', '1991-05-05'])).id;
    boss = (await t.must('auth.login', { username: 'boss', password: USER_PASSWORD })).token; // a session lasts a day
  });
  afterEach(() => t.close());

  describe('marriage.search', () => {
    it('finds a name in full or by any part of it, newest registration first', async () => {
      expect(await search({ query: '张三丰' })).toEqual([ids.zhang]);
      expect(await search({ query: '三丰' })).toEqual([ids.zhang]); // the given name alone
      expect(await search({ query: '丰' })).toEqual([ids.zhang]);
      expect(await search({ query: '秀英' })).toEqual([ids.zhang]); // the wife's given name
      expect(await search({ query: '阳娜娜' })).toEqual([ids.wang]); // inside a compound surname
      expect(await search({ query: '欧阳娜娜' })).toEqual([ids.wang]); // four characters: pieces confirmed
      expect(await search({ query: '欧阳丽丽' })).toEqual([]);
      expect(await search({ query: '张 三 丰' })).toEqual([ids.zhang]); // spaces typed are ignored
      expect(await search({ query: '丰三' })).toEqual([]); // pieces must be in order
    });

    it('finds pinyin initials, reading polyphonic surnames as surnames (单 Shan, 曾 Zeng) and accepting the everyday reading too', async () => {
      expect(nameInitials('单雄信')).toEqual(['sxx', 'dxx']);
      expect(nameInitials('曾小红')).toEqual(['zxh', 'cxh']);
      expect(await search({ query: 'zsf' })).toEqual([ids.zhang]);
      expect(await search({ query: 'ZSF' })).toEqual([ids.zhang]);
      expect(await search({ query: 'sxx' })).toEqual([ids.shan]);
      expect(await search({ query: 'dxx' })).toEqual([ids.shan]);
      expect(await search({ query: 'zxh' })).toEqual([ids.shan]);
      expect(await search({ query: 'oynn' })).toEqual([ids.wang]); // four letters: pieces confirmed
      expect(await search({ query: 'xy' })).toEqual([ids.zhang]); // part of the initials: 李秀英 lxy
    });

    it('finds a resident ID typed in 18 digits, 15 digits (old card) or full-width, and every kind of certificate number', async () => {
      const id15 = ZHANG_ID.slice(0, 6) + ZHANG_ID.slice(8, 17);
      expect(readSearchText(id15)).toEqual({ kind: 'document', number: ZHANG_ID });
      expect(await search({ query: ZHANG_ID })).toEqual([ids.zhang]);
      expect(await search({ query: id15 })).toEqual([ids.zhang]);
      const fullWidth = [...ZHANG_ID].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
      expect(await search({ query: fullWidth })).toEqual([ids.zhang]);
      const zhang = await t.must('marriage.get', { id: ids.zhang }, clerk);
      expect(await search({ query: zhang.certificateNumber.toLowerCase() })).toEqual([ids.zhang]);
      // The divorce certificate (L) and a replacement (BJ) lead to the same marriage.
      clerk = await signInOn(t, clock, '2025-03-01', 'clerk');
      const bj = await t.must(
        'marriage.replacement.issue',
        { kind: 'BJ', registrationId: ids.shan, applicant: 'both', reason: 'lost', reasonDetail: null },
        clerk,
      );
      expect(await search({ query: bj.certificateNumber })).toEqual([ids.shan]);
    });

    it('filters by registration date range and by status (registered / dissolved), with or without text', async () => {
      expect(await search({ from: '2024-01-01', to: '2024-12-31' })).toEqual([ids.shan, ids.zhang]);
      expect(await search({ query: 'zxh', from: '2024-06-01' })).toEqual([ids.shan]);
      expect(await search({ query: 'zsf', from: '2024-06-01' })).toEqual([]);
      expect(await search({ query: '张三丰', from: '2024-06-01' })).toEqual([]);
      expect(await search({ query: '张三丰', from: '2024-05-20', to: '2024-05-20' })).toEqual([ids.zhang]);
      // Dissolve the Zhang marriage by agreement divorce: receipt, cooling-off, certificate.
      clerk = await signInOn(t, clock, '2025-09-04', 'clerk');
      const d = await t.must(
        'marriage.divorce.apply',
        { marriageId: ids.zhang, receiptDate: '2025-09-04', agreement, bothPresent: true },
        clerk,
      );
      clerk = await signInOn(t, clock, '2025-10-10', 'clerk');
      const issued = await t.must('marriage.divorce.issue', { id: d.id, bothPresent: true }, clerk);
      expect(await search({ status: 'dissolved' })).toEqual([ids.zhang]);
      expect(await search({ status: 'registered' })).toEqual([ids.wang, ids.shan]);
      expect(await search({ query: '秀英', status: 'registered' })).toEqual([]);
      expect(await search({ query: '秀英', status: 'dissolved' })).toEqual([ids.zhang]);
      expect(await search({ query: issued.certificateNumber! })).toEqual([ids.zhang]); // the L number
      expect(await search({ source: 'archive' })).toEqual([]);
      expect(await search({ source: 'counter', to: '2024-12-31' })).toEqual([ids.shan, ids.zhang]);
    });

    it('refuses an empty search and a reversed date range in Chinese', async () => {
      const empty = await t.call('marriage.search', { query: '  ' }, clerk);
      expect(empty.ok).toBe(false);
      if (!empty.ok) expect(empty.error.message).toMatch(/请输入结婚证字号、证件号码、姓名或拼音首字母/);
      const reversed = await t.call('marriage.search', { from: '2025-01-01', to: '2024-01-01' }, clerk);
      expect(reversed.ok).toBe(false);
      if (!reversed.ok) expect(reversed.error.message).toMatch(/登记日期起不能晚于登记日期止/);
    });

    it('keeps the index up when a correction of a name is approved', async () => {
      clerk = await signInOn(t, clock, '2025-03-01', 'clerk');
      boss = (await t.must('auth.login', { username: 'boss', password: USER_PASSWORD })).token;
      const c = await t.must(
        'marriage.correction.propose',
        { registrationId: ids.zhang, party: 'male', changes: { name: '张三峰' }, reason: '姓名录入错误', evidence: '户口簿' },
        clerk,
      );
      expect(await search({ query: '三峰' })).toEqual([]); // proposed only: the record is unchanged
      await t.must('marriage.correction.approve', { id: c.id, comment: null }, boss);
      expect(await search({ query: '三峰' })).toEqual([ids.zhang]);
      expect(await search({ query: '三丰' })).toEqual([]);
      expect(await search({ query: 'zsf' })).toEqual([ids.zhang]); // 峰 and 丰 share the initial
    });
  });

  describe('masking of ID numbers in the service', () => {
    it('search lists are masked for clerks and supervisors; the record page shows the full number', async () => {
      const masked = `${ZHANG_ID.slice(0, 6)}********${ZHANG_ID.slice(-4)}`;
      for (const token of [clerk, boss]) {
        const [r] = await t.must('marriage.search', { query: 'zsf' }, token);
        expect(r!.parties[0].documentNumber).toBe(masked);
        const full = await t.must('marriage.get', { id: ids.zhang }, token);
        expect(full.parties[0].documentNumber).toBe(ZHANG_ID);
      }
    });

    it('exports are masked; only a supervisor may export full numbers, and each export is audited', async () => {
      const refused = await t.call('marriage.search.export', { query: 'zsf', format: 'csv', fullDocumentNumbers: true }, clerk);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error).toMatchObject({ code: 'FORBIDDEN', field: 'fullDocumentNumbers' });

      const csv = await t.must('marriage.search.export', { query: 'zsf', format: 'csv' }, clerk);
      const text = Buffer.from(csv.base64, 'base64').toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff); // BOM: Excel reads the Chinese
      expect(text).toContain('结婚证字号,登记日期,状态,来源,男方姓名');
      expect(text).toContain(`张三丰,居民身份证,${ZHANG_ID.slice(0, 6)}********${ZHANG_ID.slice(-4)}`);
      expect(text).not.toContain(ZHANG_ID);

      const xlsx = await t.must(
        'marriage.search.export',
        { from: '2024-01-01', format: 'xlsx', fullDocumentNumbers: true },
        boss,
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(xlsx.base64, 'base64') as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.rowCount).toBe(4); // header + 3 registrations
      const zhangRow = [2, 3, 4].map((r) => ws.getRow(r)).find((r) => r.getCell(5).value === '张三丰')!;
      expect(zhangRow.getCell(7).value).toBe(ZHANG_ID);

      const admin = (await t.must('auth.login', { username: 'admin', password: 'Admin1234' })).token;
      const auditor = await userWithRoles(t, admin, 'auditor', ['auditor']);
      const entries = await t.must('audit.list', { action: 'export', entity: 'marriageRegistration' }, auditor);
      expect(entries.rows.map((e) => e.detail)).toEqual([
        expect.stringMatching(/导出婚姻登记查找结果 3 条（XLSX，证件号码完整）/),
        expect.stringMatching(/导出婚姻登记查找结果 1 条（CSV，证件号码脱敏）：查找“zsf”/),
      ]);
    });
  });
});

describe('a status few registrations have', () => {
  it('is found even when thousands of name matches come first (searched from the status side)', async () => {
    const app = openTestApp();
    try {
      const admin = await setupAdmin(app);
      const token = await userWithRoles(app, admin, 'clerk', ['marriageClerk']);
      const db = app.app.db;
      const reg = db.prepare(
        `INSERT INTO marriage_registrations (id, status, registration_date, certificate_number, division_code, party_origin,
           cross_province, dissolved_at, created_at, updated_at) VALUES (?, ?, ?, ?, '500118', 'mainland', 0, ?, 't', 't')`,
      );
      const party = db.prepare(
        `INSERT INTO marriage_parties (registration_id, sex, name, document_type, document_number, birth_date, nationality, prior_status)
         VALUES (?, ?, ?, 'residentId', ?, '1980-01-01', 'CHN', '10')`,
      );
      db.transaction(() => {
        // The one dissolved marriage is the oldest: 2,500 newer registered ones share the surname.
        for (let id = 1; id <= 2501; id++) {
          const dissolved = id === 1;
          reg.run(
            id,
            dissolved ? 'dissolved' : 'registered',
            dissolved ? '2001-01-01' : '2020-01-01',
            `J${id}`,
            dissolved ? '2010-01-01' : null,
          );
          party.run(id, 'male', '王强', `M${id}`);
          party.run(id, 'female', '李丽', `F${id}`);
          indexRegistrationNames(db, id);
        }
      })();
      const found = await app.must('marriage.search', { query: '王', status: 'dissolved' }, token);
      expect(found.map((r) => r.id)).toEqual([1]);
      expect((await app.must('marriage.search', { query: 'wq', status: 'registered' }, token)).length).toBe(50);
    } finally {
      app.close();
    }
  });
});

describe('masking of ID numbers per role (search/masking.ts)', () => {
  const expected: Record<Role, { record: boolean; list: boolean; exportAsked: boolean }> = {
    marriageClerk: { record: true, list: false, exportAsked: false },
    marriageSupervisor: { record: true, list: false, exportAsked: true },
    cemeteryManager: { record: false, list: false, exportAsked: false },
    funeralReviewer: { record: false, list: false, exportAsked: false },
    funeralApprover: { record: false, list: false, exportAsked: false },
    placeNameOfficer: { record: false, list: false, exportAsked: false },
    placeNameApprover: { record: false, list: false, exportAsked: false },
    administrator: { record: false, list: false, exportAsked: false },
    auditor: { record: false, list: false, exportAsked: false },
  };

  it.each(roles.filter((r) => r in expected))('%s: the rule says where the full number is shown', (role) => {
    const p = permissionsOf([role]);
    expect(showsFullDocumentNumber(p, 'record')).toBe(expected[role].record);
    expect(showsFullDocumentNumber(p, 'list')).toBe(expected[role].list);
    expect(showsFullDocumentNumber(p, 'export')).toBe(false); // not asked: masked
    expect(showsFullDocumentNumber(p, 'export', true)).toBe(expected[role].exportAsked);
  });
});

describe('name tokens', () => {
  it('index both parties’ name pieces and initials pieces, marked apart', () => {
    const tokens = registrationTokens(['张三丰', 'JOHN SMITH']);
    expect(tokens).toEqual(expect.arrayContaining(['张', '三丰', '张三丰', '0zsf', '0zs', '0sf', 'joh', 'smi', '0js']));
    expect(tokens).not.toContain('zsf'); // initials only with the mark
  });
});
