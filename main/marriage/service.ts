import type { AppContext } from '../core/app';
import { recordAudit } from '../core/audit/service';
import { addDays } from '../core/calendar/civilDate';
import { writeTransaction } from '../core/db/connection';
import { ServiceError, notFound } from '../core/errors';
import type { HandlerContext } from '../core/handler';
import { localTodayIso } from '../core/idnumber/dates';
import { maskDocumentNumber, validateDocument, type DocumentType } from '../core/idnumber/otherDocuments';
import { allocateNumber, type SeriesSpec } from '../core/numbering/service';
import { getSettings } from '../core/settings/service';
import { checkApplication, type CheckedApplication, type RegisterLookups } from './checks';
import { indexRegistrationNames } from './search/indexing';
import { showsFullDocumentNumber } from './search/masking';
import type {
  Application,
  BlacklistEntryView,
  BlacklistRemoval,
  CheckResult,
  PartyView,
  RefusalView,
  RegistrationView,
} from './contract';
import {
  activeBlacklistEntry,
  blacklistById,
  blacklistRemovalEntries,
  endBlacklist,
  insertBlacklist,
  insertParty,
  insertRefusal,
  insertRegistration,
  listBlacklist,
  nextRegistrationId,
  partiesOf,
  refusalById,
  registrationById,
  registrationsOfDocument,
  registrationsWithParties,
  type BlacklistRow,
  type PartyRow,
  type RegistrationRow,
} from './data';

/** 结婚证字号: J + the registry's 6-digit division code + year + 6-digit serial (J500118-2026-000001). */
export const marriageSeries = (divisionCode: string, date: string): SeriesSpec => ({
  series: `J${divisionCode}-${date.slice(0, 4)}`,
  width: 6,
});

function lookups(app: AppContext): RegisterLookups {
  return {
    currentMarriage: (n) => {
      const r = registrationsOfDocument(app.db, n).find((x) => x.status === 'registered');
      return r && { certificateNumber: r.certificate_number, registrationDate: r.registration_date };
    },
    everMarried: (n) => {
      const r = registrationsOfDocument(app.db, n)[0];
      return r && { certificateNumber: r.certificate_number, status: r.status };
    },
    blacklisted: (n, on) => {
      const e = activeBlacklistEntry(app.db, n, on);
      return e && { reason: e.reason, sourceDocument: e.source_document };
    },
  };
}

/** The registry's own division code: it is part of every certificate number, so it must be set. */
function registryDivision(app: AppContext): string {
  const code = getSettings(app.db).divisionCode;
  if (code === '000000') {
    throw new ServiceError('RULE_VIOLATION', '请先由系统管理员在“单位设置”中填写本登记机关的行政区划代码（结婚证字号需要）');
  }
  return code;
}

/** A marriage is registered on the day both appear: no back- or forward-dating at the counter. */
function assertToday(app: AppContext, date: string): void {
  const today = localTodayIso(app.clock.now());
  if (date !== today) {
    throw new ServiceError('RULE_VIOLATION', `登记日期应为今天（${today}），当事人须本人到场当日办理`, 'registrationDate');
  }
}

function runChecks(app: AppContext, application: Application): CheckedApplication {
  return checkApplication(application, registryDivision(app), lookups(app));
}

export function checkMarriage(app: AppContext, application: Application): CheckResult {
  const { documentNumbers: _n, ...result } = runChecks(app, application);
  return result;
}

function partyView(p: PartyRow): PartyView {
  return {
    sex: p.sex,
    name: p.name,
    documentType: p.document_type as DocumentType,
    documentNumber: p.document_number,
    birthDate: p.birth_date,
    nationality: p.nationality,
    ethnicCode: p.ethnic_code,
    priorStatus: p.prior_status,
    priorEvidence: p.prior_evidence,
    occupation: p.occupation,
    phone: p.phone,
    address: p.address,
    householdProvince: p.household_province,
  };
}

function registrationView(r: RegistrationRow, parties: PartyRow[], mask = false): RegistrationView {
  const man = parties.find((p) => p.sex === 'male')!;
  const woman = parties.find((p) => p.sex === 'female')!;
  return {
    id: r.id,
    status: r.status,
    registrationDate: r.registration_date,
    certificateNumber: r.certificate_number,
    divisionCode: r.division_code,
    partyOrigin: r.party_origin as RegistrationView['partyOrigin'],
    crossProvince: r.cross_province === 1,
    parties: mask ? [maskedParty(partyView(man)), maskedParty(partyView(woman))] : [partyView(man), partyView(woman)],
    dissolvedAt: r.dissolved_at,
    createdAt: r.created_at,
    source: r.source ?? 'counter',
  };
}

// Masked: 500118********1234. Who sees what where is decided in search/masking.ts.
const maskedParty = (p: PartyView): PartyView => ({
  ...p,
  documentNumber: p.documentNumber === null ? null : maskDocumentNumber(p.documentType, p.documentNumber),
});

/** Views of some registrations in the order given, the document numbers masked or not. */
export function registrationViews(app: AppContext, ids: readonly number[], mask: boolean): RegistrationView[] {
  const { registrations, parties } = registrationsWithParties(app.db, ids);
  const byId = new Map(registrations.map((r) => [r.id, r]));
  return ids.map((id) =>
    registrationView(
      byId.get(id)!,
      parties.filter((p) => p.registration_id === id),
      mask,
    ),
  );
}

export function getRegistration(app: AppContext, id: number): RegistrationView {
  const r = registrationById(app.db, id);
  if (!r) throw notFound('该结婚登记记录');
  return registrationView(r, partiesOf(app.db, id));
}

/** The record page: the number in full for the marriage roles, masked for anyone else (search/masking.ts). */
export function getRegistrationFor(ctx: HandlerContext, id: number): RegistrationView {
  const view = getRegistration(ctx.app, id);
  if (showsFullDocumentNumber(ctx.permissions, 'record')) return view;
  return { ...view, parties: [maskedParty(view.parties[0]), maskedParty(view.parties[1])] };
}

/**
 * Registers the marriage. The checks run again inside the write transaction, so two counters
 * registering the same person at the same moment cannot both succeed; the certificate number is
 * drawn in the same transaction, so a failure leaves neither a record nor a gap in the numbers.
 */
export function registerMarriage(ctx: HandlerContext, application: Application): RegistrationView {
  const { app, actor } = ctx;
  assertToday(app, application.registrationDate);
  return writeTransaction(app.db, () => {
    const checked = runChecks(app, application);
    if (!checked.canRegister) {
      throw new ServiceError('RULE_VIOLATION', `不符合结婚登记条件：${checked.reasons.map((r) => r.message).join('；')}`);
    }
    const division = registryDivision(app);
    const now = app.clock.now().toISOString();
    // The id is known before the number is drawn so the number's record points at its registration.
    const id = nextRegistrationId(app.db);
    const number = allocateNumber(app.db, app.clock, actor, marriageSeries(division, application.registrationDate), {
      entity: 'marriageRegistration',
      entityId: id,
    });
    insertRegistration(app.db, {
      id,
      status: 'registered',
      registration_date: application.registrationDate,
      certificate_number: number,
      division_code: division,
      party_origin: checked.partyOrigin,
      cross_province: checked.crossProvince ? 1 : 0,
      clerk_id: actor.userId,
      dissolved_at: null,
      created_at: now,
      updated_at: now,
    });
    application.parties.forEach((p, i) =>
      insertParty(app.db, {
        registration_id: id,
        sex: p.sex,
        name: p.name,
        document_type: p.documentType,
        document_number: checked.documentNumbers[i]!,
        birth_date: p.birthDate,
        nationality: p.nationality,
        ethnic_code: p.ethnicCode,
        prior_status: p.priorStatus,
        prior_evidence: p.priorEvidence,
        occupation: p.occupation,
        phone: p.phone,
        address: p.address,
        household_province: p.householdProvince,
      }),
    );
    indexRegistrationNames(app.db, id);
    const view = registrationView(registrationById(app.db, id)!, partiesOf(app.db, id));
    recordAudit(app.db, app.clock, actor, { action: 'create', entity: 'marriageRegistration', entityId: id, after: view });
    return view;
  });
}

function refusalView(r: {
  id: number;
  refusal_date: string;
  reasons: string;
  application: string;
  created_at: string;
}): RefusalView {
  const application = JSON.parse(r.application) as Application;
  return {
    id: r.id,
    refusalDate: r.refusal_date,
    reasons: JSON.parse(r.reasons),
    names: application.parties.map((p) => p.name),
    createdAt: r.created_at,
  };
}

/**
 * Records a refusal (不予办理). The reasons are the checks' own, never typed by hand: a refusal
 * needs a legal reason, and the notice prints exactly what the checks found.
 */
export function refuseMarriage(ctx: HandlerContext, application: Application): RefusalView {
  const { app, actor } = ctx;
  assertToday(app, application.registrationDate);
  return writeTransaction(app.db, () => {
    const checked = runChecks(app, application);
    if (checked.canRegister) {
      throw new ServiceError('RULE_VIOLATION', '审查未发现不予办理的理由，不能出具不予办理结婚登记通知');
    }
    const id = insertRefusal(app.db, {
      refusal_date: application.registrationDate,
      reasons: JSON.stringify(checked.reasons),
      application: JSON.stringify(application),
      clerk_id: actor.userId,
      created_at: app.clock.now().toISOString(),
    });
    const view = refusalView(refusalById(app.db, id)!);
    recordAudit(app.db, app.clock, actor, { action: 'create', entity: 'marriageRefusal', entityId: id, after: view });
    return view;
  });
}

function blacklistView(b: BlacklistRow, removal: BlacklistRemoval | null = null): BlacklistEntryView {
  return {
    id: b.id,
    documentNumber: b.document_number,
    name: b.name,
    reason: b.reason,
    sourceDocument: b.source_document,
    listedFrom: b.listed_from,
    listedUntil: b.listed_until,
    removal,
  };
}

/** The latest removal of each entry, from the audit entries marriage.blacklist.end wrote. */
function blacklistRemovals(app: AppContext, id?: number): Map<number, BlacklistRemoval> {
  const out = new Map<number, BlacklistRemoval>();
  for (const e of blacklistRemovalEntries(app.db, id)) {
    const after = JSON.parse(e.after ?? '{}') as { removedOn?: string; reason?: string };
    if (!after.removedOn) continue;
    out.set(Number(e.entity_id), { removedOn: after.removedOn, reason: after.reason ?? '', username: e.username, at: e.at });
  }
  return out;
}

export function blacklistEntries(app: AppContext): BlacklistEntryView[] {
  const removals = blacklistRemovals(app);
  return listBlacklist(app.db).map((b) => blacklistView(b, removals.get(b.id) ?? null));
}

/**
 * Removes a person from the list from a given day (a decision lifting the constraint, or an entry
 * made in error). The entry stays on record: its last day in force becomes the day before, and the
 * reason goes into the audit entry. A removal only shortens a listing, never lengthens it.
 */
export function endBlacklistEntry(
  ctx: HandlerContext,
  input: { id: number; removedOn: string; reason: string },
): BlacklistEntryView {
  const { app, actor } = ctx;
  return writeTransaction(app.db, () => {
    const b = blacklistById(app.db, input.id);
    if (!b) throw notFound('该失信名单条目');
    if (input.removedOn < b.listed_from) {
      throw new ServiceError('INVALID_INPUT', `移出日期不能早于列入日期 ${b.listed_from}`, 'removedOn');
    }
    if (b.listed_until !== null && b.listed_until < input.removedOn) {
      throw new ServiceError(
        'CONFLICT',
        `${b.name} 的这条记录列入至 ${b.listed_until} 止，自 ${addDays(b.listed_until, 1)} 起已不在名单中，无需移出`,
      );
    }
    const until = addDays(input.removedOn, -1);
    endBlacklist(app.db, b.id, until);
    const reason = input.reason.trim();
    recordAudit(app.db, app.clock, actor, {
      action: 'status',
      entity: 'creditBlacklist',
      entityId: b.id,
      before: { listedUntil: b.listed_until },
      after: { listedUntil: until, removedOn: input.removedOn, reason },
      detail: `移出婚姻登记失信名单（${b.name}，自 ${input.removedOn} 起）：${reason}`,
    });
    return blacklistView(blacklistById(app.db, b.id)!, blacklistRemovals(app, b.id).get(b.id) ?? null);
  });
}

export function addToBlacklist(
  ctx: HandlerContext,
  input: {
    documentType: DocumentType;
    documentNumber: string;
    name: string;
    reason: string;
    sourceDocument: string;
    listedFrom: string;
    listedUntil: string | null;
  },
): BlacklistEntryView {
  const { app, actor } = ctx;
  const doc = validateDocument(input.documentType, input.documentNumber, input.listedFrom);
  if (!doc.ok) throw new ServiceError('INVALID_INPUT', doc.message, 'documentNumber');
  if (input.listedUntil !== null && input.listedUntil < input.listedFrom) {
    throw new ServiceError('INVALID_INPUT', '移出日期不能早于列入日期', 'listedUntil');
  }
  return writeTransaction(app.db, () => {
    const id = insertBlacklist(app.db, {
      document_number: doc.value.number,
      name: input.name,
      reason: input.reason,
      source_document: input.sourceDocument,
      listed_from: input.listedFrom,
      listed_until: input.listedUntil,
      created_at: app.clock.now().toISOString(),
      created_by: actor.userId,
    });
    const view = blacklistView(blacklistById(app.db, id)!);
    recordAudit(app.db, app.clock, actor, { action: 'create', entity: 'creditBlacklist', entityId: id, after: view });
    return view;
  });
}
