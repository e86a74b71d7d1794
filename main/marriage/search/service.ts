import type { AppContext } from '../../core/app';
import { recordAudit } from '../../core/audit/service';
import type { FileOutput } from '../../core/contract/fields';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { localTodayIso } from '../../core/idnumber/dates';
import { documentTypeLabels } from '../../core/idnumber/otherDocuments';
import { normalizeDocumentNumber } from '../../core/idnumber/normalize';
import type { RegistrationView } from '../contract';
import { registrationViews } from '../service';
import {
  EXPORT_LIMIT,
  SEARCH_LIMIT,
  registrationSourceLabels,
  registrationStatusLabels,
  type RegistrationSearch,
} from './contract';
import {
  idsByCertificate,
  idsByDocument,
  idsByFilters,
  idsByNameTokens,
  idsByStatusThenName,
  idsWithStatus,
  partyNames,
  type SearchFilters,
} from './data';
import { showsFullDocumentNumber } from './masking';
import { nameLetters, searchKeyRange } from './names';
import { exactLookup, ftsQuery, readSearchText } from './query';
import { CSV_MIME, XLSX_MIME, tableToCsv, tableToXlsx, type Cell } from './tableFile';

type SearchInput = Omit<RegistrationSearch, 'query'> & { query?: string | undefined };

// Long queries are looked up by their 3-character pieces and confirmed against the names; this
// many candidates per wanted result are read for that (pieces of one name rarely meet in another).
const CONFIRM_FACTOR = 10;
// With a status filter, this many name matches are checked for the status first; a status that
// few of them have (dissolved marriages in a young register) is then searched from the other end.
const STATUS_BUDGET = 1000;

type NameSearch = { kind: 'letters' | 'name'; letters: string };

/** Keeps the registrations whose names really contain the query (long queries only), in order. */
function confirmed(app: AppContext, search: NameSearch, ids: number[]): number[] {
  if (exactLookup(search)) return ids;
  const found = new Set<number>();
  for (const p of partyNames(app.db, ids)) {
    const inName = nameLetters(p.name).includes(search.letters);
    const inInitials = search.kind === 'letters' && p.name_initials.split(' ').some((i) => i.includes(search.letters));
    if (inName || inInitials) found.add(p.registration_id);
  }
  return ids.filter((id) => found.has(id));
}

function byName(app: AppContext, search: NameSearch, f: SearchFilters, limit: number): number[] {
  const range = searchKeyRange(f.from, f.to);
  const match = ftsQuery(search);
  const factor = exactLookup(search) ? 1 : CONFIRM_FACTOR;
  if (!f.status) return confirmed(app, search, idsByNameTokens(app.db, match, range, f.source, limit * factor)).slice(0, limit);
  const candidates = idsByNameTokens(app.db, match, range, f.source, STATUS_BUDGET);
  const ofStatus = idsWithStatus(app.db, candidates, f.status);
  const found = confirmed(
    app,
    search,
    candidates.filter((id) => ofStatus.has(id)),
  );
  if (found.length >= limit || candidates.length < STATUS_BUDGET) return found.slice(0, limit);
  const status = f.status;
  return confirmed(app, search, idsByStatusThenName(app.db, match, { ...f, status }, limit * factor)).slice(0, limit);
}

/**
 * The registrations a search finds, newest registration date first. The text is read as a
 * certificate number, a document number, pinyin initials or (part of) a name (search/query.ts);
 * any text is also tried as a certificate number exactly as typed, for legacy archive numbers.
 */
export function findRegistrationIds(app: AppContext, input: SearchInput, limit: number): number[] {
  const f: SearchFilters = { from: input.from, to: input.to, status: input.status, source: input.source };
  const text = input.query?.trim() ?? '';
  if (text === '') return idsByFilters(app.db, f, limit);
  const search = readSearchText(text);
  const asCertificate = idsByCertificate(app.db, [text, normalizeDocumentNumber(text)], f);
  let found: number[] = [];
  if (search.kind === 'document') found = idsByDocument(app.db, search.number, f);
  else if (search.kind === 'letters' || search.kind === 'name') found = byName(app, search, f, limit);
  return [...new Set([...asCertificate, ...found])].slice(0, limit);
}

/** `marriage.search`: at most 50 results, document numbers masked (a list, search/masking.ts). */
export function searchRegistrations(ctx: HandlerContext, input: SearchInput): RegistrationView[] {
  const ids = findRegistrationIds(ctx.app, input, SEARCH_LIMIT);
  return registrationViews(ctx.app, ids, !showsFullDocumentNumber(ctx.permissions, 'list'));
}

// ── Export ──────────────────────────────────────────────────────────────────────────────────────

const exportHeaders = [
  '结婚证字号',
  '登记日期',
  '状态',
  '来源',
  '男方姓名',
  '男方证件类型',
  '男方证件号码',
  '男方出生日期',
  '女方姓名',
  '女方证件类型',
  '女方证件号码',
  '女方出生日期',
  '登记机关区划代码',
] as const;

function exportRow(r: RegistrationView): Cell[] {
  const party = (i: 0 | 1): Cell[] => {
    const p = r.parties[i];
    return [p.name, documentTypeLabels[p.documentType], p.documentNumber ?? '（无）', p.birthDate];
  };
  return [
    r.certificateNumber,
    r.registrationDate,
    registrationStatusLabels[r.status],
    registrationSourceLabels[r.source],
    ...party(0),
    ...party(1),
    r.divisionCode,
  ];
}

function describeSearch(input: SearchInput): string {
  const parts: string[] = [];
  if (input.query) parts.push(`查找“${input.query}”`);
  if (input.from || input.to) parts.push(`登记日期 ${input.from ?? '…'} 至 ${input.to ?? '…'}`);
  if (input.status) parts.push(`状态：${registrationStatusLabels[input.status]}`);
  if (input.source) parts.push(`来源：${registrationSourceLabels[input.source]}`);
  return parts.join('，');
}

const stamp = (d: Date): string => {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
};

/**
 * Exports the search results (at most 10,000) as XLSX or CSV. Document numbers are masked unless
 * a 婚姻登记负责人 asks for them in full (search/masking.ts); a clerk asking is refused, not
 * silently given masked numbers, so nobody believes they hold a full list when they do not.
 */
export async function exportSearchResults(
  ctx: HandlerContext,
  input: SearchInput & { format: 'xlsx' | 'csv'; fullDocumentNumbers: boolean },
): Promise<FileOutput> {
  const { app, actor } = ctx;
  const full = showsFullDocumentNumber(ctx.permissions, 'export', input.fullDocumentNumbers);
  if (input.fullDocumentNumbers && !full) {
    throw new ServiceError(
      'FORBIDDEN',
      '导出完整证件号码须由婚姻登记负责人操作；婚姻登记员导出的证件号码一律脱敏',
      'fullDocumentNumbers',
    );
  }
  const ids = findRegistrationIds(app, input, EXPORT_LIMIT);
  if (ids.length === 0) throw new ServiceError('NOT_FOUND', '没有符合条件的婚姻登记记录，无需导出');
  const rows = registrationViews(app, ids, !full).map(exportRow);
  const now = app.clock.now();
  const base = `婚姻登记查找结果-${stamp(now)}`;
  const bytes =
    input.format === 'xlsx'
      ? await tableToXlsx('查找结果', exportHeaders, rows, { widths: [24, 12, 16, 14, 10, 16, 22, 12, 10, 16, 22, 12, 16] })
      : tableToCsv(exportHeaders, rows);
  writeTransaction(app.db, () =>
    recordAudit(app.db, app.clock, actor, {
      action: 'export',
      entity: 'marriageRegistration',
      detail: `导出婚姻登记查找结果 ${ids.length} 条（${input.format.toUpperCase()}，证件号码${full ? '完整' : '脱敏'}）：${describeSearch(input)}；导出日 ${localTodayIso(now)}`,
    }),
  );
  return {
    fileName: `${base}.${input.format}`,
    mimeType: input.format === 'xlsx' ? XLSX_MIME : CSV_MIME,
    base64: bytes.toString('base64'),
    byteLength: bytes.length,
  };
}
