import type { FileOutput } from '../../core/contract/fields';
import { CSV_MIME, XLSX_MIME, tableToCsv, tableToXlsx } from '../search/tableFile';
import { ARCHIVE_MAX_ROWS, archiveColumns } from './contract';

// The import template: the header row only (an example row left in by mistake would be imported),
// required columns marked “*”; the XLSX adds a sheet of notes with an example for every column.

const headers = archiveColumns.map((c) => (c.required ? `${c.header}*` : c.header));

const notes = [
  '历史婚姻档案导入模板（第一个工作表为数据，第 1 行为表头，数据从第 2 行起；本说明页不会被导入）',
  '带 * 的列必须填写；其余列可留空。表头可省略 *，列的顺序不限，模板以外的列会被忽略并在检查结果中列出。',
  '证件号码、档号等请保持“文本”格式，否则 Excel 会把 18 位号码存成数字而丢失末几位。',
  `单个文件最多 ${ARCHIVE_MAX_ROWS} 行；导入前先“检查”，所有行无误后才能导入，任一行有误则整批不导入。`,
  '',
  ...archiveColumns.map(
    (c) => `${c.header}${c.required ? '（必填）' : ''}：${c.note || '—'}${c.example ? `。示例：${c.example}` : ''}`,
  ),
];

export async function archiveTemplate(format: 'xlsx' | 'csv'): Promise<FileOutput> {
  const bytes = format === 'xlsx' ? await tableToXlsx('档案数据', headers, [], { notes }) : tableToCsv(headers, []);
  return {
    fileName: `历史婚姻档案导入模板.${format}`,
    mimeType: format === 'xlsx' ? XLSX_MIME : CSV_MIME,
    base64: bytes.toString('base64'),
    byteLength: bytes.length,
  };
}
