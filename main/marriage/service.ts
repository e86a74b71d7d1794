import type { AppContext } from '../core/app';
import { recordAudit } from '../core/audit/service';
import { writeTransaction } from '../core/db/connection';
import { ServiceError, notFound } from '../core/errors';
import type { HandlerContext } from '../core/handler';
import { localTodayIso } from '../core/idnumber/dates';
import { maskDocumentNumber, validateDocument, type DocumentType } from '../core/idnumber/otherDocuments';
import { normalizeDocumentNumber } from '../core/idnumber/normalize';
import { parseResidentId } from '../core/idnumber/residentId';
import { allocateNumber, type SeriesSpec } from '../core/numbering/service';
import { getSettings } from '../core/settings/service';
import { checkApplication, type CheckedApplication, type RegisterLookups } from './checks';
import type { Application, BlacklistEntryView, CheckResult, PartyView, RefusalView, RegistrationView } from './contract';
import {
  activeBlacklistEntry,
  blacklistById,
  insertBlacklist,
  insertParty,
  insertRefusal,
  insertRegistration,
  findRegistrationIds,
  listBlacklist,
  nextRegistrationId,
  partiesOf,
  refusalById,
  registrationById,
  registrationsOfDocument,
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
  };
}

// Lists show ID numbers masked (500118********1234): a screen of search results must not expose
// everyone's number to whoever passes the counter. The record page shows it in full.
const maskedParty = (p: PartyView): PartyView => ({ ...p, documentNumber: maskDocumentNumber(p.documentType, p.documentNumber) });

/** Old 15-digit IDs are stored converted to 18 digits; search by either. */
function storedDocumentNumber(number: string): string {
  if (!/^\d{15}$/.test(number)) return number;
  const parsed = parseResidentId(number);
  return parsed.ok ? parsed.value.id : number;
}

const CERTIFICATE = /^(J|L|BJ|BL)\d{6}-\d{4}-\d{6}$/;

export function searchRegistrations(app: AppContext, query: string): RegistrationView[] {
  const text = query.trim();
  const upper = normalizeDocumentNumber(text);
  const by = CERTIFICATE.test(upper)
    ? { certificateNumber: upper }
    : /^[0-9A-Z()]{6,}$/.test(upper) && /\d{5}/.test(upper)
      ? { documentNumber: storedDocumentNumber(upper) }
      : { namePrefix: text };
  return findRegistrationIds(app.db, by, 50).map((id) =>
    registrationView(registrationById(app.db, id)!, partiesOf(app.db, id), true),
  );
}

export function getRegistration(app: AppContext, id: number): RegistrationView {
  const r = registrationById(app.db, id);
  if (!r) throw notFound('该结婚登记记录');
  return registrationView(r, partiesOf(app.db, id));
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

function blacklistView(b: BlacklistRow): BlacklistEntryView {
  return {
    id: b.id,
    documentNumber: b.document_number,
    name: b.name,
    reason: b.reason,
    sourceDocument: b.source_document,
    listedFrom: b.listed_from,
    listedUntil: b.listed_until,
  };
}

export const blacklistEntries = (app: AppContext): BlacklistEntryView[] => listBlacklist(app.db).map(blacklistView);

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
