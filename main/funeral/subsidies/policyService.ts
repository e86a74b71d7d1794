import type { AppContext } from '../../core/app';
import { userById } from '../../core/auth/data';
import { recordAudit } from '../../core/audit/service';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { localTodayIso } from '../../core/idnumber/dates';
import {
  policyDocumentSchema,
  policyFormSchema,
  type PolicyArea,
  type PolicyRef,
  type PolicyVersionInput,
  type PolicyVersionView,
} from './contract';
import {
  allVersions,
  appliedCounts,
  insertVersion,
  latestBurialDateUnder,
  updateVersion,
  versionAt,
  versionById,
  versionsOfArea,
  type PolicyVersionRow,
} from './data';
import { versionEndsOn, versionInForce, type PolicyRules } from './rules';
import { samplePolicies } from './samplePolicies';

// 奖补政策 as versioned data. Who edits: the district 殡葬审批员 ('funeral.approve') — the bureau
// that pays is the one that sets the rule. The system administrator is not given this right:
// 'funeral.approve' would also let them approve and pay subsidies, and the administrator's job is
// accounts and the machine, not money (separation of duties).
//
// A version is never changed once an application was assessed under it; the change becomes a new
// version with a later effective date. Which version applies to an application: the one in force
// on the burial / scattering date (the day the eco-burial happened is what the policy rewards).

const today = (app: AppContext): string => localTodayIso(app.clock.now());

/** Reads a stored version's JSON back through the same schemas that admitted it. */
export function rulesOf(row: PolicyVersionRow): PolicyRules {
  return {
    areaCode: row.area_code,
    areaName: row.area_name,
    title: row.title,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    residencyRequired: row.residency_required === 1,
    forms: policyFormSchema.array().parse(JSON.parse(row.forms)),
    documents: policyDocumentSchema.array().parse(JSON.parse(row.documents)),
  };
}

export const policyRefOf = (row: PolicyVersionRow): PolicyRef => ({
  id: row.id,
  title: row.title,
  areaCode: row.area_code,
  areaName: row.area_name,
  effectiveFrom: row.effective_from,
  sample: row.sample === 1,
});

const asVersioned = (r: PolicyVersionRow) => ({ ...r, effectiveFrom: r.effective_from, effectiveTo: r.effective_to });

function viewOf(app: AppContext, row: PolicyVersionRow, siblings: PolicyVersionRow[], applied: Map<number, number>, on: string) {
  const rules = rulesOf(row);
  const versioned = siblings.map(asVersioned);
  const inForce = versionInForce(versioned, on)?.id === row.id;
  const view: PolicyVersionView = {
    id: row.id,
    areaCode: row.area_code,
    areaName: row.area_name,
    title: row.title,
    basis: row.basis,
    effectiveFrom: row.effective_from,
    effectiveTo: row.effective_to,
    residencyRequired: rules.residencyRequired,
    forms: [...rules.forms],
    documents: [...rules.documents],
    sample: row.sample === 1,
    endsOn: versionEndsOn(asVersioned(row), versioned),
    inForce,
    applied: applied.get(row.id) ?? 0,
    createdAt: row.created_at,
    createdBy: row.created_by === null ? null : (userById(app.db, row.created_by)?.display_name ?? null),
  };
  return view;
}

export function listPolicies(app: AppContext): PolicyArea[] {
  const rows = allVersions(app.db);
  const applied = appliedCounts(app.db);
  const on = today(app);
  const areas = new Map<string, PolicyVersionRow[]>();
  for (const r of rows) areas.set(r.area_code, [...(areas.get(r.area_code) ?? []), r]);
  return [...areas].map(([areaCode, versions]) => ({
    areaCode,
    // The newest version names the area (a renamed district keeps its code).
    areaName: versions[0]!.area_name,
    versions: versions.map((v) => viewOf(app, v, versions, applied, on)),
  }));
}

export function versionView(app: AppContext, id: number): PolicyVersionView {
  const row = versionById(app.db, id);
  if (!row) throw new ServiceError('NOT_FOUND', '未找到该政策版本');
  return viewOf(app, row, versionsOfArea(app.db, row.area_code), appliedCounts(app.db), today(app));
}

/** The version of an area in force on a date (null when none is). */
export function policyRowInForce(app: AppContext, areaCode: string, date: string): PolicyVersionRow | null {
  const rows = versionsOfArea(app.db, areaCode);
  const v = versionInForce(rows.map(asVersioned), date);
  return v === null ? null : rows.find((r) => r.id === v.id)!;
}

export function policyInForce(app: AppContext, areaCode: string, date: string): PolicyVersionView | null {
  const row = policyRowInForce(app, areaCode, date);
  return row === null ? null : versionView(app, row.id);
}

/**
 * A version may not start on or before a burial date already assessed under the version it would
 * supersede there: that application would then stand under a rule that no longer "applies".
 */
function refuseRetroactive(app: AppContext, input: PolicyVersionInput, ownId: number | null): void {
  const others = versionsOfArea(app.db, input.areaCode).filter((r) => r.id !== ownId);
  const previous = versionInForce(others.map(asVersioned), input.effectiveFrom);
  if (!previous) return;
  const latest = latestBurialDateUnder(app.db, previous.id);
  if (latest !== null && latest >= input.effectiveFrom) {
    throw new ServiceError(
      'RULE_VIOLATION',
      `已有申请按「${previous.title}」（${previous.effective_from} 起）审核，其安葬日期最晚为 ${latest}；新版本的生效日期须晚于 ${latest}`,
      'effectiveFrom',
    );
  }
}

function columnsOf(input: PolicyVersionInput) {
  return {
    area_code: input.areaCode,
    area_name: input.areaName,
    title: input.title,
    basis: input.basis,
    effective_from: input.effectiveFrom,
    effective_to: input.effectiveTo,
    residency_required: input.residencyRequired ? (1 as const) : (0 as const),
    forms: JSON.stringify(input.forms),
    documents: JSON.stringify(input.documents),
  };
}

export function savePolicyVersion(ctx: HandlerContext, input: PolicyVersionInput): PolicyVersionView {
  const { app, actor } = ctx;
  return writeTransaction(app.db, () => {
    const now = app.clock.now().toISOString();
    const clash = versionAt(app.db, input.areaCode, input.effectiveFrom);
    if (clash && clash.id !== input.id) {
      throw new ServiceError(
        'CONFLICT',
        `${input.areaName}已有 ${input.effectiveFrom} 生效的版本「${clash.title}」，请改用其他生效日期或修改该版本`,
        'effectiveFrom',
      );
    }
    refuseRetroactive(app, input, input.id);
    if (input.id === null) {
      const id = insertVersion(app.db, {
        ...columnsOf(input),
        sample: 0,
        created_at: now,
        created_by: actor.userId,
        updated_at: now,
      });
      const view = versionView(app, id);
      recordAudit(app.db, app.clock, actor, { action: 'create', entity: 'subsidyPolicyVersion', entityId: id, after: view });
      return view;
    }
    const before = versionById(app.db, input.id);
    if (!before) throw new ServiceError('NOT_FOUND', '未找到该政策版本', 'id');
    const applied = appliedCounts(app.db).get(before.id) ?? 0;
    if (applied > 0) {
      throw new ServiceError(
        'CONFLICT',
        `「${before.title}」（${before.effective_from} 起）已用于 ${applied} 件申请，不能修改；请新增一个版本，生效日期定在变更之日`,
      );
    }
    if (before.area_code !== input.areaCode) {
      throw new ServiceError('RULE_VIOLATION', '不能修改政策版本的区划；其他区划的政策请新增版本', 'areaCode');
    }
    const beforeView = versionView(app, before.id);
    updateVersion(app.db, before.id, { ...columnsOf(input), updated_at: now });
    const view = versionView(app, before.id);
    recordAudit(app.db, app.clock, actor, {
      action: 'update',
      entity: 'subsidyPolicyVersion',
      entityId: before.id,
      before: beforeView,
      after: view,
    });
    return view;
  });
}

/** Loads the 示例政策 set; a version already there (same area and date) is left as it is. */
export function loadSamplePolicies(ctx: HandlerContext): PolicyArea[] {
  const { app, actor } = ctx;
  writeTransaction(app.db, () => {
    const now = app.clock.now().toISOString();
    for (const p of samplePolicies) {
      if (versionAt(app.db, p.areaCode, p.effectiveFrom)) continue;
      const id = insertVersion(app.db, {
        ...columnsOf({ ...p, id: null }),
        sample: 1,
        created_at: now,
        created_by: actor.userId,
        updated_at: now,
      });
      recordAudit(app.db, app.clock, actor, {
        action: 'create',
        entity: 'subsidyPolicyVersion',
        entityId: id,
        after: { ...p, sample: true },
        detail: `载入示例政策：${p.title}`,
      });
    }
  });
  return listPolicies(app);
}
