import type { z } from 'zod';
import type { AppContext } from '../../core/app';
import { recordAudit } from '../../core/audit/service';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError, notFound } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { localTodayIso } from '../../core/idnumber/dates';
import { getSettings } from '../../core/settings/service';
import { cemeteryServiceAreas } from '../cemeteries/service';
import { burialForms, type BurialForm } from '../shared/forms';
import type {
  EcoFormsVersionView,
  TownshipList,
  TownshipView,
  addEcoFormsInput,
  removeTownshipInput,
  saveTownshipInput,
} from './contract';
import {
  allEcoFormVersions,
  allTownships,
  deleteTownship,
  ecoFormVersionAt,
  ecoFormVersionOn,
  insertEcoFormVersion,
  insertTownship,
  renameTownship,
  townshipByCode,
  userDisplayName,
  type EcoFormsRow,
  type TownshipRow,
} from './data';
import { coverageOf, officePrefix } from './figures';
import { formsText } from './tables';

// The reports' own settings: which burial forms count as 节地生态安葬 (versions with effective dates,
// only ever added and never back-dated, so a closed period's report never changes) and the
// district's township list (edited in place, every change audited with before and after).

const today = (app: AppContext): string => localTodayIso(app.clock.now());

// ---- counted forms

/** Forms in the canonical order, whatever order they were stored in. */
const formsOf = (row: EcoFormsRow): BurialForm[] => {
  const stored = new Set(JSON.parse(row.forms) as string[]);
  return burialForms.filter((f) => stored.has(f));
};

function versionView(row: EcoFormsRow & { created_by_name?: string | null }, inForce: boolean): EcoFormsVersionView {
  return {
    id: row.id,
    effectiveFrom: row.effective_from,
    forms: formsOf(row),
    basis: row.basis,
    isSample: row.is_sample === 1,
    inForce,
    createdBy: row.created_by_name ?? null,
    createdAt: row.created_at,
  };
}

export function listEcoForms(ctx: HandlerContext): EcoFormsVersionView[] {
  const current = ecoFormVersionOn(ctx.app.db, today(ctx.app));
  return allEcoFormVersions(ctx.app.db).map((v) => versionView(v, v.id === current?.id));
}

/** The version in force on a date (the sample one ships from 2000-01-01, so there always is one). */
export function ecoFormsOn(app: AppContext, on: string): EcoFormsVersionView {
  const row = ecoFormVersionOn(app.db, on);
  if (!row) throw new ServiceError('RULE_VIOLATION', `没有 ${on} 施行的节地生态安葬统计口径，请殡葬审批员先新增口径版本`);
  const current = ecoFormVersionOn(app.db, today(app));
  return versionView({ ...row, created_by_name: userDisplayName(app.db, row.created_by) }, row.id === current?.id);
}

export function addEcoForms(ctx: HandlerContext, input: z.output<typeof addEcoFormsInput>): EcoFormsVersionView {
  const { app, actor } = ctx;
  const on = today(app);
  if (input.effectiveFrom < on) {
    throw new ServiceError(
      'RULE_VIOLATION',
      `施行日期不能早于今天（${on}）：已结束期间的报表按当时施行的口径统计，不能追溯改变`,
      'effectiveFrom',
    );
  }
  return writeTransaction(app.db, () => {
    if (ecoFormVersionAt(app.db, input.effectiveFrom))
      throw new ServiceError(
        'CONFLICT',
        `${input.effectiveFrom} 已有一个统计口径版本；版本只能新增，请选择其他施行日期`,
        'effectiveFrom',
      );
    const forms = burialForms.filter((f) => input.forms.includes(f));
    const id = insertEcoFormVersion(app.db, {
      effective_from: input.effectiveFrom,
      forms: JSON.stringify(forms),
      basis: input.basis,
      is_sample: 0,
      created_by: actor.userId,
      created_at: app.clock.now().toISOString(),
    });
    recordAudit(app.db, app.clock, actor, {
      action: 'create',
      entity: 'funeralEcoForms',
      entityId: id,
      after: { effectiveFrom: input.effectiveFrom, forms, basis: input.basis },
      detail: `新增节地生态安葬统计口径（${input.effectiveFrom} 起施行）：${formsText(forms)}`,
    });
    const row = allEcoFormVersions(app.db).find((v) => v.id === id)!;
    return versionView(row, ecoFormVersionOn(app.db, on)?.id === id);
  });
}

// ---- townships

function townshipViews(app: AppContext, rows: readonly TownshipRow[]): { views: TownshipView[]; unlisted: string[] } {
  const coverage = coverageOf(rows, cemeteryServiceAreas(app), getSettings(app.db).divisionCode);
  const views = rows.map((t, i) => ({
    code: t.code,
    name: t.name,
    servedBy: coverage.rows[i]!.cemeteries,
    updatedAt: t.updated_at,
  }));
  return { views, unlisted: coverage.unlisted };
}

export function listTownships(ctx: HandlerContext): TownshipList {
  const { views, unlisted } = townshipViews(ctx.app, allTownships(ctx.app.db));
  return { townships: views, unlisted };
}

export function saveTownship(ctx: HandlerContext, input: z.output<typeof saveTownshipInput>): TownshipView {
  const { app, actor } = ctx;
  const office = getSettings(app.db).divisionCode;
  if (!input.code.startsWith(officePrefix(office))) {
    throw new ServiceError(
      'RULE_VIOLATION',
      `乡镇（街道）代码 ${input.code} 不属于本单位的行政区划 ${office}，不能列入本区乡镇名单`,
      'code',
    );
  }
  return writeTransaction(app.db, () => {
    const before = townshipByCode(app.db, input.code);
    const at = app.clock.now().toISOString();
    if (before) {
      if (before.name === input.name) return townshipViews(app, [before]).views[0]!;
      renameTownship(app.db, input.code, input.name, at);
    } else {
      insertTownship(app.db, { code: input.code, name: input.name, created_at: at, updated_at: at });
    }
    recordAudit(app.db, app.clock, actor, {
      action: before ? 'update' : 'create',
      entity: 'funeralTownship',
      entityId: input.code,
      ...(before && { before: { code: before.code, name: before.name } }),
      after: { code: input.code, name: input.name },
      detail: before
        ? `乡镇（街道）${input.code} 更名：${before.name} → ${input.name}`
        : `新增乡镇（街道）${input.name}（${input.code}）`,
    });
    return townshipViews(app, [townshipByCode(app.db, input.code)!]).views[0]!;
  });
}

export function removeTownship(ctx: HandlerContext, input: z.output<typeof removeTownshipInput>): { code: string } {
  const { app, actor } = ctx;
  return writeTransaction(app.db, () => {
    const before = townshipByCode(app.db, input.code);
    if (!before) throw notFound(`代码为 ${input.code} 的乡镇（街道）`);
    deleteTownship(app.db, input.code);
    recordAudit(app.db, app.clock, actor, {
      action: 'delete',
      entity: 'funeralTownship',
      entityId: input.code,
      before: { code: before.code, name: before.name },
      detail: `从乡镇名单删除 ${before.name}（${before.code}）：${input.reason}`,
    });
    return { code: input.code };
  });
}
