import type { z } from 'zod';
import type { AppContext } from '../../core/app';
import { recordAudit } from '../../core/audit/service';
import { addDays } from '../../core/calendar/civilDate';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError, notFound } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { localTodayIso } from '../../core/idnumber/dates';
import type { FuneralHomeView, StandardVersionInput, StandardVersionView, funeralHomeSchema } from './contract';
import type { StandardVersion } from './compute';
import {
  allHomes,
  allVersions,
  appliedCount,
  appliedCounts,
  categoriesOf,
  categoryItemsOf,
  clearVersionContent,
  homeById,
  homeByName,
  insertHome,
  insertVersion,
  insertVersionContent,
  itemsOf,
  updateHome,
  updateVersion,
  versionByDate,
  versionById,
  versionInForce,
  type HomeRow,
  type VersionRow,
} from './data';

// The standards (服务项目标准价, 减免对象类别, 每具封顶) as versions with effective dates, and the
// list of funeral homes. The district approver keeps both; reviewers read them.
//
// Which version applies to a waiver: the one in force on the DATE OF DEATH. Entitlement arises
// with the death, the date is on the death certificate and never moves, and the services follow
// within days — so a cap raised "from 1 July" covers the deaths from 1 July, whatever day the
// paperwork reaches the office.

const today = (app: AppContext) => localTodayIso(app.clock.now());

export function loadVersion(app: AppContext, row: VersionRow): StandardVersion {
  const links = categoryItemsOf(app.db, row.id);
  return {
    id: row.id,
    effectiveFrom: row.effective_from,
    title: row.title,
    sample: row.is_sample === 1,
    items: itemsOf(app.db, row.id).map((i) => ({
      code: i.code,
      name: i.name,
      unit: i.unit,
      standardPriceFen: i.standard_price_fen,
      waivableQuantity: i.waivable_quantity,
    })),
    categories: categoriesOf(app.db, row.id).map((c) => ({
      code: c.code,
      name: c.name,
      capFen: c.cap_fen,
      localOnly: c.local_only === 1,
      evidenceLabel: c.evidence_label,
      // In the standard's item order, whatever order the links were stored in.
      itemCodes: itemsOf(app.db, row.id)
        .map((i) => i.code)
        .filter((code) => links.some((l) => l.category_code === c.code && l.item_code === code)),
    })),
  };
}

/** The standard in force on a date (the date of death), or null before the first version. */
export function standardOn(app: AppContext, date: string): StandardVersion | null {
  const row = versionInForce(app.db, date);
  return row ? loadVersion(app, row) : null;
}

export function standardById(app: AppContext, id: number): StandardVersion {
  const row = versionById(app.db, id);
  if (!row) throw notFound('该减免标准版本');
  return loadVersion(app, row);
}

export function listStandards(app: AppContext): StandardVersionView[] {
  const rows = allVersions(app.db);
  const counts = new Map(appliedCounts(app.db).map((c) => [c.version_id, c.n]));
  const inForce = versionInForce(app.db, today(app))?.id ?? null;
  return rows
    .map((row, i) => {
      const v = loadVersion(app, row);
      const next = rows[i + 1];
      return {
        id: row.id,
        effectiveFrom: row.effective_from,
        effectiveTo: next ? addDays(next.effective_from, -1) : null,
        title: row.title,
        basis: row.basis,
        sample: row.is_sample === 1,
        items: v.items,
        categories: v.categories,
        appliedCount: counts.get(row.id) ?? 0,
        inForceToday: row.id === inForce,
        createdAt: row.created_at,
      };
    })
    .reverse();
}

export function saveStandard(ctx: HandlerContext, input: StandardVersionInput): StandardVersionView {
  const { app, actor } = ctx;
  const now = app.clock.now().toISOString();
  const id = writeTransaction(app.db, () => {
    const sameDate = versionByDate(app.db, input.effectiveFrom);
    if (sameDate && sameDate.id !== input.id)
      throw new ServiceError(
        'CONFLICT',
        `已有 ${input.effectiveFrom} 起施行的版本（${sameDate.title}）；同一生效日期只能有一个版本`,
        'effectiveFrom',
      );
    let before: StandardVersion | null = null;
    let versionId: number;
    if (input.id !== null) {
      const row = versionById(app.db, input.id);
      if (!row) throw notFound('要替换的减免标准版本');
      const used = appliedCount(app.db, row.id);
      if (used > 0)
        throw new ServiceError(
          'CONFLICT',
          `${row.effective_from} 起的版本已被 ${used} 条减免记录采用，不能修改；请新增一个版本（新的生效日期）`,
        );
      before = loadVersion(app, row);
      clearVersionContent(app.db, row.id);
      updateVersion(app.db, row.id, {
        effective_from: input.effectiveFrom,
        title: input.title,
        basis: input.basis,
        updated_at: now,
      });
      versionId = row.id;
    } else {
      versionId = insertVersion(app.db, {
        effective_from: input.effectiveFrom,
        title: input.title,
        basis: input.basis,
        is_sample: 0,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      });
    }
    insertVersionContent(
      app.db,
      input.items.map((it, sort) => ({
        version_id: versionId,
        code: it.code,
        name: it.name,
        unit: it.unit,
        standard_price_fen: it.standardPriceFen,
        waivable_quantity: it.waivableQuantity,
        sort,
      })),
      input.categories.map((c, sort) => ({
        version_id: versionId,
        code: c.code,
        name: c.name,
        cap_fen: c.capFen,
        local_only: c.localOnly ? 1 : 0,
        evidence_label: c.evidenceLabel,
        sort,
      })),
      input.categories.flatMap((c) =>
        c.itemCodes.map((item_code) => ({ version_id: versionId, category_code: c.code, item_code })),
      ),
    );
    const after = loadVersion(app, versionById(app.db, versionId)!);
    recordAudit(app.db, app.clock, actor, {
      action: before ? 'update' : 'create',
      entity: 'funeralWaiverStandard',
      entityId: versionId,
      before,
      after,
      detail: `${before ? '替换' : '新增'}惠民殡葬减免标准：${input.effectiveFrom} 起施行（${input.title}）`,
    });
    return versionId;
  });
  return listStandards(app).find((v) => v.id === id)!;
}

// ---- funeral homes ------------------------------------------------------------------------------

const homeView = (h: HomeRow, waivers: number): FuneralHomeView => ({
  id: h.id,
  name: h.name,
  divisionCode: h.division_code,
  contact: h.contact,
  phone: h.phone,
  active: h.active === 1,
  waiverCount: waivers,
});

export const listHomes = (app: AppContext): FuneralHomeView[] => allHomes(app.db).map((h) => homeView(h, h.waivers));

export function requireHome(app: AppContext, id: number): FuneralHomeView {
  const h = homeById(app.db, id);
  if (!h) throw notFound('该殡仪馆');
  return listHomes(app).find((x) => x.id === h.id)!;
}

export function saveHome(ctx: HandlerContext, input: z.output<typeof funeralHomeSchema>): FuneralHomeView {
  const { app, actor } = ctx;
  const now = app.clock.now().toISOString();
  const id = writeTransaction(app.db, () => {
    const clash = homeByName(app.db, input.name);
    if (clash && clash.id !== input.id) throw new ServiceError('CONFLICT', `已有名为“${input.name}”的殡仪馆`, 'name');
    const fields = {
      name: input.name,
      division_code: input.divisionCode,
      contact: input.contact || null,
      phone: input.phone || null,
      active: input.active ? 1 : 0,
      updated_at: now,
    };
    if (input.id === null) {
      const newId = insertHome(app.db, { ...fields, created_at: now });
      recordAudit(app.db, app.clock, actor, {
        action: 'create',
        entity: 'funeralHome',
        entityId: newId,
        after: fields,
        detail: `新增殡仪馆：${input.name}`,
      });
      return newId;
    }
    const before = homeById(app.db, input.id);
    if (!before) throw notFound('该殡仪馆');
    updateHome(app.db, input.id, fields);
    recordAudit(app.db, app.clock, actor, {
      action: 'update',
      entity: 'funeralHome',
      entityId: input.id,
      before,
      after: fields,
      detail: `修改殡仪馆：${input.name}${before.active === 1 && !input.active ? '（停用）' : ''}`,
    });
    return input.id;
  });
  return requireHome(app, id);
}
