import { z } from 'zod';
import { channel, needs, returns } from '../../core/contract/define';
import { recordId, type FileOutput } from '../../core/contract/fields';

// 历史婚姻档案导入: legacy registrations (paper registers 1966–2019, digitised in the MZ/T 113
// style) brought in from CSV or XLSX. A check (试导入) validates every row and writes nothing; an
// import validates again and writes all rows in one transaction or none. Both run on a worker
// thread: the call returns a job id, `jobs.get` reports progress and, at the end, the result.

/** The file's size limit. Base64 adds a third, still well inside the HTTP bridge's 64 MB. */
export const ARCHIVE_MAX_BYTES = 20 * 1024 * 1024;
/**
 * Rows per file. The import holds the write lock while it writes (about 2,000–5,000 rows a second),
 * and a counter's registration waits at most 5 s for the lock: 10,000 rows keep within that.
 */
export const ARCHIVE_MAX_ROWS = 10_000;
/** At most this many problems are listed; the count covers all. */
export const ARCHIVE_MAX_PROBLEMS = 1000;

export interface ArchiveColumn {
  header: string;
  required: boolean;
  /** How to fill it in (shown in the template's notes and on the import screen). */
  note: string;
  example: string;
}

const party = (side: '男方' | '女方', ex: { name: string; id: string; birth: string }): ArchiveColumn[] => [
  { header: `${side}姓名`, required: true, note: '与档案一致，少数民族姓名中的“·”照录', example: ex.name },
  {
    header: `${side}证件类型`,
    required: false,
    note: '居民身份证（默认）、护照、港澳居民来往内地通行证、台湾居民来往大陆通行证、外国人永久居留身份证、港澳台居民居住证',
    example: '居民身份证',
  },
  {
    header: `${side}证件号码`,
    required: false,
    note: '1985 年以前的档案可无号码，留空；15 位旧号码自动转换为 18 位；请以文本格式填写，勿让 Excel 存成数字',
    example: ex.id,
  },
  {
    header: `${side}出生日期`,
    required: false,
    note: '无证件号码时必填；有号码时可留空（取号码中的出生日期）',
    example: ex.birth,
  },
  { header: `${side}民族`, required: false, note: '如 汉族 或 汉', example: '汉族' },
  { header: `${side}国籍`, required: false, note: '默认 中国', example: '中国' },
  { header: `${side}婚前婚姻状况`, required: false, note: '未婚、离婚或丧偶；档案未记载的留空（记为“未说明”）', example: '未婚' },
];

/** The template's columns, in order. Headers are matched after removing spaces and a trailing “*”. */
export const archiveColumns: readonly ArchiveColumn[] = [
  { header: '档号', required: false, note: '档案室的档号', example: 'HY-1985-0012' },
  {
    header: '结婚证字号',
    required: true,
    note: '照录原证字号（旧格式保持原样），不得与已有记录重复',
    example: '(85)永婚字第0123号',
  },
  {
    header: '登记日期',
    required: true,
    note: 'YYYY-MM-DD，也可写 1985/6/1、1985.06.01、1985年6月1日、19850601',
    example: '1985-06-01',
  },
  { header: '登记机关', required: true, note: '档案所载登记机关名称', example: '永川县民政局' },
  { header: '登记机关区划代码', required: false, note: '6 位数字；留空取本单位的区划代码', example: '500118' },
  ...party('男方', { name: '张三丰', id: '', birth: '1960-03-02' }),
  ...party('女方', { name: '单雪梅', id: '', birth: '1962-07-15' }),
  { header: '状态', required: false, note: '已登记（默认，婚姻存续）或 已离婚', example: '已登记' },
  { header: '离婚日期', required: false, note: '状态为已离婚时必填', example: '' },
  { header: '备注', required: false, note: '', example: '' },
];

export interface ArchiveProblem {
  /** The row as numbered in the spreadsheet (the header is row 1); null for the file as a whole. */
  row: number | null;
  /** The column's header, or null when the problem is not one cell's. */
  column: string | null;
  problem: string;
}

export interface ArchiveReport {
  fileName: string;
  format: 'csv' | 'xlsx';
  sha256: string;
  /** Data rows read (blank rows are skipped). */
  rows: number;
  /** Rows without any problem. */
  validRows: number;
  problemCount: number;
  /** The first ARCHIVE_MAX_PROBLEMS problems, file-level ones first, then by row. */
  problems: ArchiveProblem[];
  /** Columns the template does not know: read past, reported so a misspelt header is noticed. */
  ignoredColumns: string[];
  /** True when every row is valid (and there is at least one): the import may go ahead. */
  canImport: boolean;
}

export interface ArchiveBatchView {
  id: number;
  fileName: string;
  format: 'csv' | 'xlsx';
  rowCount: number;
  importedBy: string;
  importedAt: string;
  firstRegistrationId: number | null;
  lastRegistrationId: number | null;
}

export type ArchiveImportResult =
  { imported: true; batch: ArchiveBatchView; report: ArchiveReport } | { imported: false; report: ArchiveReport };

/** Provenance of an imported registration, for its record page. */
export interface ArchiveRecordView {
  registrationId: number;
  batchId: number;
  fileName: string;
  rowNumber: number;
  registryName: string;
  archiveNumber: string | null;
  remarks: string | null;
  importedBy: string;
  importedAt: string;
}

export const archiveFileSchema = z
  .object({
    fileName: z.string().trim().min(1).max(255).describe('文件名'),
    base64: z
      .string()
      .min(1)
      .max(Math.ceil((ARCHIVE_MAX_BYTES * 4) / 3) + 4, {
        message: `文件过大：单个文件不超过 ${ARCHIVE_MAX_BYTES / 1024 / 1024} MB，请分批导入`,
      })
      .describe('文件内容'),
  })
  .strict();
export type ArchiveFile = z.infer<typeof archiveFileSchema>;

export const marriageArchiveContract = {
  'marriage.archive.template': channel({
    input: z.object({ format: z.enum(['xlsx', 'csv']).describe('文件格式') }).strict(),
    output: returns<FileOutput>(),
    access: needs('marriage.supervise'),
    summary: '下载历史婚姻档案导入模板（XLSX 含填写说明，或 CSV）',
    mutates: false,
  }),
  'marriage.archive.check': channel({
    input: archiveFileSchema,
    output: returns<{ jobId: string }>(),
    access: needs('marriage.supervise'),
    summary: '试导入：在后台线程逐行校验档案文件（CSV/XLSX），不写入任何数据；结果（行号、列、问题）通过 jobs.get 查询',
    mutates: false,
  }),
  'marriage.archive.import': channel({
    input: archiveFileSchema,
    output: returns<{ jobId: string }>(),
    access: needs('marriage.supervise'),
    summary:
      '正式导入：在后台线程再次校验后于一个事务内写入全部记录（任一行有误则一条不写），每条记录与整批均记入审计日志；同一文件或已有字号拒绝重复导入',
    mutates: true,
  }),
  'marriage.archive.batches': channel({
    input: z.object({}).strict(),
    output: returns<ArchiveBatchView[]>(),
    access: needs('marriage.supervise'),
    summary: '历史档案导入批次（文件、条数、导入人、时间），新的在前',
    mutates: false,
  }),
  'marriage.archive.record': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<ArchiveRecordView | null>(),
    access: needs('marriage.register'),
    summary: '一条结婚登记的档案来源（导入批次、文件行号、登记机关、档号、备注）；窗口登记的记录返回 null',
    mutates: false,
  }),
};
