import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applicationInput, policyV1, policyV2, subsidyWorld, withPolicies, type SubsidyWorld } from './subsidies-fixture';

// Subsidy policies as versioned data on a real database: which version is in force on a date
// (the boundary day belongs to the new version), abolition, who may edit, that a version used by
// an application is never changed, and the shipped 示例政策.

let w: SubsidyWorld;
beforeEach(async () => {
  w = await subsidyWorld('2026-03-02');
});
afterEach(() => w.t.close());

const inForce = (date: string, areaCode = '500118') =>
  w.t.must('funeral.subsidies.policies.inForce', { areaCode, date }, w.reviewer);

describe('the policy in force on a date', () => {
  it('is the latest version that took effect on or before it: the boundary day is the new version’s', async () => {
    const { v1, v2 } = await withPolicies(w);
    expect(await inForce('2024-12-31')).toBeNull();
    expect((await inForce('2025-01-01'))?.id).toBe(v1.id);
    expect((await inForce('2025-12-31'))?.id).toBe(v1.id);
    expect((await inForce('2026-01-01'))?.id).toBe(v2!.id);
    expect((await inForce('2030-06-01'))?.id).toBe(v2!.id);
    const areas = await w.t.must('funeral.subsidies.policies.list', {}, w.reviewer);
    expect(areas).toHaveLength(1);
    expect(areas[0]!.versions.map((v) => [v.effectiveFrom, v.endsOn, v.inForce])).toEqual([
      ['2026-01-01', null, true],
      ['2025-01-01', '2025-12-31', false],
    ]);
  });

  it('decides the amount of an application by its burial date (version boundary day)', async () => {
    await withPolicies(w);
    const before = await w.t.must(
      'funeral.subsidies.assess',
      applicationInput({ burialDate: '2025-12-31', deathDate: '2025-12-20' }),
      w.reviewer,
    );
    const on = await w.t.must(
      'funeral.subsidies.assess',
      applicationInput({ burialDate: '2026-01-01', deathDate: '2025-12-20' }),
      w.reviewer,
    );
    expect(before.policy?.title).toBe('永川区节地生态安葬奖补办法');
    expect(before.amount?.totalFen).toBe(500_000);
    expect(on.policy?.title).toBe('永川区节地生态安葬奖补办法（2026 年修订）');
    expect(on.amount?.totalFen).toBe(600_000);
  });

  it('ends with an abolished version that has no successor, and says so when assessing', async () => {
    await w.t.must('funeral.subsidies.policies.save', policyV1({ effectiveTo: '2025-06-30' }), w.approver);
    expect(await inForce('2025-06-30')).not.toBeNull();
    expect(await inForce('2025-07-01')).toBeNull();
    const a = await w.t.must(
      'funeral.subsidies.assess',
      applicationInput({ burialDate: '2025-07-01', deathDate: '2025-06-25' }),
      w.reviewer,
    );
    expect(a.eligible).toBe(false);
    expect(a.reasons[0]).toMatchObject({ code: 'NO_POLICY', field: 'burialDate' });
    expect(a.reasons[0]!.message).toContain('2025-07-01 时永川区没有现行的奖补政策（各版本生效日期：2025-01-01 至 2025-06-30）');
  });
});

describe('editing policies', () => {
  it('belongs to the district approver and the system administrator; a street reviewer only reads them', async () => {
    const byReviewer = await w.t.call('funeral.subsidies.policies.save', policyV1(), w.reviewer);
    expect(byReviewer.ok ? 'ok' : byReviewer.error.code).toBe('FORBIDDEN');
    expect(await w.t.must('funeral.subsidies.policies.list', {}, w.reviewer)).toEqual([]);
    await w.t.must('funeral.subsidies.policies.save', policyV1(), w.admin);
    expect((await w.t.must('funeral.subsidies.policies.list', {}, w.admin)).length).toBe(1);
    // Maintaining policies gives the administrator nothing of the workflow: no approving, no paying.
    const approve = await w.t.call('funeral.subsidies.batches.list', {}, w.admin);
    expect(approve.ok ? 'ok' : approve.error.code).toBe('FORBIDDEN');
  });

  it('validates the version: one line per form, a split that adds up to something, dates in order', async () => {
    const v = policyV1();
    const twice = await w.t.call('funeral.subsidies.policies.save', { ...v, forms: [v.forms[0]!, v.forms[0]!] }, w.approver);
    expect(twice.ok ? 'ok' : twice.error.message).toContain('同一安葬方式只能列一次');
    const zero = await w.t.call(
      'funeral.subsidies.policies.save',
      { ...v, forms: [{ ...v.forms[0]!, familyFen: 0, cemeteryFen: 0 }] },
      w.approver,
    );
    expect(zero.ok ? 'ok' : zero.error.message).toContain('补贴金额须大于 0');
    const ended = await w.t.call('funeral.subsidies.policies.save', { ...v, effectiveTo: '2024-12-31' }, w.approver);
    expect(ended.ok ? 'ok' : ended.error.message).toContain('废止日期不能早于生效日期');
    await w.t.must('funeral.subsidies.policies.save', v, w.approver);
    const same = await w.t.call('funeral.subsidies.policies.save', v, w.approver);
    expect(same.ok ? 'ok' : same.error).toMatchObject({ code: 'CONFLICT', field: 'effectiveFrom' });
  });

  it('changes a version nobody used yet, audited with before and after', async () => {
    const v1 = await w.t.must('funeral.subsidies.policies.save', policyV1(), w.approver);
    const edited = await w.t.must(
      'funeral.subsidies.policies.save',
      { ...policyV1(), id: v1.id, title: '永川区奖补办法（更正）' },
      w.approver,
    );
    expect(edited).toMatchObject({ id: v1.id, title: '永川区奖补办法（更正）', applied: 0, sample: false });
    const audit = w.t.app.db
      .prepare("SELECT action, before, after FROM audit_log WHERE entity = 'subsidyPolicyVersion' ORDER BY id")
      .all() as { action: string; before: string | null; after: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.parse(audit[1]!.before!).title).toBe('永川区节地生态安葬奖补办法');
    expect(JSON.parse(audit[1]!.after).title).toBe('永川区奖补办法（更正）');
  });

  it('never changes a version an application was assessed under: the change must be a new version', async () => {
    const { v1 } = await withPolicies(w, 1);
    await w.t.must(
      'funeral.subsidies.apply',
      applicationInput({ burialDate: '2025-12-01', deathDate: '2025-11-20' }),
      w.reviewer,
    );
    const edit = await w.t.call('funeral.subsidies.policies.save', { ...policyV1(), id: v1.id, title: '改个名称' }, w.approver);
    expect(edit.ok ? 'ok' : edit.error.code).toBe('CONFLICT');
    expect(edit.ok ? '' : edit.error.message).toContain('已用于 1 件申请，不能修改；请新增一个版本');
    const list = await w.t.must('funeral.subsidies.policies.list', {}, w.reviewer);
    expect(list[0]!.versions[0]).toMatchObject({ title: '永川区节地生态安葬奖补办法', applied: 1 });

    // A new version may not reach back over a burial date already assessed under the old one.
    const retro = await w.t.call('funeral.subsidies.policies.save', policyV2({ effectiveFrom: '2025-12-01' }), w.approver);
    expect(retro.ok ? 'ok' : retro.error).toMatchObject({ code: 'RULE_VIOLATION', field: 'effectiveFrom' });
    expect(retro.ok ? '' : retro.error.message).toContain('新版本的生效日期须晚于 2025-12-01');
    expect(
      await w.t.must('funeral.subsidies.policies.save', policyV2({ effectiveFrom: '2025-12-02' }), w.approver),
    ).toMatchObject({
      inForce: true,
    });
  });
});

describe('the sample policy set', () => {
  it('loads once, marked 示例政策, and is found in force by its own dates', async () => {
    const areas = await w.t.must('funeral.subsidies.policies.loadSample', {}, w.approver);
    expect(areas.map((a) => a.areaName).sort()).toEqual(['福州市', '西安市']);
    const all = areas.flatMap((a) => a.versions);
    expect(all.every((v) => v.sample && v.title.includes('示例政策'))).toBe(true);
    const xian = (await inForce('2025-05-01', '610100'))!;
    expect(xian.forms.map((f) => [f.form, f.familyFen + f.cemeteryFen])).toEqual([
      ['wall', 200_000],
      ['lawn', 200_000],
      ['tree', 300_000],
      ['flowerBed', 300_000],
      ['seaScattering', 500_000],
    ]);
    expect(await inForce('2024-12-31', '350100')).toBeNull();
    expect((await inForce('2025-01-01', '350100'))?.forms.every((f) => f.familyFen === 300_000)).toBe(true);
    await w.t.must('funeral.subsidies.policies.loadSample', {}, w.approver);
    expect((await w.t.must('funeral.subsidies.policies.list', {}, w.reviewer)).flatMap((a) => a.versions)).toHaveLength(2);
  });
});
