import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../core/app';
import { recordAudit } from '../../core/audit/service';
import { daysBetween } from '../../core/calendar/civilDate';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError, notFound } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { localTodayIso } from '../../core/idnumber/dates';
import { maskResidentId, normalizeResidentId, parseResidentId } from '../../core/idnumber/residentId';
import { normalizeDocumentNumber } from '../../core/idnumber/normalize';
import { allocateNumber } from '../../core/numbering/service';
import { plotLabel as formatPlotLabel, parsePlotLabel } from '../cemeteries/contract';
import {
  cemeteryOptions,
  extendPlotUse,
  keepPlace,
  keepsSpousePlace,
  placeUrn,
  plotForBurial,
  releaseKeptPlace,
  sweepExpiredPlots,
  type PlotForBurial,
} from '../cemeteries/service';
import { burialFormLabels, plotTypeLabels, type BurialForm } from '../shared/forms';
import {
  formsForPlotType,
  isResidentOf,
  relationLabels,
  reservationStatusLabels,
  residencyLabels,
  type BurialListItem,
  type BurialView,
  type DeceasedInput,
  type ExpiryWorklist,
  type RegisterBurialInput,
  type Relation,
  type Residency,
  type ReservationView,
  type UsePeriodView,
  type addUsePeriodInput,
  type keepSpousePlaceInput,
  type renewInput,
} from './contract';
import {
  allUsePeriods,
  burialById,
  burialCountsBetween,
  burialOfDeceasedId,
  burialsByIds,
  burialsOfPlot,
  closeReservation,
  expiringBurials,
  findBurialIds,
  insertBurial,
  insertNameGrams,
  insertRenewal,
  insertReservation,
  insertUsePeriod,
  keptReservationFor,
  keptReservationOfPlot,
  printsOf,
  renewalsOf,
  reservationById,
  reservationForBurial,
  reservationsOfPlot,
  setCertificateNumber,
  updateBurial,
  usePeriodAt,
  usePeriodOn,
  userName,
  type BurialRow,
  type BurialSearch,
  type ReservationRow,
  type UsePeriodRow,
} from './data';
import { addMonths, addYears } from './dates';
import type { z } from 'zod';

// 安葬登记 in public welfare cemeteries (殡葬管理条例; 公墓管理暂行办法; 民事发〔1998〕10号):
//  - proof of death is required: no plot is ever taken or kept for a living person (寿穴), except
//    the second place of a double plot for the surviving spouse of the person interred in it;
//  - public cemeteries serve residents of the divisions they list; an exception needs a reason,
//    which is stored on the record and audited;
//  - the use period in force on the burial date applies; expiry = burial date + period; a renewal
//    continues from the old expiry.
// Plots change only through ../cemeteries/service (status history, capacity, expiry).

const today = (app: AppContext): string => localTodayIso(app.clock.now());
export const BURIAL_CERTIFICATE_PREFIX = 'GMAZ';

// ---- the interface the subsidies area depends on (funeral.md)

export interface BurialFacts {
  id: number;
  cemeteryId: number;
  cemeteryName: string;
  plotLabel: string | null;
  deceasedName: string;
  deceasedIdNumber: string | null;
  deceasedHousehold: string;
  deathDate: string;
  cremationDate: string | null;
  burialDate: string;
  form: BurialForm;
}

export function burialFacts(app: AppContext, burialId: number): BurialFacts | null {
  const b = burialById(app.db, burialId);
  if (!b) return null;
  return {
    id: b.id,
    cemeteryId: b.cemetery_id,
    cemeteryName: cemeteryNames(app).get(b.cemetery_id) ?? '',
    plotLabel: b.plot_label,
    deceasedName: b.deceased_name,
    deceasedIdNumber: b.deceased_id_number,
    deceasedHousehold: b.household_division,
    deathDate: b.death_date,
    cremationDate: b.cremation_date,
    burialDate: b.burial_date,
    form: b.form,
  };
}

/**
 * Burials per month ('YYYY-MM'), cemetery and form with a burial date in [from, to] (inclusive),
 * for the funeral indicators (a module never reads another area's tables).
 */
export function burialCounts(
  app: AppContext,
  from: string,
  to: string,
): { month: string; cemeteryId: number; form: BurialForm; count: number }[] {
  if (from > to) throw new ServiceError('INVALID_INPUT', `统计期间有误：${from} 晚于 ${to}`);
  return burialCountsBetween(app.db, from, to).map((r) => ({
    month: r.month,
    cemeteryId: r.cemetery_id,
    form: r.form,
    count: r.n,
  }));
}

// ---- views

function cemeteryNames(app: AppContext): Map<number, string> {
  return new Map(cemeteryOptions(app).map((c) => [c.id, c.name]));
}

const relation = (r: Relation | null) => (r === null ? null : relationLabels[r]);

function reservationView(app: AppContext, r: ReservationRow, masked: boolean, plotLabel?: string): ReservationView {
  const of = burialById(app.db, r.spouse_of_burial_id)!;
  return {
    id: r.id,
    plotId: r.plot_id,
    plotLabel: plotLabel ?? of.plot_label,
    spouseOfBurialId: r.spouse_of_burial_id,
    spouseOfName: of.deceased_name,
    name: r.spouse_name,
    idNumber: masked ? maskResidentId(r.spouse_id_number) : r.spouse_id_number,
    status: r.status,
    statusLabel: reservationStatusLabels[r.status],
    note: r.note,
    usedByBurialId: r.used_by_burial_id,
    releaseReason: r.release_reason,
    createdAt: r.created_at,
  };
}

function burialView(app: AppContext, b: BurialRow): BurialView {
  const kept = reservationForBurial(app.db, b.id);
  return {
    id: b.id,
    certificateNumber: b.certificate_number,
    cemeteryId: b.cemetery_id,
    cemeteryName: cemeteryNames(app).get(b.cemetery_id) ?? '',
    plotId: b.plot_id,
    plotLabel: b.plot_label,
    deceased: {
      name: b.deceased_name,
      idNumber: b.deceased_id_number,
      sex: b.deceased_sex,
      birthDate: b.deceased_birth_date,
      deathDate: b.death_date,
      householdDivision: b.household_division,
      deathCertificateNo: b.death_certificate_no,
      cremationCertificateNo: b.cremation_certificate_no,
      cremationDate: b.cremation_date,
    },
    holder: {
      name: b.holder_name,
      idNumber: b.holder_id_number,
      relation: b.holder_relation,
      relationLabel: relation(b.holder_relation),
      phone: b.holder_phone,
      address: b.holder_address,
    },
    applicant:
      b.applicant_name === null
        ? null
        : {
            name: b.applicant_name,
            idNumber: b.applicant_id_number,
            relation: b.applicant_relation,
            relationLabel: relation(b.applicant_relation),
            phone: b.applicant_phone,
          },
    burialDate: b.burial_date,
    form: b.form,
    formLabel: burialFormLabels[b.form],
    useYears: b.use_years,
    expiresOn: b.expires_on,
    expired: b.expires_on < today(app),
    feeFen: b.fee_fen,
    residency: b.residency,
    residencyLabel: residencyLabels[b.residency],
    residencyOverrideReason: b.residency_override_reason,
    keptPlace: kept ? reservationView(app, kept, false, b.plot_label) : null,
    takesReservationId: b.takes_reservation_id,
    renewals: renewalsOf(app.db, b.id).map((r) => ({
      id: r.id,
      years: r.years,
      fromExpiry: r.from_expiry,
      toExpiry: r.to_expiry,
      feeFen: r.fee_fen,
      renewedOn: r.renewed_on,
      payerName: r.payer_name,
      note: r.note,
      clerk: r.clerk_name,
    })),
    prints: printsOf(app.db, 'burialCertificate', b.id).length,
    note: b.note,
    clerk: userName(app.db, b.clerk_id),
    createdAt: b.created_at,
  };
}

function listItem(b: BurialRow, names: Map<number, string>, on: string): BurialListItem {
  return {
    id: b.id,
    certificateNumber: b.certificate_number,
    cemeteryName: names.get(b.cemetery_id) ?? '',
    plotId: b.plot_id,
    plotLabel: b.plot_label,
    deceasedName: b.deceased_name,
    deceasedIdNumber: b.deceased_id_number === null ? null : maskResidentId(b.deceased_id_number),
    holderName: b.holder_name,
    holderIdNumber: maskResidentId(b.holder_id_number),
    holderPhone: b.holder_phone,
    burialDate: b.burial_date,
    expiresOn: b.expires_on,
    expired: b.expires_on < on,
  };
}

function requireBurial(app: AppContext, id: number): BurialRow {
  const b = burialById(app.db, id);
  if (!b) throw notFound('该安葬记录');
  return b;
}

export function getBurial(app: AppContext, id: number): BurialView {
  return burialView(app, requireBurial(app, id));
}

// ---- use periods (versioned)

function usePeriodView(p: UsePeriodRow & { created_by_name?: string | null }, inForce: boolean): UsePeriodView {
  return {
    id: p.id,
    years: p.years,
    effectiveFrom: p.effective_from,
    basis: p.basis,
    isSample: p.is_sample === 1,
    inForce,
    createdBy: p.created_by_name ?? null,
    createdAt: p.created_at,
  };
}

export function listUsePeriods(app: AppContext): UsePeriodView[] {
  const current = usePeriodOn(app.db, today(app));
  return allUsePeriods(app.db).map((p) => usePeriodView(p, p.id === current?.id));
}

function usePeriodFor(app: AppContext, on: string): UsePeriodRow {
  const p = usePeriodOn(app.db, on);
  if (!p) throw new ServiceError('RULE_VIOLATION', `没有 ${on} 施行的墓位使用期限，请系统管理员先在“墓位面积与使用期限”中录入`);
  return p;
}

/** A new version applies to burials from its date on; versions in force are never changed. */
export function addUsePeriod(ctx: HandlerContext, input: z.output<typeof addUsePeriodInput>): UsePeriodView {
  const { app, actor } = ctx;
  const on = today(app);
  if (input.effectiveFrom < on) {
    throw new ServiceError(
      'RULE_VIOLATION',
      `施行日期不能早于今天（${on}）：已登记的安葬按安葬日施行的使用期限计算，不能追溯改变`,
      'effectiveFrom',
    );
  }
  return writeTransaction(app.db, () => {
    if (usePeriodAt(app.db, input.effectiveFrom))
      throw new ServiceError(
        'CONFLICT',
        `${input.effectiveFrom} 已有一个使用期限版本；版本只能新增，请选择其他施行日期`,
        'effectiveFrom',
      );
    const id = insertUsePeriod(app.db, {
      years: input.years,
      effective_from: input.effectiveFrom,
      basis: input.basis,
      is_sample: 0,
      created_by: actor.userId,
      created_at: app.clock.now().toISOString(),
    });
    const v = usePeriodView(
      allUsePeriods(app.db).find((p) => p.id === id)!,
      usePeriodOn(app.db, on)?.id === id,
    );
    recordAudit(app.db, app.clock, actor, {
      action: 'create',
      entity: 'funeralUsePeriod',
      entityId: id,
      after: v,
      detail: `墓位使用期限自 ${input.effectiveFrom} 起为 ${input.years} 年`,
    });
    return v;
  });
}

// ---- registration

function refuse(message: string, field?: string): never {
  throw new ServiceError('RULE_VIOLATION', message, field);
}

/** Dates and identity of the deceased: the proof that the burial is of a person who has died. */
function checkDeceased(d: DeceasedInput, burialDate: string, on: string): { birthDate: string | null } {
  if (burialDate > on) refuse(`安葬日期不能晚于今天（${on}）：不得为在世人员预先登记安葬`, 'burialDate');
  if (d.deathDate > on) refuse(`死亡日期不能晚于今天（${on}）`, 'deceased.deathDate');
  if (d.deathDate > burialDate) refuse('安葬日期不能早于死亡日期', 'burialDate');
  if (d.cremationDate !== null && (d.cremationDate < d.deathDate || d.cremationDate > burialDate))
    refuse('火化日期应在死亡日期与安葬日期之间', 'deceased.cremationDate');
  let birthDate = d.birthDate;
  if (d.idNumber !== null) {
    const parsed = parseResidentId(d.idNumber, on);
    if (parsed.ok) {
      if (birthDate !== null && birthDate !== parsed.value.birthDate)
        refuse(`出生日期与身份证号码不符（号码中为 ${parsed.value.birthDate}）`, 'deceased.birthDate');
      if (parsed.value.sex !== d.sex) refuse('性别与身份证号码不符', 'deceased.sex');
      birthDate = parsed.value.birthDate;
    }
  }
  if (birthDate !== null && birthDate > d.deathDate) refuse('出生日期不能晚于死亡日期', 'deceased.birthDate');
  return { birthDate };
}

function residencyFor(plot: PlotForBurial, household: string, overrideReason: string | null): Residency {
  if (plot.cemeteryKind === 'commercial') return 'notRequired';
  if (isResidentOf(household, plot.servedDivisions)) return 'resident';
  if (overrideReason !== null && overrideReason.trim().length >= 2) return 'override';
  refuse(
    `${plot.cemeteryName}为公益性公墓，只为服务范围内的居民提供安葬：逝者户籍所在地 ${household} 不在服务范围（${plot.servedDivisions.join('、')}）内。` +
      '确需破例安葬的，请在“破例安葬原因”中写明批准依据',
    'residencyOverrideReason',
  );
}

function checkPlotTakesBurial(plot: PlotForBurial, form: BurialForm): void {
  if (plot.status === 'blocked') refuse(`${plot.label}已停用，不能安葬`);
  if (plot.status === 'expired')
    refuse(`${plot.label}使用期限已于 ${plot.useExpiresOn} 届满，须先由使用权人办理续期后方可再安葬`);
  if (!formsForPlotType[plot.type].includes(form)) {
    refuse(
      `${plotTypeLabels[plot.type]}墓位的安葬方式应为“${formsForPlotType[plot.type].map((f) => burialFormLabels[f]).join('、')}”，不能登记为“${burialFormLabels[form]}”`,
      'form',
    );
  }
}

export function registerBurial(ctx: HandlerContext, input: RegisterBurialInput): BurialView {
  const { app, actor } = ctx;
  const on = today(app);
  const d = input.deceased;
  const { birthDate } = checkDeceased(d, input.burialDate, on);
  if (d.idNumber !== null && input.holder.idNumber === d.idNumber)
    refuse('使用权人应为逝者的在世亲属或受托人，不能是逝者本人', 'holder.idNumber');
  sweepExpiredPlots(app);
  const id = writeTransaction(app.db, () => {
    const plot = plotForBurial(app, input.plotId);
    checkPlotTakesBurial(plot, input.form);
    const residency = residencyFor(plot, d.householdDivision, input.residencyOverrideReason);

    if (d.idNumber !== null) {
      const earlier = burialOfDeceasedId(app.db, d.idNumber);
      if (earlier)
        throw new ServiceError(
          'CONFLICT',
          `${d.name}（${maskResidentId(d.idNumber)}）已于 ${earlier.burial_date} 安葬在 ${earlier.plot_label}（安葬证 ${earlier.certificate_number}）`,
        );
    }
    const kept = keptReservationOfPlot(app.db, plot.id);
    const takesKept = kept !== undefined && d.idNumber !== null && kept.spouse_id_number === d.idNumber;
    if (kept && !takesKept && plot.remainingPlaces < 1) {
      refuse(
        `${plot.label}的另一穴位为 ${kept.spouse_name}（已故 ${burialById(app.db, kept.spouse_of_burial_id)?.deceased_name ?? ''} 的配偶）保留，只能安葬其本人`,
      );
    }
    if (!takesKept && d.idNumber !== null) {
      const elsewhere = keptReservationFor(app.db, d.idNumber);
      if (elsewhere) {
        const of = burialById(app.db, elsewhere.spouse_of_burial_id)!;
        refuse(
          `${d.name}在 ${of.plot_label}有为其保留的穴位（与已故配偶 ${of.deceased_name} 合葬），请安葬在该穴位，或先解除该保留`,
        );
      }
    }
    if (input.keepPlaceForSpouse) checkSpousePlace(app, plot, input.keepPlaceForSpouse.idNumber, d.idNumber, takesKept ? 1 : 0);

    const period = usePeriodFor(app, input.burialDate);
    const expiresOn = addYears(input.burialDate, period.years);
    const now = app.clock.now().toISOString();
    const burialId = insertBurial(app.db, {
      cemetery_id: plot.cemeteryId,
      plot_id: plot.id,
      plot_label: plot.label,
      certificate_number: `待编号-${randomUUID()}`, // replaced below, in the same transaction
      deceased_name: d.name,
      deceased_id_number: d.idNumber,
      deceased_sex: d.sex,
      deceased_birth_date: birthDate,
      death_date: d.deathDate,
      household_division: d.householdDivision,
      death_certificate_no: d.deathCertificateNo,
      cremation_certificate_no: d.cremationCertificateNo,
      cremation_date: d.cremationDate,
      holder_name: input.holder.name,
      holder_id_number: input.holder.idNumber,
      holder_relation: input.holder.relation,
      holder_phone: input.holder.phone,
      holder_address: input.holder.address || null,
      applicant_name: input.applicant?.name ?? null,
      applicant_id_number: input.applicant?.idNumber ?? null,
      applicant_relation: input.applicant?.relation ?? null,
      applicant_phone: input.applicant?.phone ?? null,
      burial_date: input.burialDate,
      form: input.form,
      use_period_id: period.id,
      use_years: period.years,
      expires_on: expiresOn,
      fee_fen: input.feeFen,
      residency,
      residency_override_reason: residency === 'override' ? input.residencyOverrideReason!.trim() : null,
      takes_reservation_id: takesKept ? kept.id : null,
      note: input.note || null,
      clerk_id: actor.userId,
      created_at: now,
      updated_at: now,
    });
    const certificate = allocateNumber(
      app.db,
      app.clock,
      actor,
      { series: `${BURIAL_CERTIFICATE_PREFIX}-${on.slice(0, 4)}`, width: 6 },
      { entity: 'funeralBurial', entityId: burialId },
    );
    setCertificateNumber(app.db, burialId, certificate);
    insertNameGrams(app.db, burialId, d.name);

    placeUrn(app, actor, plot.id, {
      burialId,
      holderName: input.holder.name,
      expiresOn,
      takesKeptPlace: takesKept,
      reason: takesKept
        ? `安葬 ${d.name}（安葬证 ${certificate}），使用为其保留的穴位`
        : `安葬 ${d.name}（安葬证 ${certificate}）`,
    });
    if (takesKept) closeReservation(app.db, kept.id, { status: 'used', used_by_burial_id: burialId, closed_at: now });

    recordAudit(app.db, app.clock, actor, {
      action: 'create',
      entity: 'funeralBurial',
      entityId: burialId,
      after: { ...input, certificateNumber: certificate, plotLabel: plot.label, useYears: period.years, expiresOn, residency },
      detail: `${plot.cemeteryName} ${plot.label} 安葬 ${d.name}，安葬证 ${certificate}，使用期限 ${period.years} 年至 ${expiresOn}`,
    });
    if (residency === 'override') {
      recordAudit(app.db, app.clock, actor, {
        action: 'residencyOverride',
        entity: 'funeralBurial',
        entityId: burialId,
        after: { householdDivision: d.householdDivision, servedDivisions: plot.servedDivisions },
        detail: `非服务范围户籍（${d.householdDivision}）破例安葬于公益性公墓 ${plot.cemeteryName}，原因：${input.residencyOverrideReason!.trim()}`,
      });
    }
    if (input.keepPlaceForSpouse) {
      const s = input.keepPlaceForSpouse;
      keepSpousePlaceFor(app, ctx, plot, burialId, d.name, { name: s.name, idNumber: s.idNumber, note: s.note });
    }
    return burialId;
  });
  return getBurial(app, id);
}

// ---- places kept for a surviving spouse

const noGraveForTheLiving = '公墓不得为在世人员预留或出售墓位（寿穴）。只有双穴中已安葬逝者的在世配偶，可以保留该双穴的另一穴位';

function checkSpousePlace(
  app: AppContext,
  plot: PlotForBurial,
  spouseIdNumber: string,
  deceasedIdNumber: string | null,
  freedByThisBurial: number,
): void {
  if (!keepsSpousePlace(plot.type)) refuse(`${noGraveForTheLiving}；${plot.label}为${plot.typeLabel}`);
  if (spouseIdNumber === deceasedIdNumber) refuse('保留对象不能是逝者本人', 'keepPlaceForSpouse.idNumber');
  const buried = burialOfDeceasedId(app.db, spouseIdNumber);
  if (buried) refuse(`${buried.deceased_name}已有安葬记录（${buried.plot_label}），不能再为其保留穴位`);
  if (keptReservationFor(app.db, spouseIdNumber)) refuse('已为此人在其他墓位保留了穴位');
  if (plot.remainingPlaces + freedByThisBurial - 1 < 1)
    refuse(`${plot.label}可安放骨灰 ${plot.urnCapacity} 份，安葬后已无空余穴位可保留`);
}

function keepSpousePlaceFor(
  app: AppContext,
  ctx: HandlerContext,
  plot: PlotForBurial,
  burialId: number,
  deceasedName: string,
  spouse: { name: string; idNumber: string; note: string | null },
): number {
  const now = app.clock.now().toISOString();
  const id = insertReservation(app.db, {
    plot_id: plot.id,
    spouse_of_burial_id: burialId,
    spouse_name: spouse.name,
    spouse_id_number: spouse.idNumber,
    note: spouse.note || null,
    status: 'kept',
    used_by_burial_id: null,
    release_reason: null,
    created_by: ctx.actor.userId,
    created_at: now,
    closed_at: null,
  });
  keepPlace(app, ctx.actor, plot.id, {
    burialId,
    reason: `为已故 ${deceasedName} 的在世配偶 ${spouse.name} 保留双穴另一穴位`,
  });
  recordAudit(app.db, app.clock, ctx.actor, {
    action: 'create',
    entity: 'funeralSpouseReservation',
    entityId: id,
    after: { plotId: plot.id, plotLabel: plot.label, spouseOfBurialId: burialId, spouseName: spouse.name },
    detail: `${plot.label} 为已故 ${deceasedName} 的在世配偶 ${spouse.name} 保留另一穴位`,
  });
  return id;
}

/**
 * Keeps the second place of a double plot for the surviving spouse of the person interred in it.
 * Anything else — an empty plot, another relative, a plot of another type — is a grave for the
 * living (寿穴) and is refused.
 */
export function keepSpousePlace(ctx: HandlerContext, input: z.output<typeof keepSpousePlaceInput>): ReservationView {
  const { app } = ctx;
  sweepExpiredPlots(app);
  const id = writeTransaction(app.db, () => {
    const plot = plotForBurial(app, input.plotId);
    if (input.spouseOfBurialId === null || plot.urns === 0) refuse(`${noGraveForTheLiving}；${plot.label}内尚无安葬的逝者`);
    const interred = burialById(app.db, input.spouseOfBurialId);
    if (!interred || interred.plot_id !== plot.id) refuse(`${noGraveForTheLiving}；所选逝者未安葬在 ${plot.label}`);
    if (input.relation !== 'spouse')
      refuse(
        `${noGraveForTheLiving}；${input.name}是已故 ${interred.deceased_name} 的${relationLabels[input.relation]}，不是配偶`,
      );
    if (plot.status === 'expired') refuse(`${plot.label}使用期限已届满，请先办理续期`);
    if (plot.status === 'blocked') refuse(`${plot.label}已停用`);
    if (keptReservationOfPlot(app.db, plot.id)) throw new ServiceError('CONFLICT', `${plot.label}已有为配偶保留的穴位`);
    checkSpousePlace(app, plot, input.idNumber, interred.deceased_id_number, 1);
    return keepSpousePlaceFor(app, ctx, plot, interred.id, interred.deceased_name, input);
  });
  return reservationView(app, reservationById(app.db, id)!, false);
}

export function releaseSpousePlace(ctx: HandlerContext, reservationId: number, reason: string): ReservationView {
  const { app, actor } = ctx;
  writeTransaction(app.db, () => {
    const r = reservationById(app.db, reservationId);
    if (!r) throw notFound('该保留记录');
    if (r.status !== 'kept') refuse(`该保留记录已${reservationStatusLabels[r.status]}`);
    closeReservation(app.db, r.id, { status: 'released', release_reason: reason, closed_at: app.clock.now().toISOString() });
    releaseKeptPlace(app, actor, r.plot_id, {
      burialId: r.spouse_of_burial_id,
      reason: `解除为 ${r.spouse_name} 保留的穴位：${reason}`,
    });
    recordAudit(app.db, app.clock, actor, {
      action: 'status',
      entity: 'funeralSpouseReservation',
      entityId: r.id,
      before: { status: 'kept' },
      after: { status: 'released' },
      detail: `解除为 ${r.spouse_name} 保留的穴位：${reason}`,
    });
  });
  return reservationView(app, reservationById(app.db, reservationId)!, false);
}

// ---- renewal and expiry

/** Continues the use period from its old end (a late renewal leaves no gap), up to one period ahead of today. */
export function renewBurial(ctx: HandlerContext, input: z.output<typeof renewInput>): BurialView {
  const { app, actor } = ctx;
  const on = today(app);
  sweepExpiredPlots(app);
  writeTransaction(app.db, () => {
    const b = requireBurial(app, input.id);
    const period = usePeriodFor(app, on);
    if (input.years > period.years) refuse(`每次续期不超过现行使用期限 ${period.years} 年`, 'years');
    const to = addYears(b.expires_on, input.years);
    const ceiling = addYears(on, period.years);
    if (to > ceiling)
      refuse(
        `续期后到期日 ${to} 超过自今日起 ${period.years} 年（${ceiling}）；原到期日为 ${b.expires_on}，请减少续期年数`,
        'years',
      );
    const now = app.clock.now().toISOString();
    insertRenewal(app.db, {
      burial_id: b.id,
      years: input.years,
      from_expiry: b.expires_on,
      to_expiry: to,
      fee_fen: input.feeFen,
      renewed_on: on,
      payer_name: input.payerName,
      note: input.note || null,
      clerk_id: actor.userId,
      created_at: now,
    });
    updateBurial(app.db, b.id, { expires_on: to, updated_at: now });
    extendPlotUse(app, actor, b.plot_id, {
      burialId: b.id,
      expiresOn: to,
      reason: `${b.deceased_name} 续期 ${input.years} 年至 ${to}`,
    });
    recordAudit(app.db, app.clock, actor, {
      action: 'update',
      entity: 'funeralBurial',
      entityId: b.id,
      before: { expiresOn: b.expires_on },
      after: { expiresOn: to, years: input.years, feeFen: input.feeFen, payerName: input.payerName },
      detail: `续期 ${input.years} 年：${b.expires_on} → ${to}${b.expires_on < on ? '（逾期续期）' : ''}`,
    });
  });
  return getBurial(app, input.id);
}

export function expiringWorklist(app: AppContext, months: number, cemeteryId: number | null): ExpiryWorklist {
  sweepExpiredPlots(app);
  const on = today(app);
  const until = addMonths(on, months);
  const { rows, total } = expiringBurials(app.db, until, cemeteryId, 2000);
  const names = cemeteryNames(app);
  return {
    today: on,
    until,
    rows: rows.map((b) => ({ ...listItem(b, names, on), daysLeft: daysBetween(on, b.expires_on) })),
    total,
  };
}

// ---- search and plot contents

const CERTIFICATE = /^(GMAZ)-\d{4}-\d{6}$/;

/** How a typed query is read: certificate, plot label, ID number, or a name (prefix and contains). */
function searchPlan(query: string): BurialSearch[] {
  const text = query.trim();
  const upper = normalizeDocumentNumber(text);
  if (CERTIFICATE.test(upper)) return [{ certificateNumber: upper }];
  if (/区/.test(text) && /\d/.test(text)) {
    const parsed = parsePlotLabel(text);
    return [
      { plotLabelPrefix: parsed ? formatPlotLabel(parsed.sectionCode, parsed.row, parsed.number) : text.replace(/\s+/g, '') },
    ];
  }
  if (/^\d[\dX]{5,}$/.test(upper)) {
    if (upper.length === 18 || upper.length === 15) {
      const parsed = parseResidentId(upper);
      return [{ idNumber: parsed.ok ? parsed.value.id : normalizeResidentId(upper) }];
    }
    return [{ idPrefix: upper }];
  }
  return [{ namePrefix: text }, { holderPrefix: text }, { nameContains: text }];
}

export function searchBurials(app: AppContext, query: string, cemeteryId: number | null, limit = 50): BurialListItem[] {
  const ids: number[] = [];
  const seen = new Set<number>();
  for (const by of searchPlan(query)) {
    if (ids.length >= limit) break;
    for (const id of findBurialIds(app.db, by, cemeteryId, limit)) {
      if (!seen.has(id) && ids.length < limit) {
        seen.add(id);
        ids.push(id);
      }
    }
  }
  const rows = new Map(burialsByIds(app.db, ids).map((b) => [b.id, b]));
  const names = cemeteryNames(app);
  const on = today(app);
  return ids.map((id) => listItem(rows.get(id)!, names, on));
}

export function plotContents(app: AppContext, plotId: number): { burials: BurialListItem[]; reservations: ReservationView[] } {
  const names = cemeteryNames(app);
  const on = today(app);
  const burials = burialsOfPlot(app.db, plotId);
  return {
    burials: burials.map((b) => listItem(b, names, on)),
    reservations: reservationsOfPlot(app.db, plotId).map((r) => reservationView(app, r, true)),
  };
}
