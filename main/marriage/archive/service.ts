import { createHash } from 'node:crypto';
import { recordAudit, type Actor } from '../../core/audit/service';
import { userById } from '../../core/auth/data';
import type { Clock } from '../../core/clock';
import { isForeignCountry } from '../../core/codes/nationalities';
import { writeTransaction, type Db } from '../../core/db/connection';
import { localTodayIso } from '../../core/idnumber/dates';
import { seriesState } from '../../core/numbering/service';
import { getSettings } from '../../core/settings/service';
import type { Progress } from '../../core/jobs/registry';
import { nextRegistrationId } from '../data';
import { indexNewRegistration } from '../search/indexing';
import { storedInitials } from '../search/names';
import { CERTIFICATE_NUMBER } from '../search/query';
import {
  ARCHIVE_MAX_BYTES,
  ARCHIVE_MAX_PROBLEMS,
  ARCHIVE_MAX_ROWS,
  type ArchiveBatchView,
  type ArchiveFile,
  type ArchiveImportResult,
  type ArchiveProblem,
  type ArchiveRecordView,
  type ArchiveReport,
} from './contract';
import {
  archiveRecordOf,
  batchById,
  batchBySha256,
  batchRegistrationRange,
  certificateHolder,
  insertArchiveParty,
  insertArchiveRecord,
  insertArchiveRegistration,
  insertBatch,
  listBatches,
  type BatchRow,
} from './data';
import { UnreadableFile, readArchiveFile } from './parse';
import { validateArchiveSheet, type ArchiveLookups, type ArchiveParty, type ArchiveRecord } from './validate';

// The archive import, run on a worker thread with the worker's own connection (jobs/registry.ts):
// read the file, validate every row against the register, and — for a real import — write every
// record in ONE write transaction with an audit entry each, or nothing at all.

const userName = (db: Db, id: number): string => {
  const u = userById(db, id);
  return u ? `${u.display_name}（${u.username}）` : `用户 ${id}`;
};

function batchView(db: Db, b: BatchRow): ArchiveBatchView {
  const range = batchRegistrationRange(db, b.id);
  return {
    id: b.id,
    fileName: b.file_name,
    format: b.file_format,
    rowCount: b.row_count,
    importedBy: userName(db, b.imported_by),
    importedAt: b.imported_at,
    firstRegistrationId: range.min,
    lastRegistrationId: range.max,
  };
}

export const archiveBatches = (db: Db): ArchiveBatchView[] => listBatches(db).map((b) => batchView(db, b));

export function archiveRecord(db: Db, registrationId: number): ArchiveRecordView | null {
  const r = archiveRecordOf(db, registrationId);
  if (!r) return null;
  const b = batchById(db, r.batch_id)!;
  return {
    registrationId: r.registration_id,
    batchId: r.batch_id,
    fileName: b.file_name,
    rowNumber: r.row_number,
    registryName: r.registry_name,
    archiveNumber: r.archive_number,
    remarks: r.remarks,
    importedBy: userName(db, b.imported_by),
    importedAt: b.imported_at,
  };
}

function lookups(db: Db, today: string): ArchiveLookups {
  const year = Number(today.slice(0, 4));
  return {
    today,
    divisionCode: getSettings(db).divisionCode,
    certificateHolder: (n) => certificateHolder(db, n),
    // A number of this system's own format in a series it has used, or of this year or later,
    // would collide with a certificate the counter issues later: an archive record may not take it.
    inIssuingSeries: (n) => {
      if (!CERTIFICATE_NUMBER.test(n)) return false;
      const series = n.slice(0, n.lastIndexOf('-'));
      if (Number(series.slice(-4)) >= year) return true;
      const state = seriesState(db, { series, width: 6 });
      return state.issued > 0 || state.nextSerial > 1;
    },
  };
}

interface Analysis {
  report: ArchiveReport;
  records: ArchiveRecord[];
}

function report(
  file: ArchiveFile,
  base: { format: 'csv' | 'xlsx'; sha256: string; rows: number; validRows: number; ignoredColumns: string[] },
  problems: ArchiveProblem[],
): ArchiveReport {
  const sorted = [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    fileName: file.fileName,
    ...base,
    problemCount: problems.length,
    problems: sorted.slice(0, ARCHIVE_MAX_PROBLEMS),
    canImport: problems.length === 0 && base.validRows > 0,
  };
}

const formatOfName = (name: string): 'csv' | 'xlsx' => (/\.xlsx$/i.test(name) ? 'xlsx' : 'csv');

/** Reads and validates the whole file; writes nothing. */
export async function analyzeArchiveFile(db: Db, file: ArchiveFile, today: string, progress: Progress): Promise<Analysis> {
  const bytes = Buffer.from(file.base64, 'base64');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fileProblem = (problem: string, format = formatOfName(file.fileName)): Analysis => ({
    report: report(file, { format, sha256, rows: 0, validRows: 0, ignoredColumns: [] }, [{ row: null, column: null, problem }]),
    records: [],
  });
  if (bytes.length > ARCHIVE_MAX_BYTES) {
    return fileProblem(`文件过大：单个文件不超过 ${ARCHIVE_MAX_BYTES / 1024 / 1024} MB，请分批导入`);
  }
  const earlier = batchBySha256(db, sha256);
  if (earlier) {
    return fileProblem(
      `该文件已于 ${earlier.imported_at.slice(0, 10)} 由 ${userName(db, earlier.imported_by)}导入（第 ${earlier.id} 批，共 ${earlier.row_count} 条），不能重复导入`,
    );
  }
  progress(0, 1, '正在读取文件…');
  let sheet;
  try {
    sheet = await readArchiveFile(bytes);
  } catch (e) {
    if (e instanceof UnreadableFile) return fileProblem(e.message);
    throw e;
  }
  const filled = sheet.rows.filter((r) => r.cells.some((c) => c.text.trim() !== '')).length;
  if (filled > ARCHIVE_MAX_ROWS) {
    return fileProblem(`文件有 ${filled} 行数据，单个文件最多 ${ARCHIVE_MAX_ROWS} 行，请拆分后分批导入`, sheet.format);
  }
  progress(0, filled, `正在校验 ${filled} 行…`);
  const v = validateArchiveSheet(sheet, lookups(db, today));
  progress(filled, filled, '校验完成');
  const problems = [...v.problems];
  if (v.rows === 0 && problems.length === 0)
    problems.push({ row: null, column: null, problem: '文件中没有数据行（第 1 行为表头，数据从第 2 行起）' });
  return {
    report: report(
      file,
      { format: sheet.format, sha256, rows: v.rows, validRows: v.records.length, ignoredColumns: v.ignoredColumns },
      problems,
    ),
    records: v.records,
  };
}

/** 试导入: the report only. */
export async function checkArchiveFile(db: Db, clock: Clock, file: ArchiveFile, progress: Progress): Promise<ArchiveReport> {
  return (await analyzeArchiveFile(db, file, localTodayIso(clock.now()), progress)).report;
}

function partyOrigin(parties: readonly ArchiveParty[]): string {
  if (parties.some((p) => isForeignCountry(p.nationality))) return 'foreign';
  if (parties.some((p) => p.nationality === 'HKG')) return 'hongkong';
  if (parties.some((p) => p.nationality === 'MAC')) return 'macao';
  if (parties.some((p) => p.nationality === 'TWN')) return 'taiwan';
  return 'mainland';
}

class ImportRefused extends Error {
  constructor(readonly problems: ArchiveProblem[]) {
    super('import refused');
  }
}

/** Writes one record: registration, both parties, provenance, search index, audit entry. */
function writeRecord(
  db: Db,
  clock: Clock,
  actor: Actor,
  batchId: number,
  fileName: string,
  r: ArchiveRecord,
  id: number,
  at: string,
) {
  insertArchiveRegistration(db, {
    id,
    status: r.status,
    registration_date: r.registrationDate,
    certificate_number: r.certificateNumber,
    division_code: r.divisionCode,
    party_origin: partyOrigin(r.parties),
    // Where the parties' households were is not in the old registers.
    cross_province: 0,
    clerk_id: null,
    dissolved_at: r.dissolvedOn,
    created_at: at,
    updated_at: at,
    source: 'archive',
    archive_batch_id: batchId,
  });
  for (const p of r.parties) {
    insertArchiveParty(db, {
      registration_id: id,
      source: 'archive',
      sex: p.sex,
      name: p.name,
      document_type: p.documentType,
      document_number: p.documentNumber,
      birth_date: p.birthDate,
      nationality: p.nationality,
      ethnic_code: p.ethnicCode,
      prior_status: p.priorStatus,
      name_initials: storedInitials(p.name),
    });
  }
  insertArchiveRecord(db, {
    registration_id: id,
    batch_id: batchId,
    row_number: r.row,
    registry_name: r.registryName,
    archive_number: r.archiveNumber,
    remarks: r.remarks,
  });
  indexNewRegistration(db, { id, registrationDate: r.registrationDate, source: 'archive', names: r.parties.map((p) => p.name) });
  recordAudit(db, clock, actor, {
    action: 'create',
    entity: 'marriageRegistration',
    entityId: id,
    after: { id, source: 'archive', batchId, ...r },
    detail: `历史档案导入（第 ${batchId} 批，文件“${fileName}”第 ${r.row} 行）：${r.parties.map((p) => p.name).join('、')}，结婚证字号 ${r.certificateNumber}，登记日期 ${r.registrationDate}，登记机关 ${r.registryName}`,
  });
}

/**
 * 正式导入. Validates the whole file first (no lock held), then takes the write lock and writes all
 * records in one transaction; the duplicate checks run again under the lock, because a counter or
 * another import may have taken a number meanwhile. Any problem — in validation or while writing —
 * leaves the database exactly as it was, and the result says which row stopped it.
 */
export async function importArchiveFile(
  db: Db,
  clock: Clock,
  actor: Actor,
  file: ArchiveFile,
  progress: Progress,
): Promise<ArchiveImportResult> {
  if (actor.userId === null) throw new Error('an import needs the importing user');
  const importer = actor.userId;
  const { report: checked, records } = await analyzeArchiveFile(db, file, localTodayIso(clock.now()), progress);
  if (!checked.canImport) return { imported: false, report: checked };
  const writing = { row: null as number | null };
  try {
    const batchId = writeTransaction(db, () => {
      if (batchBySha256(db, checked.sha256)) {
        throw new ImportRefused([{ row: null, column: null, problem: '该文件刚刚已被导入，不能重复导入' }]);
      }
      const taken = records
        .filter((r) => certificateHolder(db, r.certificateNumber) !== undefined)
        .map((r) => ({ row: r.row, column: '结婚证字号', problem: '该字号在校验后已被其他记录占用，不能重复导入' }));
      if (taken.length > 0) throw new ImportRefused(taken);
      const at = clock.now().toISOString();
      const id = insertBatch(db, {
        file_name: file.fileName,
        file_format: checked.format,
        file_sha256: checked.sha256,
        row_count: records.length,
        imported_by: importer,
        imported_at: at,
      });
      const first = nextRegistrationId(db);
      records.forEach((r, i) => {
        writing.row = r.row;
        writeRecord(db, clock, actor, id, file.fileName, r, first + i, at);
        if (i % 200 === 0) progress(i, records.length, `已写入 ${i} / ${records.length} 条`);
      });
      writing.row = null;
      recordAudit(db, clock, actor, {
        action: 'create',
        entity: 'marriageArchiveBatch',
        entityId: id,
        after: { fileName: file.fileName, format: checked.format, sha256: checked.sha256, rows: records.length },
        detail: `导入历史婚姻档案“${file.fileName}”共 ${records.length} 条（记录编号 ${first}–${first + records.length - 1}）`,
      });
      progress(records.length, records.length, '导入完成');
      return id;
    });
    return { imported: true, batch: batchView(db, batchById(db, batchId)!), report: checked };
  } catch (e) {
    const problems =
      e instanceof ImportRefused
        ? e.problems
        : [
            {
              row: writing.row,
              column: null,
              problem: `写入${writing.row === null ? '' : `第 ${writing.row} 行`}时出错，整批未导入（已全部撤销）：${e instanceof Error ? e.message : String(e)}`,
            },
          ];
    return { imported: false, report: { ...checked, canImport: false, problemCount: problems.length, problems } };
  }
}
