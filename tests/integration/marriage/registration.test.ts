import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import type { Application, PartyInput } from '../../../main/marriage/contract';
import { openTestApp, setupAdmin, userWithRoles, type TestApp } from '../../helpers/app';
import { partyInput, residentIdOf } from '../../helpers/marriage';

// 结婚登记 at the counter, against a real database: every refusal reason of the acceptance check,
// number allocation, and the record as stored.

let t: TestApp;
let clerk: string;
let supervisor: string;
const TODAY = '2026-05-20';

/** A party with this file's contact defaults (the PDFs and lists show them). */
const party = (over: Partial<PartyInput> & Pick<PartyInput, 'name' | 'sex' | 'birthDate'>): PartyInput =>
  partyInput({ phone: '13800000000', ...over });

const man = (over: Partial<PartyInput> = {}) => party({ name: '张伟', sex: 'male', birthDate: '1998-03-02', ...over });
const woman = (over: Partial<PartyInput> = {}) => party({ name: '李娜', sex: 'female', birthDate: '2000-07-15', ...over });
const application = (a: PartyInput, b: PartyInput, date = TODAY): Application => ({ registrationDate: date, parties: [a, b] });

beforeEach(async () => {
  t = openTestApp({ clock: manualClock(new Date(`${TODAY}T10:00:00+08:00`)) });
  const admin = await setupAdmin(t);
  const settings = await t.must('settings.get', {}, admin);
  await t.must('settings.update', { ...settings, officeName: '永川区婚姻登记处', divisionCode: '500118' }, admin);
  clerk = await userWithRoles(t, admin, 'clerk', ['marriageClerk']);
  supervisor = await userWithRoles(t, admin, 'boss', ['marriageSupervisor']);
});
afterEach(() => t.close());

async function reasonsFor(app: Application) {
  const r = await t.must('marriage.check', app, clerk);
  return r.reasons;
}

describe('registration', () => {
  it('registers a couple and draws J500118-2026-000001, then 000002', async () => {
    const first = await t.must('marriage.register', application(man(), woman()), clerk);
    expect(first.certificateNumber).toBe('J500118-2026-000001');
    expect(first.parties.map((p) => p.name)).toEqual(['张伟', '李娜']);
    expect(first.status).toBe('registered');
    expect(first.partyOrigin).toBe('mainland');
    const second = await t.must(
      'marriage.register',
      application(
        man({ name: '王强', documentNumber: residentIdOf('1990-01-01', 'male'), birthDate: '1990-01-01' }),
        woman({ name: '赵敏', documentNumber: residentIdOf('1992-02-02', 'female'), birthDate: '1992-02-02' }),
      ),
      clerk,
    );
    expect(second.certificateNumber).toBe('J500118-2026-000002');
    expect((await t.must('marriage.get', { id: first.id }, clerk)).certificateNumber).toBe(first.certificateNumber);
  });

  it('stores normalised ID numbers (full-width digits, lower-case x)', async () => {
    const id = residentIdOf('1998-03-02', 'male');
    const typed = id.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).toLowerCase();
    const r = await t.must('marriage.register', application(man({ documentNumber: typed }), woman()), clerk);
    expect(r.parties[0].documentNumber).toBe(id);
  });

  it('counts a party registered outside the household province as cross-province (跨省通办)', async () => {
    const r = await t.must('marriage.register', application(man({ householdProvince: '44' }), woman()), clerk);
    expect(r.crossProvince).toBe(true);
  });

  it('records a foreign party in the statistics category', async () => {
    const foreigner = man({
      name: 'John Smith',
      documentType: 'passport',
      documentNumber: 'P1234567',
      nationality: 'USA',
      ethnicCode: null,
      householdProvince: null,
    });
    const r = await t.must('marriage.register', application(foreigner, woman()), clerk);
    expect(r.partyOrigin).toBe('foreign');
  });

  it('is written to the audit log with the record', async () => {
    const r = await t.must('marriage.register', application(man(), woman()), clerk);
    const row = t.app.db
      .prepare("SELECT username, after FROM audit_log WHERE entity = 'marriageRegistration' AND entity_id = ?")
      .get(String(r.id)) as { username: string; after: string };
    expect(row.username).toBe('clerk');
    expect(JSON.parse(row.after).certificateNumber).toBe('J500118-2026-000001');
  });

  it('only on the day itself', async () => {
    const r = await t.call('marriage.register', application(man(), woman(), '2026-05-19'), clerk);
    expect(r.ok ? 'ok' : r.error.field).toBe('registrationDate');
  });

  it('needs the registry division code in the settings', async () => {
    const fresh = openTestApp({ clock: manualClock(new Date(`${TODAY}T10:00:00+08:00`)) });
    try {
      const admin = await setupAdmin(fresh);
      const c = await userWithRoles(fresh, admin, 'clerk2', ['marriageClerk']);
      const r = await fresh.call('marriage.register', application(man(), woman()), c);
      expect(r.ok ? 'ok' : r.error.message).toContain('行政区划代码');
    } finally {
      fresh.close();
    }
  });
});

describe('refusal reasons at acceptance (受理)', () => {
  it('a man under 22 and a woman under 20 on the registration date — and exactly of age on the birthday', async () => {
    const young = await reasonsFor(
      application(
        man({ birthDate: '2004-05-21', documentNumber: residentIdOf('2004-05-21', 'male') }),
        woman({ birthDate: '2006-05-21', documentNumber: residentIdOf('2006-05-21', 'female') }),
      ),
    );
    expect(young.map((r) => [r.code, r.party])).toEqual([
      ['UNDER_AGE', 0],
      ['UNDER_AGE', 1],
    ]);
    expect(young[0]!.message).toContain('未达法定婚龄 22 周岁');
    const birthday = await reasonsFor(
      application(
        man({ birthDate: '2004-05-20', documentNumber: residentIdOf('2004-05-20', 'male') }),
        woman({ birthDate: '2006-05-20', documentNumber: residentIdOf('2006-05-20', 'female') }),
      ),
    );
    expect(birthday).toEqual([]);
  });

  it('a wrong check digit, and birth date or sex that disagree with the ID number', async () => {
    const id = residentIdOf('1998-03-02', 'male');
    const wrongCheck = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    const bad = await reasonsFor(
      application(
        man({ documentNumber: wrongCheck }),
        woman({ birthDate: '2000-07-16', documentNumber: residentIdOf('2000-07-15', 'female') }),
      ),
    );
    expect(bad.map((r) => r.code)).toEqual(['INVALID_DOCUMENT', 'DOCUMENT_MISMATCH']);
    expect(bad[0]!.message).toContain('校验');
    const sex = await reasonsFor(application(man({ documentNumber: residentIdOf('1998-03-02', 'female') }), woman()));
    expect(sex.map((r) => r.code)).toEqual(['DOCUMENT_MISMATCH']);
    expect(sex[0]!.message).toContain('性别');
  });

  it('two parties of the same sex', async () => {
    const r = await reasonsFor(
      application(man(), man({ name: '刘洋', documentNumber: residentIdOf('1997-01-01', 'male'), birthDate: '1997-01-01' })),
    );
    expect(r.map((x) => x.code)).toEqual(['NOT_MAN_AND_WOMAN']);
  });

  it('either party currently married in the register (bigamy)', async () => {
    const first = await t.must('marriage.register', application(man(), woman()), clerk);
    const r = await reasonsFor(
      application(man(), woman({ name: '陈静', documentNumber: residentIdOf('1999-09-09', 'female'), birthDate: '1999-09-09' })),
    );
    expect(r.map((x) => [x.code, x.party])).toEqual([['HAS_SPOUSE', 0]]);
    expect(r[0]!.message).toContain(first.certificateNumber);
    const refused = await t.call(
      'marriage.register',
      application(man(), woman({ name: '陈静', documentNumber: residentIdOf('1999-09-09', 'female'), birthDate: '1999-09-09' })),
      clerk,
    );
    expect(refused.ok ? 'ok' : refused.error.code).toBe('RULE_VIOLATION');
  });

  it('declared never married but the register knows an earlier marriage; declared divorced without evidence', async () => {
    await t.must('marriage.register', application(man(), woman()), clerk);
    // Dissolve it directly (the divorce flow comes with its own tests).
    t.app.db.prepare("UPDATE marriage_registrations SET status = 'dissolved', dissolved_at = '2026-05-20T00:00:00Z'").run();
    const other = woman({ name: '陈静', documentNumber: residentIdOf('1999-09-09', 'female'), birthDate: '1999-09-09' });
    const lied = await reasonsFor(application(man(), other));
    expect(lied.map((x) => x.code)).toEqual(['STATUS_CONTRADICTED']);
    const noEvidence = await reasonsFor(application(man({ priorStatus: '40' }), other));
    expect(noEvidence.map((x) => x.code)).toEqual(['EVIDENCE_REQUIRED']);
    expect(noEvidence[0]!.message).toContain('离婚证');
    const widowed = await reasonsFor(application(man({ priorStatus: '30' }), other));
    expect(widowed[0]!.message).toContain('死亡证明');
    expect(await reasonsFor(application(man({ priorStatus: '40', priorEvidence: '离婚证 L500118-2026-000001' }), other))).toEqual(
      [],
    );
  });

  it('a party on the credit blacklist, only while listed', async () => {
    await t.must(
      'marriage.blacklist.add',
      {
        documentType: 'residentId',
        documentNumber: residentIdOf('2000-07-15', 'female'),
        name: '李娜',
        reason: '使用伪造证件骗取婚姻登记',
        sourceDocument: '永民婚〔2025〕3号',
        listedFrom: '2025-01-01',
        listedUntil: '2026-05-19',
      },
      supervisor,
    );
    expect(await reasonsFor(application(man(), woman()))).toEqual([]); // listing ended yesterday
    await t.must(
      'marriage.blacklist.add',
      {
        documentType: 'residentId',
        documentNumber: residentIdOf('2000-07-15', 'female'),
        name: '李娜',
        reason: '使用伪造证件骗取婚姻登记',
        sourceDocument: '永民婚〔2026〕9号',
        listedFrom: '2026-05-01',
        listedUntil: null,
      },
      supervisor,
    );
    const r = await reasonsFor(application(man(), woman()));
    expect(r.map((x) => [x.code, x.party])).toEqual([['CREDIT_BLACKLIST', 1]]);
    expect(r[0]!.message).toContain('永民婚〔2026〕9号');
    // A clerk cannot edit the list.
    const denied = await t.call('marriage.blacklist.list', {}, clerk);
    expect(denied.ok ? 'ok' : denied.error.code).toBe('FORBIDDEN');
  });

  it('declarations not all confirmed', async () => {
    const r = await reasonsFor(
      application(
        man({ declarations: { voluntary: true, noSpouse: true, noProhibitedKinship: false, illnessDisclosed: false } }),
        woman(),
      ),
    );
    expect(r.map((x) => x.code)).toEqual(['DECLARATION_MISSING']);
    expect(r[0]!.message).toContain('三代以内旁系血亲');
    expect(r[0]!.message).toContain('重大疾病');
  });

  it('all reasons at once, and a refusal kept on record with exactly those reasons', async () => {
    const app = application(
      man({
        birthDate: '2005-01-01',
        documentNumber: residentIdOf('2005-01-01', 'male'),
        declarations: { voluntary: false, noSpouse: true, noProhibitedKinship: true, illnessDisclosed: true },
      }),
      woman(),
    );
    const reasons = await reasonsFor(app);
    expect(reasons.map((r) => r.code)).toEqual(['UNDER_AGE', 'DECLARATION_MISSING']);
    const refusal = await t.must('marriage.refuse', app, clerk);
    expect(refusal.reasons).toEqual(reasons);
    expect(refusal.names).toEqual(['张伟', '李娜']);
    const cannot = await t.call('marriage.refuse', application(man(), woman()), clerk);
    expect(cannot.ok ? 'ok' : cannot.error.message).toContain('未发现不予办理的理由');
  });
});

describe('search', () => {
  it('finds by certificate number, ID number (full-width too) or name, with ID numbers masked in the list', async () => {
    const r = await t.must('marriage.register', application(man(), woman()), clerk);
    const byNumber = await t.must('marriage.search', { query: 'j500118-2026-000001' }, clerk);
    expect(byNumber.map((x) => x.id)).toEqual([r.id]);
    const id = residentIdOf('2000-07-15', 'female');
    const byId = await t.must('marriage.search', { query: id.toLowerCase() }, clerk);
    expect(byId.map((x) => x.id)).toEqual([r.id]);
    expect(byId[0]!.parties[1].documentNumber).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect((await t.must('marriage.search', { query: '张' }, clerk)).map((x) => x.id)).toEqual([r.id]);
    expect((await t.must('marriage.search', { query: '李娜' }, clerk)).map((x) => x.id)).toEqual([r.id]);
    expect(await t.must('marriage.search', { query: '王' }, clerk)).toEqual([]);
    // The record page shows the full number.
    expect((await t.must('marriage.get', { id: r.id }, clerk)).parties[1].documentNumber).toBe(id);
  });
});
