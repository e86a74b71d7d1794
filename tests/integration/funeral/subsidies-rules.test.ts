import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../main/core/calendar/civilDate';
import type { PlotType } from '../../../main/funeral/shared/forms';
import { burialInput, createCemetery, generateInput, plotByLabel, type BurialInput } from './cemeteries-fixture';
import {
  allDocuments,
  applicationInput,
  policyV2,
  subsidyWorld,
  withPolicies,
  type ApplicationInput,
  type SubsidyWorld,
} from './subsidies-fixture';

// The subsidy rules against a real database, each through the service: eligibility per form and
// the link to the burial record, the deadline counted from each base date (day 60 in time, day 61
// late; five years for sea burial), residency, the order of dates, missing papers, and one
// subsidy per deceased across all cemeteries.

const TODAY = '2026-03-02';
let w: SubsidyWorld;
let cemeteryId: number;
const sections: Partial<Record<PlotType, string>> = { tree: 'T', lawn: 'L', wall: 'W', single: 'A' };

beforeEach(async () => {
  used.clear();
  w = await subsidyWorld(TODAY);
  await withPolicies(w, 1);
  cemeteryId = (await createCemetery(w)).id;
  for (const [plotType, sectionCode] of Object.entries(sections))
    await w.t.must(
      'funeral.plots.generate',
      generateInput(cemeteryId, { sectionCode, plotType: plotType as PlotType, rowTo: 1, numberTo: 4 }),
      w.manager,
    );
});
afterEach(() => w.t.close());

const used = new Map<string, number>();
/** Registers a burial on the next free plot of a type; `edit` adjusts the input (dates, ID). */
async function bury(
  type: PlotType,
  o: { serial: string; burialDate: string; deathDate: string; name?: string },
  edit: (b: BurialInput) => void = () => {},
  cemetery = cemeteryId,
) {
  const form = type === 'single' ? 'traditional' : (type as BurialInput['form']);
  const k = `${cemetery}:${type}`;
  used.set(k, (used.get(k) ?? 0) + 1);
  const plot = await plotByLabel(w, cemetery, `${sections[type]}区1排${used.get(k)}号`);
  const input = burialInput(plot.id, { ...o, form });
  edit(input);
  return { ...(await w.t.must('funeral.burials.register', input, w.manager)), serial: o.serial };
}

/** The application matching a burial record exactly. */
function linked(b: Awaited<ReturnType<typeof bury>>, over: Partial<ApplicationInput> = {}): ApplicationInput {
  return applicationInput({
    form: b.form,
    burialId: b.id,
    burialDate: b.burialDate,
    name: b.deceased.name,
    serial: b.serial,
    deathDate: b.deceased.deathDate,
    cremationDate: b.deceased.cremationDate,
    ...over,
  });
}

const assess = (input: ApplicationInput) => w.t.must('funeral.subsidies.assess', input, w.reviewer);
const codes = async (input: ApplicationInput) => (await assess(input)).reasons.map((r) => r.code);

describe('eligibility per form', () => {
  it('a tree burial: eligible, ¥3,000 split between family and cemetery, burial papers required', async () => {
    const b = await bury('tree', { serial: '011', burialDate: '2026-02-20', deathDate: '2026-02-15' });
    const input = linked(b);
    const a = await assess(input);
    expect(a.reasons).toEqual([]);
    expect(a.eligible).toBe(true);
    expect(a.amount).toEqual({ totalFen: 300_000, familyFen: 200_000, cemeteryFen: 100_000 });
    expect(a.deadline).toMatchObject({
      base: 'burial',
      baseDate: '2026-02-20',
      lastDay: '2026-04-21',
      rule: '自安葬（撒散）之日起 60 日内',
    });
    expect(a.requiredDocuments).toContain('安葬证明');
    expect(a.requiredDocuments).not.toContain('骨灰撒散证明');
    const saved = await w.t.must('funeral.subsidies.apply', input, w.reviewer);
    expect(saved.burial).toMatchObject({ id: b.id, cemeteryName: '永川区松柏公益性公墓', plotLabel: b.plotLabel });
    expect(saved.amount.totalFen).toBe(300_000);
  });

  it('a traditional grave is not an eco-burial form of the policy: refused with the forms that are', async () => {
    const b = await bury('single', { serial: '021', burialDate: '2026-02-20', deathDate: '2026-02-15' });
    const a = await assess(linked(b, {}));
    const reason = a.reasons.find((r) => r.code === 'FORM_NOT_ELIGIBLE')!;
    expect(reason.message).toBe(
      '「墓穴安葬」不在「永川区节地生态安葬奖补办法」的奖补范围内（可奖补的安葬方式：树葬、草坪葬、壁葬、深埋不留坟头、江葬、海葬）',
    );
    expect(a.amount).toBeNull();
    const apply = await w.t.call('funeral.subsidies.apply', linked(b), w.reviewer);
    expect(apply.ok ? 'ok' : apply.error).toMatchObject({ code: 'RULE_VIOLATION', field: 'form' });
  });

  it('a plot form needs its burial record, and what the application says must agree with it', async () => {
    expect(await codes(applicationInput({ form: 'tree', burialDate: '2026-02-20', deathDate: '2026-02-15' }))).toEqual([
      'BURIAL_REQUIRED',
    ]);
    const b = await bury('tree', { serial: '031', burialDate: '2026-02-20', deathDate: '2026-02-15' });
    const a = await assess(linked(b, { burialDate: '2026-02-21', form: 'lawn' }));
    expect(a.reasons.filter((r) => r.code === 'BURIAL_MISMATCH').map((r) => r.message)).toEqual([
      '安葬方式与安葬记录不符：安葬记录为 树葬，申请填写 草坪葬',
      '安葬日期与安葬记录不符：安葬记录为 2026-02-20，申请填写 2026-02-21',
    ]);
    const missing = await w.t.call('funeral.subsidies.assess', linked(b, { burialId: 9999 }), w.reviewer);
    expect(missing.ok ? 'ok' : missing.error).toMatchObject({ code: 'NOT_FOUND', field: 'burialId' });
  });

  it('sea and river scattering and deep burial stand without a burial record', async () => {
    for (const [form, fen, serial] of [
      ['seaScattering', 500_000, '041'],
      ['riverScattering', 300_000, '043'],
      ['deepBurial', 300_000, '045'],
    ] as const) {
      const a = await assess(applicationInput({ form, serial, burialDate: '2026-02-20', deathDate: '2026-02-15' }));
      expect(a.reasons, form).toEqual([]);
      expect(a.amount?.totalFen, form).toBe(fen);
    }
    const sea = await assess(applicationInput({ burialDate: '2026-02-20', deathDate: '2026-02-15' }));
    expect(sea.requiredDocuments).toEqual(['奖补申请表', '申请人身份证', '死亡证明', '火化证明', '骨灰撒散证明', '户籍注销证明']);
  });
});

describe('the deadline, counted from each base date', () => {
  const day60 = addDays(TODAY, -60);

  async function inTimeThenLate(input: ApplicationInput, base: string) {
    const ok = await assess(input);
    expect(ok.reasons, base).toEqual([]);
    expect(ok.deadline, base).toMatchObject({ lastDay: TODAY, overdueDays: 0 });
    await w.moveToDay(addDays(TODAY, 1));
    const late = await assess(input);
    expect(
      late.reasons.map((r) => r.code),
      base,
    ).toEqual(['DEADLINE_PASSED']);
    expect(late.reasons[0]!.message, base).toContain('已超过申请期限 1 天');
    expect(late.reasons[0]!.message, base).toContain(`最迟 ${TODAY} 申请，今天是 ${addDays(TODAY, 1)}`);
    const apply = await w.t.call('funeral.subsidies.apply', input, w.reviewer);
    expect(apply.ok ? 'ok' : apply.error.message, base).toContain('不能受理：已超过申请期限 1 天');
  }

  it('from the burial date (tree): day 60 in time, day 61 late', async () => {
    const b = await bury('tree', { serial: '051', burialDate: day60, deathDate: addDays(day60, -5) });
    const input = linked(b);
    await inTimeThenLate(input, 'burial');
  });

  it('from the cremation date (lawn)', async () => {
    const b = await bury('lawn', { serial: '053', burialDate: addDays(day60, 30), deathDate: addDays(day60, -2) }, (i) => {
      i.deceased.cremationDate = day60;
    });
    const input = linked(b);
    await inTimeThenLate(input, 'cremation');
  });

  it('from the death date (wall)', async () => {
    const b = await bury('wall', { serial: '055', burialDate: addDays(day60, 20), deathDate: day60 }, (i) => {
      i.deceased.cremationDate = addDays(day60, 3);
    });
    const input = linked(b);
    await inTimeThenLate(input, 'death');
  });

  it('without a plot too: deep burial from the burial date, river scattering from the death date', async () => {
    await inTimeThenLate(
      applicationInput({ form: 'deepBurial', serial: '057', burialDate: day60, deathDate: addDays(day60, -3) }),
      'deepBurial',
    );
    await w.moveToDay(TODAY);
    await inTimeThenLate(
      applicationInput({ form: 'riverScattering', serial: '059', burialDate: addDays(day60, 40), deathDate: day60 }),
      'riverScattering',
    );
  });

  it('sea burial: five years from cremation — the anniversary is the last day', async () => {
    await inTimeThenLate(
      applicationInput({ serial: '061', deathDate: '2021-02-26', cremationDate: '2021-03-02', burialDate: '2025-10-15' }),
      'sea',
    );
  });

  it('needs the base date it counts from', async () => {
    const a = await assess(
      applicationInput({ serial: '063', deathDate: '2026-02-01', cremationDate: null, burialDate: '2026-02-20' }),
    );
    expect(a.reasons).toEqual([
      {
        code: 'BASE_DATE_MISSING',
        message: '申请期限自火化之日起 5 年内计算，须填写火化日期',
        field: 'deceased.cremationDate',
      },
    ]);
  });
});

describe('residency and dates', () => {
  it('a deceased whose household is outside the county is refused when the policy requires local 户籍', async () => {
    const outside = applicationInput({
      serial: '071',
      household: '500101001001',
      burialDate: '2026-02-20',
      deathDate: '2026-02-15',
    });
    const a = await assess(outside);
    expect(a.reasons).toEqual([
      {
        code: 'NOT_RESIDENT',
        message: '逝者户籍地（500101001001）不在永川区（区划代码 500118）范围内，本政策仅限本地户籍',
        field: 'deceased.household',
      },
    ]);
    await w.t.must(
      'funeral.subsidies.policies.save',
      policyV2({ residencyRequired: false, effectiveFrom: '2026-02-01' }),
      w.approver,
    );
    expect((await assess(outside)).eligible).toBe(true);
  });

  it('dates must follow each other: death, cremation, burial, today', async () => {
    const a = await assess(
      applicationInput({ serial: '073', deathDate: '2026-02-15', cremationDate: '2026-02-14', burialDate: '2026-03-05' }),
    );
    expect(a.reasons.map((r) => [r.code, r.field, r.message])).toEqual([
      ['DATE_ORDER', 'deceased.cremationDate', '火化日期 2026-02-14 早于死亡日期 2026-02-15'],
      ['DATE_ORDER', 'burialDate', '安葬（撒散）日期 2026-03-05 晚于今天（2026-03-02），须安葬后申请'],
    ]);
  });
});

describe('missing documents', () => {
  it('are listed; the application waits as 待补材料 and cannot pass street review until they are in', async () => {
    const input = applicationInput({
      serial: '081',
      burialDate: '2026-02-20',
      deathDate: '2026-02-15',
      documents: ['奖补申请表', '申请人身份证', '死亡证明', '火化证明'],
    });
    const a = await assess(input);
    expect(a.eligible).toBe(true);
    expect(a.missingDocuments).toEqual(['骨灰撒散证明', '户籍注销证明']);
    const saved = await w.t.must('funeral.subsidies.apply', input, w.reviewer);
    expect(saved.status).toBe('pendingDocuments');
    expect(saved.documents.missing).toEqual(['骨灰撒散证明', '户籍注销证明']);
    const pass = await w.t.call('funeral.subsidies.review', { id: saved.id, decision: 'pass', reason: null }, w.reviewer);
    expect(pass.ok ? 'ok' : pass.error.message).toBe('材料不全，不能通过初审：缺少骨灰撒散证明、户籍注销证明');

    const half = await w.t.must(
      'funeral.subsidies.updateDocuments',
      { id: saved.id, documents: [...input.documents, '骨灰撒散证明'] },
      w.reviewer,
    );
    expect(half).toMatchObject({ status: 'pendingDocuments', documents: { missing: ['户籍注销证明'] } });
    const full = await w.t.must('funeral.subsidies.updateDocuments', { id: saved.id, documents: allDocuments }, w.reviewer);
    expect(full).toMatchObject({ status: 'pendingReview', documents: { missing: [] } });
    expect(full.history.map((h) => h.note)).toEqual([
      '受理，缺少材料：骨灰撒散证明、户籍注销证明',
      '补交：骨灰撒散证明；仍缺：户籍注销证明',
      '补交：户籍注销证明；材料齐全',
    ]);
    expect(
      (await w.t.must('funeral.subsidies.review', { id: saved.id, decision: 'pass', reason: null }, w.reviewer)).status,
    ).toBe('pendingApproval');
  });
});

describe('one subsidy per deceased', () => {
  it('is refused across cemeteries, naming the existing application; a rejected one frees the deceased again', async () => {
    const b1 = await bury('tree', { serial: '091', name: '李秀英', burialDate: '2026-02-20', deathDate: '2026-02-15' });
    const first = await w.t.must('funeral.subsidies.apply', linked(b1), w.reviewer);
    const idNumber = first.deceased.idNumber;

    // The same person also recorded in another cemetery, without an ID number on the burial.
    const other = (await createCemetery(w, { name: '永川区青峰公益性公墓', divisionCode: '500118102' })).id;
    await w.t.must(
      'funeral.plots.generate',
      generateInput(other, { sectionCode: 'T', plotType: 'tree', rowTo: 1, numberTo: 2 }),
      w.manager,
    );
    const b2 = await bury(
      'tree',
      { serial: '092', name: '李秀英', burialDate: '2026-02-22', deathDate: '2026-02-15' },
      (i) => {
        i.deceased.idNumber = null;
      },
      other,
    );
    const second = linked(b2, { deceased: { ...linked(b2).deceased, idNumber } });
    const a = await assess(second);
    expect(a.duplicateOf).toEqual({ id: first.id, number: first.number, status: 'pendingReview' });
    const dup = a.reasons.find((r) => r.code === 'DUPLICATE')!;
    expect(dup.message).toContain(`已有奖补申请 ${first.number}（待街道初审，${TODAY} 受理，永川区松柏公益性公墓）`);
    expect(dup.message).toContain('每位逝者只能享受一次奖补');
    const refused = await w.t.call('funeral.subsidies.apply', second, w.reviewer);
    expect(refused.ok ? 'ok' : refused.error).toMatchObject({ code: 'CONFLICT', field: 'deceased.idNumber' });
    const asSea = await w.t.call('funeral.subsidies.apply', { ...second, form: 'seaScattering', burialId: null }, w.reviewer);
    expect(asSea.ok ? 'ok' : asSea.error.message).toContain(first.number);

    await w.t.must(
      'funeral.subsidies.review',
      { id: first.id, decision: 'reject', reason: '经核实已在青峰公墓安葬' },
      w.reviewer,
    );
    const again = await w.t.must('funeral.subsidies.apply', second, w.reviewer);
    expect(again.burial?.cemeteryName).toBe('永川区青峰公益性公墓');
  });
});
