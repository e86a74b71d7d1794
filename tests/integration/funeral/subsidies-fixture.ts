import type { InputOf } from '../../../main/core/contract';
import type { PolicyVersionInput } from '../../../main/funeral/subsidies/contract';
import { userWithRoles, USER_PASSWORD } from '../../helpers/app';
import { residentIdOf } from '../../helpers/marriage';
import { funeralWorld, type FuneralWorld } from './cemeteries-fixture';

// Builders for the subsidy tests: the cemetery world of the burial tests plus the street office's
// reviewers and the district's approvers, a 永川区 (500118) policy with two versions, and
// applications for a deceased resident of village 500118101201.

export interface SubsidyWorld extends FuneralWorld {
  reviewer: string;
  reviewer2: string;
  approver: string;
  approver2: string;
  moveToDay(date: string): Promise<void>;
}

/** `second`: also a second reviewer and approver (password hashing makes each account cost time). */
export async function subsidyWorld(start = '2026-03-02', second = false): Promise<SubsidyWorld> {
  const base = await funeralWorld(start);
  const w = base as SubsidyWorld;
  const users = ['reviewer', 'approver', ...(second ? (['reviewer2', 'approver2'] as const) : [])] as const;
  for (const u of users)
    w[u] = await userWithRoles(w.t, w.admin, u, [u.startsWith('reviewer') ? 'funeralReviewer' : 'funeralApprover']);
  w.moveToDay = async (date) => {
    await base.moveTo(date);
    for (const u of users) w[u] = (await w.t.must('auth.login', { username: u, password: USER_PASSWORD })).token;
  };
  return w;
}

const yuan = (n: number) => n * 100;
const withPlot = ['tree', 'lawn', 'wall'] as const;

/** 永川区 policy, version 1 (from 2025-01-01): every deadline base appears once at 60 days, sea at 5 years. */
export const policyV1 = (over: Partial<PolicyVersionInput> = {}): PolicyVersionInput => ({
  id: null,
  areaCode: '500118',
  areaName: '永川区',
  title: '永川区节地生态安葬奖补办法',
  basis: '永民发〔2024〕12号',
  effectiveFrom: '2025-01-01',
  effectiveTo: null,
  residencyRequired: true,
  forms: [
    { form: 'tree', familyFen: yuan(2000), cemeteryFen: yuan(1000), deadline: { amount: 60, unit: 'days', from: 'burial' } },
    { form: 'lawn', familyFen: yuan(2000), cemeteryFen: 0, deadline: { amount: 60, unit: 'days', from: 'cremation' } },
    { form: 'wall', familyFen: yuan(2000), cemeteryFen: 0, deadline: { amount: 60, unit: 'days', from: 'death' } },
    { form: 'deepBurial', familyFen: yuan(3000), cemeteryFen: 0, deadline: { amount: 60, unit: 'days', from: 'burial' } },
    { form: 'riverScattering', familyFen: yuan(3000), cemeteryFen: 0, deadline: { amount: 60, unit: 'days', from: 'death' } },
    { form: 'seaScattering', familyFen: yuan(5000), cemeteryFen: 0, deadline: { amount: 5, unit: 'years', from: 'cremation' } },
  ],
  documents: [
    { label: '奖补申请表', forms: null },
    { label: '申请人身份证', forms: null },
    { label: '死亡证明', forms: null },
    { label: '火化证明', forms: null },
    { label: '安葬证明', forms: [...withPlot] },
    { label: '骨灰撒散证明', forms: ['seaScattering', 'riverScattering'] },
    { label: '户籍注销证明', forms: null },
  ],
  ...over,
});

/** Version 2 (from 2026-01-01): sea burial raised to ¥6,000. */
export const policyV2 = (over: Partial<PolicyVersionInput> = {}): PolicyVersionInput => {
  const v1 = policyV1();
  return {
    ...v1,
    title: '永川区节地生态安葬奖补办法（2026 年修订）',
    basis: '永民发〔2025〕30号',
    effectiveFrom: '2026-01-01',
    forms: v1.forms.map((f) => (f.form === 'seaScattering' ? { ...f, familyFen: yuan(6000) } : f)),
    ...over,
  };
};

export const allDocuments = ['奖补申请表', '申请人身份证', '死亡证明', '火化证明', '安葬证明', '骨灰撒散证明', '户籍注销证明'];

export type ApplicationInput = InputOf<'funeral.subsidies.apply'>;

export interface DeceasedOptions {
  name?: string;
  birth?: string;
  serial?: string;
  household?: string;
  deathDate: string;
  cremationDate?: string | null;
}

/** A scattering (no plot) or a linked burial; every paper handed in unless `documents` says otherwise. */
export function applicationInput(
  o: DeceasedOptions & { form?: ApplicationInput['form']; burialDate: string; burialId?: number | null } & Partial<
      Omit<ApplicationInput, 'deceased'>
    >,
): ApplicationInput {
  const { name, birth, serial, household, deathDate, cremationDate, form, burialDate, burialId, ...rest } = o;
  return {
    areaCode: '500118',
    form: form ?? 'seaScattering',
    burialId: burialId ?? null,
    burialDate,
    deceased: {
      name: name ?? '王德明',
      idNumber: residentIdOf(birth ?? '1940-05-06', 'male', serial),
      household: household ?? '500118101201',
      deathDate,
      cremationDate: cremationDate === undefined ? deathDate : cremationDate,
    },
    applicant: { name: '王建国', idNumber: residentIdOf('1968-09-12', 'male', '057'), relation: '子女', phone: '13800138000' },
    bank: { accountName: '王建国', bankName: '重庆农村商业银行永川支行', accountNumber: '6217 0012 3456 7890 123' },
    documents: allDocuments,
    ...rest,
  };
}

/** Loads version 1 (and 2) of the 永川区 policy as the approver. */
export async function withPolicies(w: SubsidyWorld, versions: 1 | 2 = 2) {
  const v1 = await w.t.must('funeral.subsidies.policies.save', policyV1(), w.approver);
  const v2 = versions === 2 ? await w.t.must('funeral.subsidies.policies.save', policyV2(), w.approver) : null;
  return { v1, v2 };
}

/** Takes an application through street review and district approval. */
export async function approved(w: SubsidyWorld, input: ApplicationInput) {
  const a = await w.t.must('funeral.subsidies.apply', input, w.reviewer);
  await w.t.must('funeral.subsidies.review', { id: a.id, decision: 'pass', reason: null }, w.reviewer);
  return w.t.must('funeral.subsidies.approve', { id: a.id, decision: 'approve', reason: null }, w.approver);
}
