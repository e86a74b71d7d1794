import { daysBetween, fromDayNumber, toDayNumber } from '../../core/calendar/civilDate';
import { burialFormLabels, type BurialForm } from '../shared/forms';
import {
  deadlineBaseLabels,
  deadlineRule,
  type Amount,
  type AssessmentReason,
  type DeadlineView,
  type PolicyDocument,
  type PolicyForm,
} from './contract';

// The subsidy rules as pure functions of the policy version and the facts of one death: which
// version is in force, whether the form, the household and the date qualify, how much and what
// papers. The service feeds them stored data; tests can hold every boundary against them.

/** A policy version as the rules need it. */
export interface PolicyRules {
  areaCode: string;
  areaName: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  residencyRequired: boolean;
  forms: readonly PolicyForm[];
  documents: readonly PolicyDocument[];
}

/**
 * The version in force on `date`: the latest effective_from ≤ date — unless that version was
 * abolished (effective_to) before the date without a successor, in which case nothing is.
 */
export function versionInForce<V extends { effectiveFrom: string; effectiveTo: string | null }>(
  versions: readonly V[],
  date: string,
): V | null {
  let best: V | null = null;
  for (const v of versions) if (v.effectiveFrom <= date && (best === null || v.effectiveFrom > best.effectiveFrom)) best = v;
  if (best === null || (best.effectiveTo !== null && date > best.effectiveTo)) return null;
  return best;
}

/** Last day of a version: the earlier of its own 废止日期 and the day before the next version. */
export function versionEndsOn<V extends { effectiveFrom: string; effectiveTo: string | null }>(
  v: V,
  versions: readonly V[],
): string | null {
  const next = versions
    .filter((o) => o.effectiveFrom > v.effectiveFrom)
    .map((o) => o.effectiveFrom)
    .sort()[0];
  const beforeNext = next === undefined ? null : fromDayNumber(toDayNumber(next) - 1);
  if (v.effectiveTo === null) return beforeNext;
  if (beforeNext === null) return v.effectiveTo;
  return v.effectiveTo < beforeNext ? v.effectiveTo : beforeNext;
}

/**
 * The part of the household code that marks "local": a 6-digit code with trailing 00 pairs
 * dropped, so a city-wide policy (610100 西安市) covers every county of the city (6101xx…) and a
 * county policy (610104 莲湖区) only its own households.
 */
export function areaPrefix(areaCode: string): string {
  let p = areaCode;
  while (p.length > 2 && p.endsWith('00')) p = p.slice(0, -2);
  return p;
}

export const isResident = (household: string, areaCode: string): boolean => household.startsWith(areaPrefix(areaCode));

/** The same day `years` later; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The last day to apply. "自火化之日起 60 日内" counts from the day after (民法典第二百零一条), so
 * the base date + 60 days is the last day: day 60 is in time, day 61 is late.
 */
export function lastDayToApply(baseDate: string, deadline: PolicyForm['deadline']): string {
  return deadline.unit === 'days' ? fromDayNumber(toDayNumber(baseDate) + deadline.amount) : addYears(baseDate, deadline.amount);
}

export const amountOf = (f: PolicyForm): Amount => ({
  totalFen: f.familyFen + f.cemeteryFen,
  familyFen: f.familyFen,
  cemeteryFen: f.cemeteryFen,
});

/** Papers the policy asks for this form, in the policy's order. */
export const requiredDocuments = (policy: Pick<PolicyRules, 'documents'>, form: BurialForm): string[] =>
  policy.documents.filter((d) => d.forms === null || d.forms.includes(form)).map((d) => d.label);

export const missingDocuments = (required: readonly string[], submitted: readonly string[]): string[] =>
  required.filter((r) => !submitted.includes(r));

export interface DeathFacts {
  form: BurialForm;
  /** 安葬 / 撒散 date: decides which policy version applies. */
  burialDate: string;
  deathDate: string;
  cremationDate: string | null;
  birthDate: string;
  household: string;
  /** The day the application is received: deadlines are judged on it. */
  receiptDate: string;
}

export interface RulesOutcome {
  reasons: AssessmentReason[];
  amount: Amount | null;
  deadline: DeadlineView | null;
  requiredDocuments: string[];
}

/** Dates must follow life's order; each slip is named with its field. */
export function dateOrderReasons(f: DeathFacts): AssessmentReason[] {
  const out: AssessmentReason[] = [];
  const bad = (message: string, field: string) => out.push({ code: 'DATE_ORDER', message, field });
  if (f.deathDate < f.birthDate) bad(`死亡日期 ${f.deathDate} 早于身份证号码中的出生日期 ${f.birthDate}`, 'deceased.deathDate');
  if (f.cremationDate !== null && f.cremationDate < f.deathDate)
    bad(`火化日期 ${f.cremationDate} 早于死亡日期 ${f.deathDate}`, 'deceased.cremationDate');
  if (f.burialDate < (f.cremationDate ?? f.deathDate))
    bad(
      `安葬（撒散）日期 ${f.burialDate} 早于${f.cremationDate !== null ? `火化日期 ${f.cremationDate}` : `死亡日期 ${f.deathDate}`}`,
      'burialDate',
    );
  if (f.burialDate > f.receiptDate)
    bad(`安葬（撒散）日期 ${f.burialDate} 晚于今天（${f.receiptDate}），须安葬后申请`, 'burialDate');
  return out;
}

/**
 * Judges one death against a policy version (already chosen by the burial date). Every reason is
 * returned, not only the first, so the clerk can tell the family everything at once.
 */
export function judge(policy: PolicyRules | null, f: DeathFacts): RulesOutcome {
  const reasons = dateOrderReasons(f);
  if (policy === null) return { reasons, amount: null, deadline: null, requiredDocuments: [] };
  const rule = policy.forms.find((x) => x.form === f.form);
  if (!rule) {
    const offered = policy.forms.map((x) => burialFormLabels[x.form]).join('、');
    reasons.push({
      code: 'FORM_NOT_ELIGIBLE',
      message: `「${burialFormLabels[f.form]}」不在「${policy.title}」的奖补范围内（可奖补的安葬方式：${offered}）`,
      field: 'form',
    });
  }
  if (policy.residencyRequired && !isResident(f.household, policy.areaCode)) {
    reasons.push({
      code: 'NOT_RESIDENT',
      message: `逝者户籍地（${f.household}）不在${policy.areaName}（区划代码 ${policy.areaCode}）范围内，本政策仅限本地户籍`,
      field: 'deceased.household',
    });
  }
  let deadline: DeadlineView | null = null;
  if (rule) {
    const baseDate = { death: f.deathDate, cremation: f.cremationDate, burial: f.burialDate }[rule.deadline.from];
    if (baseDate === null) {
      reasons.push({
        code: 'BASE_DATE_MISSING',
        message: `申请期限${deadlineRule(rule.deadline)}计算，须填写${deadlineBaseLabels[rule.deadline.from]}日期`,
        field: 'deceased.cremationDate',
      });
    } else {
      const lastDay = lastDayToApply(baseDate, rule.deadline);
      const overdueDays = daysBetween(lastDay, f.receiptDate);
      deadline = { base: rule.deadline.from, rule: deadlineRule(rule.deadline), baseDate, lastDay, overdueDays };
      if (overdueDays > 0) {
        reasons.push({
          code: 'DEADLINE_PASSED',
          message: `已超过申请期限 ${overdueDays} 天：${deadlineRule(rule.deadline)}（${deadlineBaseLabels[rule.deadline.from]}日期 ${baseDate}），最迟 ${lastDay} 申请，今天是 ${f.receiptDate}`,
        });
      }
    }
  }
  return {
    reasons,
    amount: rule ? amountOf(rule) : null,
    deadline,
    requiredDocuments: requiredDocuments(policy, f.form),
  };
}
