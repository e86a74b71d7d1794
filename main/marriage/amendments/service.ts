import type { AppContext } from '../../core/app';
import { userById } from '../../core/auth/data';
import { recordAudit } from '../../core/audit/service';
import { isForeignCountry } from '../../core/codes/nationalities';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError, notFound } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { ageOn, localTodayIso } from '../../core/idnumber/dates';
import { validateDocument, type DocumentType } from '../../core/idnumber/otherDocuments';
import { allocateNumber } from '../../core/numbering/service';
import { getSettings } from '../../core/settings/service';
import { MIN_AGE } from '../checks';
import type { PartyOrigin, RegistrationView } from '../contract';
import { partiesOf, registrationsOfDocument, type PartyRow } from '../data';
import { getRegistration } from '../service';
import { indexRegistrationNames } from '../search/indexing';
import {
  correctableFieldLabels,
  correctablePartyFields,
  correctionStatusLabels,
  legalActFieldLabels,
  legalActFields,
  replacementKindLabels,
  replacementReasonLabels,
  type CorrectableField,
  type CorrectionChanges,
  type CorrectionView,
  type HistoryEntry,
  type ReplacementKind,
  type ReplacementReason,
  type ReplacementView,
} from './contract';
import {
  auditEntriesFor,
  correctionById,
  correctionIdsOf,
  decideCorrection,
  divorceIdsOf,
  insertCorrection,
  insertReplacement,
  issuedDivorceOf,
  listCorrections,
  nextReplacementId,
  numbersDrawnFor,
  replacementById,
  replacementsOf,
  updateParty,
  updateRegistrationDerived,
  type CorrectionRow,
  type ReplacementRow,
} from './data';

const today = (app: AppContext): string => localTodayIso(app.clock.now());
const sexLabel = { male: '男方', female: '女方' } as const;

/** The issuing registry's division code: part of the BJ/BL number, so it must be set. */
function registryDivision(app: AppContext): string {
  const code = getSettings(app.db).divisionCode;
  if (code === '000000') {
    throw new ServiceError('RULE_VIOLATION', '请先由系统管理员在“单位设置”中填写本登记机关的行政区划代码（补领证字号需要）');
  }
  return code;
}

// ── 补领 ────────────────────────────────────────────────────────────────────────────────────────

/** BJ500118-2026-000001 / BL500118-2026-000001: one series per kind, issuing office and year. */
export const replacementSeries = (kind: ReplacementKind, divisionCode: string, date: string) => ({
  series: `${kind}${divisionCode}-${date.slice(0, 4)}`,
  width: 6,
});

function replacementView(r: ReplacementRow): ReplacementView {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: replacementKindLabels[r.kind],
    registrationId: r.registration_id,
    divorceId: r.divorce_id,
    originalNumber: r.original_number,
    certificateNumber: r.certificate_number,
    applicant: r.applicant,
    reason: r.reason,
    reasonLabel: replacementReasonLabels[r.reason],
    reasonDetail: r.reason_detail,
    issuedOn: r.issued_on,
    clerkId: r.clerk_id,
    createdAt: r.created_at,
  };
}

/**
 * Issues a replacement certificate. The original record must allow it (a dissolved marriage gets
 * no new marriage certificate; a divorce certificate needs an issued divorce). The new number is
 * drawn in the same transaction as the replacement record; the original number stays as it was.
 */
export function issueReplacement(
  ctx: HandlerContext,
  input: {
    kind: ReplacementKind;
    registrationId: number;
    applicant: 'male' | 'female' | 'both';
    reason: ReplacementReason;
    reasonDetail: string | null;
  },
): ReplacementView {
  const { app, actor } = ctx;
  const detail = input.reasonDetail?.trim() || null;
  if (input.reason === 'other' && (detail === null || detail.length < 2)) {
    throw new ServiceError('INVALID_INPUT', '补领原因为“其他”时请写明原因', 'reasonDetail');
  }
  const on = today(app);
  return writeTransaction(app.db, () => {
    const division = registryDivision(app);
    const marriage = getRegistration(app, input.registrationId);
    let original: string;
    let divorceId: number | null = null;
    if (input.kind === 'BJ') {
      if (marriage.status !== 'registered') {
        throw new ServiceError(
          'RULE_VIOLATION',
          `该婚姻已于 ${marriage.dissolvedAt?.slice(0, 10) ?? ''} 解除，不能补领结婚证；如需证明离婚，可申请补领离婚证`,
        );
      }
      original = marriage.certificateNumber;
    } else {
      const divorce = issuedDivorceOf(app.db, marriage.id);
      if (!divorce?.certificate_number) {
        throw new ServiceError('RULE_VIOLATION', '该婚姻没有已发给离婚证的离婚登记，不能补领离婚证');
      }
      original = divorce.certificate_number;
      divorceId = divorce.id;
    }
    const id = nextReplacementId(app.db);
    const number = allocateNumber(app.db, app.clock, actor, replacementSeries(input.kind, division, on), {
      entity: 'marriageReplacement',
      entityId: id,
    });
    insertReplacement(app.db, {
      id,
      kind: input.kind,
      registration_id: marriage.id,
      divorce_id: divorceId,
      original_number: original,
      certificate_number: number,
      applicant: input.applicant,
      reason: input.reason,
      reason_detail: detail,
      issued_on: on,
      clerk_id: actor.userId,
      created_at: app.clock.now().toISOString(),
    });
    const view = replacementView(replacementById(app.db, id)!);
    const who = input.applicant === 'both' ? '双方' : sexLabel[input.applicant];
    recordAudit(app.db, app.clock, actor, {
      action: 'create',
      entity: 'marriageReplacement',
      entityId: id,
      after: view,
      detail: `${who}${replacementKindLabels[input.kind]}（${replacementReasonLabels[input.reason]}${detail ? `：${detail}` : ''}），原证 ${original}，补领证 ${number}`,
    });
    return view;
  });
}

export function replacementsOfRegistration(app: AppContext, registrationId: number): ReplacementView[] {
  getRegistration(app, registrationId); // not found → a clear error, not an empty list
  return replacementsOf(app.db, registrationId).map(replacementView);
}

// ── 更正 ────────────────────────────────────────────────────────────────────────────────────────

const column: Record<CorrectableField, keyof PartyRow> = {
  name: 'name',
  documentType: 'document_type',
  documentNumber: 'document_number',
  birthDate: 'birth_date',
  nationality: 'nationality',
  ethnicCode: 'ethnic_code',
  priorStatus: 'prior_status',
  priorEvidence: 'prior_evidence',
  occupation: 'occupation',
  phone: 'phone',
  address: 'address',
  householdProvince: 'household_province',
};

type Values = Partial<Record<CorrectableField, string | null>>;

const currentValues = (p: PartyRow, fields: readonly CorrectableField[]): Values =>
  Object.fromEntries(fields.map((f) => [f, p[column[f]] as string | null]));

function partyRow(app: AppContext, registrationId: number, sex: 'male' | 'female'): PartyRow {
  const p = partiesOf(app.db, registrationId).find((x) => x.sex === sex);
  if (!p) throw notFound('该当事人');
  return p;
}

/**
 * Checks a party as it would read after the correction, with the rules of registration: the
 * document number (check digit, date), birth date and sex as the number states them, the legal
 * age on the registration date, evidence for a declared prior marriage, and no other current
 * marriage under a corrected number. Returns the changes with the number normalised.
 */
function validateCorrected(app: AppContext, registration: RegistrationView, current: PartyRow, changes: Values): Values {
  const fieldOf = (f: CorrectableField) => `changes.${f}`;
  const merged = { ...currentValues(current, correctablePartyFields), ...changes } as Record<CorrectableField, string | null>;
  const out: Values = { ...changes };
  const name = merged.name?.trim() ?? '';
  if (name.length === 0) throw new ServiceError('INVALID_INPUT', '姓名不能为空', fieldOf('name'));

  const type = merged.documentType as DocumentType;
  const docField = 'documentNumber' in changes ? fieldOf('documentNumber') : fieldOf('documentType');
  // A legacy archive record may have no number at all (before 1985); it keeps none unless one is added.
  const numberless = current.document_number === null && !merged.documentNumber;
  const checked = numberless ? null : validateDocument(type, merged.documentNumber ?? '', today(app));
  if (checked && !checked.ok) throw new ServiceError('INVALID_INPUT', `更正后的证件号码有误：${checked.message}`, docField);
  const doc = { value: checked?.ok ? checked.value : { number: null } };
  if ('documentNumber' in changes && doc.value.number !== null) out.documentNumber = doc.value.number;
  const birthDate = merged.birthDate ?? '';
  if ('birthDate' in doc.value && doc.value.birthDate && doc.value.birthDate !== birthDate) {
    throw new ServiceError(
      'INVALID_INPUT',
      `出生日期 ${birthDate} 与证件号码所载 ${doc.value.birthDate} 不符，请一并更正`,
      'birthDate' in changes ? fieldOf('birthDate') : docField,
    );
  }
  if ('sex' in doc.value && doc.value.sex && doc.value.sex !== current.sex) {
    throw new ServiceError(
      'INVALID_INPUT',
      `证件号码所载性别（${doc.value.sex === 'male' ? '男' : '女'}）与登记的${sexLabel[current.sex]}不符`,
      docField,
    );
  }
  const min = MIN_AGE[current.sex];
  const age = ageOn(birthDate, registration.registrationDate);
  // Archive records were registered under the law of their day (1950: 20/18), not re-judged here.
  if (age < min && registration.source !== 'archive') {
    throw new ServiceError(
      'RULE_VIOLATION',
      `按更正后的出生日期，${sexLabel[current.sex]}登记之日 ${registration.registrationDate} 年满 ${age} 周岁，未达法定婚龄 ${min} 周岁，不能以更正处理，应依法处理该婚姻登记`,
      fieldOf('birthDate'),
    );
  }
  if ((merged.priorStatus === '30' || merged.priorStatus === '40') && !merged.priorEvidence?.trim()) {
    throw new ServiceError(
      'INVALID_INPUT',
      `婚姻状况为${merged.priorStatus === '40' ? '离婚' : '丧偶'}时须写明婚姻状况证明`,
      fieldOf('priorEvidence'),
    );
  }
  if (('documentNumber' in changes || 'documentType' in changes) && doc.value.number !== null) {
    const other = registrationsOfDocument(app.db, doc.value.number).find(
      (r) => r.id !== registration.id && r.status === 'registered',
    );
    if (other && registration.status === 'registered') {
      throw new ServiceError(
        'RULE_VIOLATION',
        `该证件号码在另一条有效的结婚登记中（结婚证字号 ${other.certificate_number}），请核实`,
        docField,
      );
    }
  }
  return out;
}

function refuseLegalActFields(changes: CorrectionChanges): void {
  const named = legalActFields.filter((f) => changes[f] !== undefined);
  if (named.length === 0) return;
  const labels = named.map((f) => legalActFieldLabels[f]).join('、');
  throw new ServiceError(
    'RULE_VIOLATION',
    `${labels}是婚姻登记这一法律行为本身的内容，不能更正；登记确有错误的，应依法撤销登记或由人民法院确认婚姻无效`,
    `changes.${named[0]}`,
  );
}

function correctionView(app: AppContext, c: CorrectionRow): CorrectionView {
  const changes = JSON.parse(c.changes) as Values;
  const previous = JSON.parse(c.previous) as Values;
  const registration = getRegistration(app, c.registration_id);
  return {
    id: c.id,
    registrationId: c.registration_id,
    certificateNumber: registration.certificateNumber,
    party: c.party,
    partyName: registration.parties.find((p) => p.sex === c.party)?.name ?? '',
    status: c.status,
    statusLabel: correctionStatusLabels[c.status],
    changes: (Object.keys(changes) as CorrectableField[]).map((f) => ({
      field: f,
      label: correctableFieldLabels[f],
      before: previous[f] ?? null,
      after: changes[f] ?? null,
    })),
    reason: c.reason,
    evidence: c.evidence,
    proposedBy: c.proposed_by,
    proposedByName: userById(app.db, c.proposed_by)?.display_name ?? '',
    proposedAt: c.proposed_at,
    decidedBy: c.decided_by,
    decidedByName: c.decided_by === null ? null : (userById(app.db, c.decided_by)?.display_name ?? null),
    decidedAt: c.decided_at,
    decisionReason: c.decision_reason,
  };
}

function requireUser(ctx: HandlerContext): number {
  if (ctx.actor.userId === null) throw new ServiceError('UNAUTHENTICATED', '请先登录');
  return ctx.actor.userId;
}

export function proposeCorrection(
  ctx: HandlerContext,
  input: {
    registrationId: number;
    party: 'male' | 'female' | null;
    changes: CorrectionChanges;
    reason: string;
    evidence: string;
  },
): CorrectionView {
  const { app, actor } = ctx;
  const userId = requireUser(ctx);
  refuseLegalActFields(input.changes);
  if (input.party === null) {
    throw new ServiceError('INVALID_INPUT', '请选择更正哪一方当事人的信息', 'party');
  }
  const sex = input.party;
  return writeTransaction(app.db, () => {
    const registration = getRegistration(app, input.registrationId);
    const open = listCorrections(app.db, { status: 'proposed', registrationId: registration.id }).find((c) => c.party === sex);
    if (open) {
      throw new ServiceError('CONFLICT', `${sexLabel[sex]}已有待审批的更正（第 ${open.id} 号），请先审批或驳回`);
    }
    const current = partyRow(app, registration.id, sex);
    const requested: Values = {};
    for (const f of correctablePartyFields) {
      const v = input.changes[f];
      if (v === undefined) continue;
      const value = typeof v === 'string' && v.trim() === '' ? null : v;
      if (value !== current[column[f]]) requested[f] = value;
    }
    if (Object.keys(requested).length === 0) {
      throw new ServiceError('RULE_VIOLATION', '更正内容与现有记录相同，无需更正', 'changes');
    }
    const changes = validateCorrected(app, registration, current, requested);
    // Normalising the number may make it equal to what is stored already.
    for (const f of Object.keys(changes) as CorrectableField[]) if (changes[f] === current[column[f]]) delete changes[f];
    if (Object.keys(changes).length === 0) {
      throw new ServiceError('RULE_VIOLATION', '更正内容与现有记录相同，无需更正', 'changes');
    }
    const id = insertCorrection(app.db, {
      registration_id: registration.id,
      party: sex,
      status: 'proposed',
      changes: JSON.stringify(changes),
      previous: JSON.stringify(currentValues(current, Object.keys(changes) as CorrectableField[])),
      reason: input.reason.trim(),
      evidence: input.evidence.trim(),
      proposed_by: userId,
      proposed_at: app.clock.now().toISOString(),
      decided_by: null,
      decided_at: null,
      decision_reason: null,
    });
    const view = correctionView(app, correctionById(app.db, id)!);
    recordAudit(app.db, app.clock, actor, {
      action: 'create',
      entity: 'marriageCorrection',
      entityId: id,
      after: view,
      detail: `提出更正${sexLabel[sex]}${view.changes.map((c) => c.label).join('、')}：${view.reason}`,
    });
    return view;
  });
}

function requireProposed(ctx: HandlerContext, id: number): CorrectionRow {
  const c = correctionById(ctx.app.db, id);
  if (!c) throw notFound('该更正申请');
  if (c.status !== 'proposed') {
    throw new ServiceError(
      'CONFLICT',
      `该更正已于 ${c.decided_at?.slice(0, 10) ?? ''} ${correctionStatusLabels[c.status]}，不能再次审批`,
    );
  }
  if (c.proposed_by === ctx.actor.userId) {
    throw new ServiceError('FORBIDDEN', '不能审批本人提出的更正，须由另一位婚姻登记负责人审批');
  }
  return c;
}

function originOf(parties: readonly PartyRow[]): PartyOrigin {
  if (parties.some((p) => isForeignCountry(p.nationality))) return 'foreign';
  if (parties.some((p) => p.nationality === 'HKG')) return 'hongkong';
  if (parties.some((p) => p.nationality === 'MAC')) return 'macao';
  if (parties.some((p) => p.nationality === 'TWN')) return 'taiwan';
  return 'mainland';
}

/**
 * Approves a correction: the record changes only now, in one transaction with the decision and an
 * audit entry whose before/after hold the old and the new values.
 */
export function approveCorrection(ctx: HandlerContext, input: { id: number; comment: string | null }): CorrectionView {
  const { app, actor } = ctx;
  const userId = requireUser(ctx);
  return writeTransaction(app.db, () => {
    const c = requireProposed(ctx, input.id);
    const registration = getRegistration(app, c.registration_id);
    const current = partyRow(app, c.registration_id, c.party);
    const changes = JSON.parse(c.changes) as Values;
    const previous = JSON.parse(c.previous) as Values;
    const fields = Object.keys(changes) as CorrectableField[];
    const moved = fields.filter((f) => current[column[f]] !== previous[f]);
    if (moved.length > 0) {
      throw new ServiceError(
        'CONFLICT',
        `提出更正后记录的${moved.map((f) => correctableFieldLabels[f]).join('、')}已有变化，请驳回后重新提出`,
      );
    }
    // The register may have changed since the proposal (a new marriage under the same number …).
    validateCorrected(app, registration, current, changes);
    const at = app.clock.now().toISOString();
    updateParty(
      app.db,
      c.registration_id,
      c.party,
      Object.fromEntries(fields.map((f) => [column[f], changes[f] ?? null])) as Partial<PartyRow>,
    );
    indexRegistrationNames(app.db, c.registration_id); // a corrected name must be found under its new spelling
    const parties = partiesOf(app.db, c.registration_id);
    const registryProvince = registration.divisionCode.slice(0, 2);
    updateRegistrationDerived(app.db, c.registration_id, {
      party_origin: originOf(parties),
      cross_province: parties.some((p) => p.household_province !== null && p.household_province !== registryProvince) ? 1 : 0,
      updated_at: at,
    });
    if (
      !decideCorrection(app.db, c.id, {
        status: 'approved',
        decided_by: userId,
        decided_at: at,
        decision_reason: input.comment?.trim() || null,
      })
    ) {
      throw new ServiceError('CONFLICT', '该更正已被审批');
    }
    const labels = fields.map((f) => `${correctableFieldLabels[f]} ${previous[f] ?? '（空）'} → ${changes[f] ?? '（空）'}`);
    recordAudit(app.db, app.clock, actor, {
      action: 'update',
      entity: 'marriageRegistration',
      entityId: c.registration_id,
      before: { party: c.party, ...previous },
      after: { party: c.party, ...changes },
      detail: `更正${sexLabel[c.party]}信息（更正申请第 ${c.id} 号，负责人批准）：${labels.join('；')}。理由：${c.reason}；证明材料：${c.evidence}`,
    });
    const view = correctionView(app, correctionById(app.db, c.id)!);
    recordAudit(app.db, app.clock, actor, {
      action: 'status',
      entity: 'marriageCorrection',
      entityId: c.id,
      before: { status: 'proposed' },
      after: { status: 'approved', comment: view.decisionReason },
      detail: '批准更正',
    });
    return view;
  });
}

export function rejectCorrection(ctx: HandlerContext, input: { id: number; reason: string }): CorrectionView {
  const { app, actor } = ctx;
  const userId = requireUser(ctx);
  return writeTransaction(app.db, () => {
    const c = requireProposed(ctx, input.id);
    const at = app.clock.now().toISOString();
    if (
      !decideCorrection(app.db, c.id, {
        status: 'rejected',
        decided_by: userId,
        decided_at: at,
        decision_reason: input.reason.trim(),
      })
    ) {
      throw new ServiceError('CONFLICT', '该更正已被审批');
    }
    const view = correctionView(app, correctionById(app.db, c.id)!);
    recordAudit(app.db, app.clock, actor, {
      action: 'status',
      entity: 'marriageCorrection',
      entityId: c.id,
      before: { status: 'proposed' },
      after: { status: 'rejected', reason: view.decisionReason },
      detail: `驳回更正：${view.decisionReason}`,
    });
    return view;
  });
}

export function correctionList(
  app: AppContext,
  input: { status?: 'proposed' | 'approved' | 'rejected' | undefined; registrationId?: number | undefined },
): CorrectionView[] {
  return listCorrections(app.db, {
    ...(input.status ? { status: input.status } : {}),
    ...(input.registrationId ? { registrationId: input.registrationId } : {}),
  }).map((c) => correctionView(app, c));
}

// ── History ─────────────────────────────────────────────────────────────────────────────────────

const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

/**
 * The record's whole history from the audit log, oldest first: the registration and its
 * corrections (old and new values), every number drawn for it or its divorce or replacements
 * (voided ones included), the divorce application, and the replacements.
 */
export function marriageHistory(app: AppContext, registrationId: number): HistoryEntry[] {
  const registration = getRegistration(app, registrationId);
  const ids = (xs: number[]) => xs.map(String);
  const owners = [
    { entity: 'marriageRegistration', ids: [String(registration.id)] },
    { entity: 'divorceApplication', ids: ids(divorceIdsOf(app.db, registration.id)) },
    { entity: 'marriageReplacement', ids: ids(replacementsOf(app.db, registration.id).map((r) => r.id)) },
  ];
  const numbers = numbersDrawnFor(app.db, owners);
  const names = new Map<number, string | null>();
  const displayName = (userId: number | null): string | null => {
    if (userId === null) return null;
    if (!names.has(userId)) names.set(userId, userById(app.db, userId)?.display_name ?? null);
    return names.get(userId)!;
  };
  return auditEntriesFor(app.db, [
    ...owners,
    { entity: 'marriageCorrection', ids: ids(correctionIdsOf(app.db, registration.id)) },
    { entity: 'number', ids: numbers },
  ]).map((e) => ({
    id: e.id,
    at: e.at,
    username: e.username,
    displayName: displayName(e.user_id),
    action: e.action,
    entity: e.entity,
    entityId: e.entity_id,
    before: parse(e.before),
    after: parse(e.after),
    detail: e.detail,
  }));
}
