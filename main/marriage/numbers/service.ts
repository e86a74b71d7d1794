import { recordAudit } from '../../core/audit/service';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { userById } from '../../core/auth/data';
import { allocateNumber, numbersOf, seriesState, setStartingSerial, voidNumber } from '../../core/numbering/service';
import { getSettings } from '../../core/settings/service';
import { replaceCertificateNumber } from '../data';
import { getRegistration, marriageSeries } from '../service';
import { replacementById } from '../amendments/data';
import { divorceById } from '../divorce/data';
import { certificateKindLabels, certificateKinds, type SeriesStateView, type VoidedNumberView } from './contract';

type Kind = (typeof certificateKinds)[number];

const seriesOf = (kind: Kind, divisionCode: string, year: number) => ({ series: `${kind}${divisionCode}-${year}`, width: 6 });

/**
 * A spoiled marriage-certificate print: the number on the spoiled booklet is voided with its reason
 * and stays on record; the registration takes the next number, drawn in the same transaction.
 */
export function respoilCertificate(
  ctx: HandlerContext,
  registrationId: number,
  reason: string,
): { voided: string; certificateNumber: string } {
  const { app, actor } = ctx;
  return writeTransaction(app.db, () => {
    const r = getRegistration(app, registrationId);
    if (r.status !== 'registered') throw new ServiceError('RULE_VIOLATION', '该婚姻已解除，不能重新打印结婚证');
    if (r.source === 'archive') {
      throw new ServiceError(
        'RULE_VIOLATION',
        `${r.certificateNumber} 是历史档案记录，其字号不由本系统分配，不能作废重打；当事人需要结婚证的，请办理补领（BJ）`,
      );
    }
    voidNumber(app.db, app.clock, actor, r.certificateNumber, reason);
    const today = app.clock.now();
    const year = `${today.getFullYear()}`;
    const next = allocateNumber(app.db, app.clock, actor, marriageSeries(r.divisionCode, `${year}-01-01`), {
      entity: 'marriageRegistration',
      entityId: r.id,
    });
    replaceCertificateNumber(app.db, r.id, next, today.toISOString());
    recordAudit(app.db, app.clock, actor, {
      action: 'update',
      entity: 'marriageRegistration',
      entityId: r.id,
      before: { certificateNumber: r.certificateNumber },
      after: { certificateNumber: next },
      detail: `结婚证打印作废重打：${reason}`,
    });
    return { voided: r.certificateNumber, certificateNumber: next };
  });
}

/** The marriage record behind a number's owner, so the list can open it. */
function registrationOf(ctx: HandlerContext, entity: string, entityId: string): number | null {
  const id = Number(entityId);
  if (entity === 'marriageRegistration') return id;
  if (entity === 'marriageReplacement') return replacementById(ctx.app.db, id)?.registration_id ?? null;
  if (entity === 'divorceApplication') return divorceById(ctx.app.db, id)?.marriage_id ?? null;
  return null;
}

export function voidedNumbers(ctx: HandlerContext, kind: Kind, year: number): VoidedNumberView[] {
  const division = getSettings(ctx.app.db).divisionCode;
  const names = new Map<number, string | null>();
  const nameOf = (userId: number | null): string | null => {
    if (userId === null) return null;
    if (!names.has(userId)) names.set(userId, userById(ctx.app.db, userId)?.display_name ?? null);
    return names.get(userId)!;
  };
  return numbersOf(ctx.app.db, seriesOf(kind, division, year).series, 'void').map((n) => ({
    number: n.number,
    entity: n.entity,
    entityId: n.entity_id,
    registrationId: registrationOf(ctx, n.entity, n.entity_id),
    reason: n.void_reason ?? '',
    voidedAt: n.voided_at ?? '',
    voidedBy: nameOf(n.voided_by),
    issuedAt: n.issued_at,
  }));
}

export function seriesOfYear(ctx: HandlerContext, year: number): SeriesStateView[] {
  const division = getSettings(ctx.app.db).divisionCode;
  return certificateKinds.map((kind) => {
    const spec = seriesOf(kind, division, year);
    const state = seriesState(ctx.app.db, spec);
    return {
      kind,
      kindLabel: certificateKindLabels[kind],
      series: spec.series,
      issued: state.issued,
      voided: numbersOf(ctx.app.db, spec.series, 'void').length,
      nextNumber: `${spec.series}-${String(state.nextSerial).padStart(spec.width, '0')}`,
      canSetStart: state.issued === 0,
    };
  });
}

export function setCertificateStart(
  ctx: HandlerContext,
  kind: Kind,
  year: number,
  start: number,
): { series: string; nextSerial: number } {
  const { app, actor } = ctx;
  const division = getSettings(app.db).divisionCode;
  if (division === '000000') throw new ServiceError('RULE_VIOLATION', '请先在“单位设置”中填写本登记机关的行政区划代码');
  const spec = seriesOf(kind, division, year);
  writeTransaction(app.db, () => setStartingSerial(app.db, app.clock, actor, spec, start));
  return { series: spec.series, nextSerial: start };
}
