import { z } from 'zod';
import { channel, needs, returns } from '../../core/contract/define';
import { isoDate, type FileOutput } from '../../core/contract/fields';

// The one search box of the marriage register, and its export. `marriage.search` itself is
// declared in ../contract.ts (older callers send only `query`); both share these fields.

export const registrationStatuses = ['registered', 'dissolved'] as const;
export const registrationStatusLabels: Record<(typeof registrationStatuses)[number], string> = {
  registered: '已登记（婚姻存续）',
  dissolved: '已解除',
};
export const registrationSources = ['counter', 'archive'] as const;
export type RegistrationSource = (typeof registrationSources)[number];
export const registrationSourceLabels: Record<RegistrationSource, string> = {
  counter: '窗口登记',
  archive: '历史档案导入',
};

/** At most this many results are returned, newest registration first; narrow the search for more. */
export const SEARCH_LIMIT = 50;
/** An export holds at most this many records. */
export const EXPORT_LIMIT = 10_000;

const searchFields = {
  query: z.string().trim().max(60).optional().describe('结婚证字号、证件号码、姓名或拼音首字母'),
  from: isoDate.optional().describe('登记日期起'),
  to: isoDate.optional().describe('登记日期止'),
  status: z.enum(registrationStatuses).optional().describe('状态'),
  source: z.enum(registrationSources).optional().describe('来源'),
};

type SearchFields = { query?: string | undefined; from?: string | undefined; to?: string | undefined } & Record<string, unknown>;
const hasCriterion = (v: SearchFields): boolean =>
  (v.query ?? '') !== '' || v.from !== undefined || v.to !== undefined || v.status !== undefined || v.source !== undefined;
const datesInOrder = (v: SearchFields): boolean => !v.from || !v.to || v.from <= v.to;

export const registrationSearchSchema = z
  .object(searchFields)
  .strict()
  .refine(hasCriterion, { message: '请输入结婚证字号、证件号码、姓名或拼音首字母，或选择筛选条件' })
  .refine(datesInOrder, { message: '登记日期起不能晚于登记日期止', path: ['to'] });
export type RegistrationSearch = z.output<typeof registrationSearchSchema>;

export const exportFormats = ['xlsx', 'csv'] as const;

export const searchExportSchema = z
  .object({
    ...searchFields,
    format: z.enum(exportFormats).describe('文件格式'),
    fullDocumentNumbers: z.boolean().default(false).describe('导出完整证件号码'),
  })
  .strict()
  .refine(hasCriterion, { message: '请输入查找内容或选择筛选条件后再导出' })
  .refine(datesInOrder, { message: '登记日期起不能晚于登记日期止', path: ['to'] });

export const marriageSearchContract = {
  'marriage.search.export': channel({
    input: searchExportSchema,
    output: returns<FileOutput>(),
    access: needs('marriage.register'),
    summary: `导出查找结果（最多 ${EXPORT_LIMIT} 条，XLSX 或 CSV）；证件号码脱敏，仅婚姻登记负责人可选择导出完整号码，导出记入审计日志`,
    mutates: true,
  }),
};
