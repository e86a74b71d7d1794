import { ethnicGroupCodeByName, ethnicGroups } from '../../core/codes/ethnicGroups';
import { nationalities } from '../../core/codes/nationalities';
import { documentTypeLabels, documentTypes, validateDocument, type DocumentType } from '../../core/idnumber/otherDocuments';
import { toHalfWidth } from '../../core/idnumber/normalize';
import { archiveColumns, type ArchiveProblem } from './contract';
import type { RawCell, RawSheet } from './parse';

// Row-by-row validation of an archive file, with the problems in Chinese as the person fixing the
// spreadsheet needs them: row number, column header, what is wrong and what would be right.

export type ArchivePriorStatus = '10' | '30' | '40' | '90';

export interface ArchiveParty {
  sex: 'male' | 'female';
  name: string;
  documentType: DocumentType;
  documentNumber: string | null;
  birthDate: string;
  ethnicCode: string | null;
  nationality: string;
  priorStatus: ArchivePriorStatus;
}

export interface ArchiveRecord {
  row: number;
  archiveNumber: string | null;
  certificateNumber: string;
  registrationDate: string;
  registryName: string;
  divisionCode: string;
  status: 'registered' | 'dissolved';
  dissolvedOn: string | null;
  remarks: string | null;
  parties: [ArchiveParty, ArchiveParty];
}

/** What validation needs to know about the database and the office. */
export interface ArchiveLookups {
  today: string;
  /** The office's own division code ('000000' when not yet set). */
  divisionCode: string;
  /** The record already holding this certificate number (any kind), if one does. */
  certificateHolder(number: string): number | undefined;
  /** True when the number is in a series this system issues (a J/L/BJ/BL series in use or this year's). */
  inIssuingSeries(number: string): boolean;
}

export interface Validated {
  records: ArchiveRecord[];
  problems: ArchiveProblem[];
  ignoredColumns: string[];
  rows: number;
}

/** Headers as people type them: spaces, a trailing * or （必填）, and a few common other names. */
const headerAliases: Record<string, string> = {
  结婚证号: '结婚证字号',
  证书字号: '结婚证字号',
  结婚证编号: '结婚证字号',
  登记时间: '登记日期',
  结婚登记日期: '登记日期',
  男方身份证号: '男方证件号码',
  男方身份证号码: '男方证件号码',
  男方公民身份号码: '男方证件号码',
  女方身份证号: '女方证件号码',
  女方身份证号码: '女方证件号码',
  女方公民身份号码: '女方证件号码',
  男方婚姻状况: '男方婚前婚姻状况',
  女方婚姻状况: '女方婚前婚姻状况',
  婚姻状态: '状态',
  登记状态: '状态',
};

export function canonicalHeader(raw: string): string {
  const h = toHalfWidth(raw)
    .replace(/\s+/gu, '')
    .replace(/[*＊]$/u, '')
    .replace(/\((必填|选填)\)$/u, '');
  return headerAliases[h] ?? h;
}

const DATE_PATTERNS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar date as written in a cell, or null when it cannot be read as one. */
export function readDate(cell: RawCell): string | null {
  const t = toHalfWidth(cell.text).replace(/\s+/gu, '');
  // A plain number in a date column: Excel's day count (1 = 1900-01-01, with its 1900 leap-year quirk).
  if (cell.kind === 'number' && /^\d{4,5}$/.test(t) && !/^(19|20)\d{2}$/.test(t)) {
    const d = new Date(Date.UTC(1899, 11, 30) + Number(t) * 86_400_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  for (const p of DATE_PATTERNS) {
    const m = p.exec(t);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
    return `${y}-${pad(mo)}-${pad(d)}`;
  }
  return null;
}

const documentTypeByLabel = new Map<string, DocumentType>([
  ...documentTypes.map((t) => [documentTypeLabels[t], t] as const),
  ...documentTypes.map((t) => [t, t] as const),
  ['身份证', 'residentId'],
  ['居民身份证号码', 'residentId'],
  ['公民身份号码', 'residentId'],
  ['回乡证', 'hkMacaoPermit'],
  ['台胞证', 'taiwanPermit'],
  ['永久居留证', 'foreignPermanentResidence'],
  ['居住证', 'residencePermit'],
]);

function nationalityCode(text: string): string | undefined {
  const t = text.trim();
  if (t === '中华人民共和国' || t === '中国大陆') return 'CHN';
  const upper = t.toUpperCase();
  return nationalities.find((n) => n.name === t || n.code === upper || n.name === `中国${t}`)?.code;
}

function ethnicCode(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{1,2}$/.test(t)) return ethnicGroups.find((g) => g.code === t.padStart(2, '0'))?.code;
  return ethnicGroupCodeByName(t);
}

// Old registers often wrote 初婚/再婚/复婚 instead of the status before the marriage: 初婚 means
// never married before; 再婚 and 复婚 say there was a marriage but not how it ended, so 未说明.
const priorStatusByText: Record<string, ArchivePriorStatus> = {
  未婚: '10',
  初婚: '10',
  离婚: '40',
  离异: '40',
  丧偶: '30',
  再婚: '90',
  复婚: '90',
  未说明: '90',
};

const statusByText: Record<string, 'registered' | 'dissolved'> = {
  已登记: 'registered',
  登记: 'registered',
  婚姻存续: 'registered',
  有效: 'registered',
  已离婚: 'dissolved',
  离婚: 'dissolved',
  已解除: 'dissolved',
  解除: 'dissolved',
};

const CERTIFICATE_MAX = 60;

/**
 * Validates every row; a row with any problem yields no record. Blank rows are skipped. File-level
 * problems (missing required columns, a repeated header) stop before the rows.
 */
export function validateArchiveSheet(sheet: RawSheet, lookups: ArchiveLookups): Validated {
  const problems: ArchiveProblem[] = [];
  const known = new Set(archiveColumns.map((c) => c.header));
  const position = new Map<string, number>();
  const ignoredColumns: string[] = [];
  sheet.headers.forEach((raw, i) => {
    const h = canonicalHeader(raw);
    if (h === '') return;
    if (!known.has(h)) ignoredColumns.push(raw);
    else if (position.has(h)) problems.push({ row: 1, column: h, problem: `表头“${h}”出现了两次，请删除重复的列` });
    else position.set(h, i);
  });
  const missing = archiveColumns.filter((c) => c.required && !position.has(c.header)).map((c) => c.header);
  if (missing.length > 0) {
    problems.push({
      row: 1,
      column: null,
      problem: `缺少必填列：${missing.join('、')}。请使用导入模板，第 1 行为表头`,
    });
  }
  const dataRows = sheet.rows.filter((r) => r.cells.some((c) => c.text.trim() !== ''));
  if (problems.length > 0) return { records: [], problems, ignoredColumns, rows: dataRows.length };

  const records: ArchiveRecord[] = [];
  const firstRowOf = new Map<string, number>();
  for (const raw of dataRows) {
    const rowProblems: ArchiveProblem[] = [];
    const cell = (h: string): RawCell => {
      const i = position.get(h);
      return i === undefined ? { text: '', kind: 'text' } : (raw.cells[i] ?? { text: '', kind: 'text' });
    };
    const value = (h: string): string => cell(h).text.trim();
    const problem = (column: string | null, text: string) => rowProblems.push({ row: raw.row, column, problem: text });
    const optional = (h: string): string | null => value(h) || null;
    const dateIn = (h: string): string | null => {
      if (value(h) === '') return null;
      const d = readDate(cell(h));
      if (!d) problem(h, `“${value(h)}”不是有效日期，请写成 YYYY-MM-DD，如 1985-06-01`);
      return d;
    };

    // 结婚证字号: kept exactly as written; unique in the file and in the register.
    const certificateNumber = value('结婚证字号');
    if (certificateNumber === '') problem('结婚证字号', '结婚证字号不能为空');
    else if ([...certificateNumber].length > CERTIFICATE_MAX)
      problem('结婚证字号', `结婚证字号过长（超过 ${CERTIFICATE_MAX} 个字）`);
    else {
      const earlier = firstRowOf.get(certificateNumber);
      if (earlier !== undefined) problem('结婚证字号', `与第 ${earlier} 行的结婚证字号重复`);
      else firstRowOf.set(certificateNumber, raw.row);
      const holder = lookups.certificateHolder(certificateNumber);
      if (holder !== undefined) problem('结婚证字号', `该字号已在婚姻登记库中（记录编号 ${holder}），不能重复导入`);
      else if (lookups.inIssuingSeries(certificateNumber)) {
        problem('结婚证字号', '该字号属于本系统正在使用的证书号段，导入会与今后发出的证书重号；请核对档案原字号');
      }
    }

    const registrationDate = value('登记日期') === '' ? null : dateIn('登记日期');
    if (value('登记日期') === '') problem('登记日期', '登记日期不能为空');
    else if (registrationDate && registrationDate > lookups.today) problem('登记日期', `登记日期 ${registrationDate} 晚于今天`);
    else if (registrationDate && registrationDate < '1900-01-01')
      problem('登记日期', `登记日期 ${registrationDate} 早于 1900 年，请核对`);

    const registryName = value('登记机关');
    if (registryName === '') problem('登记机关', '登记机关不能为空');
    else if ([...registryName].length > 100) problem('登记机关', '登记机关名称过长（超过 100 个字）');

    let divisionCode = value('登记机关区划代码');
    if (divisionCode === '') {
      divisionCode = lookups.divisionCode;
      if (divisionCode === '000000') {
        problem('登记机关区划代码', '本单位的行政区划代码尚未设置：请在此列填写，或由系统管理员先在“单位设置”中填写');
      }
    } else if (!/^\d{6}$/.test(divisionCode)) problem('登记机关区划代码', `“${divisionCode}”不是 6 位数字的行政区划代码`);

    const statusText = value('状态');
    const status = statusText === '' ? 'registered' : statusByText[statusText];
    if (!status) problem('状态', `无法识别的状态“${statusText}”，应为“已登记”或“已离婚”`);
    const dissolvedOn = dateIn('离婚日期');
    if (status === 'dissolved' && value('离婚日期') === '') problem('离婚日期', '状态为已离婚时须填写离婚日期');
    if (status === 'registered' && dissolvedOn) problem('离婚日期', '状态为已登记（婚姻存续）时不应填写离婚日期');
    if (dissolvedOn && registrationDate && dissolvedOn < registrationDate) {
      problem('离婚日期', `离婚日期 ${dissolvedOn} 早于登记日期 ${registrationDate}`);
    }
    if (dissolvedOn && dissolvedOn > lookups.today) problem('离婚日期', `离婚日期 ${dissolvedOn} 晚于今天`);

    const parties = (['male', 'female'] as const).map((sex): ArchiveParty | null => {
      const side = sex === 'male' ? '男方' : '女方';
      const col = (f: string) => `${side}${f}`;
      const name = value(col('姓名'));
      if (name === '') problem(col('姓名'), `${side}姓名不能为空`);
      else if ([...name].length > 60) problem(col('姓名'), `${side}姓名过长（超过 60 个字）`);
      else if (!/\p{L}/u.test(name)) problem(col('姓名'), `“${name}”不像是姓名`);

      const typeText = value(col('证件类型'));
      const documentType = typeText === '' ? 'residentId' : documentTypeByLabel.get(typeText);
      if (!documentType)
        problem(
          col('证件类型'),
          `无法识别的证件类型“${typeText}”，应为${documentTypes.map((t) => documentTypeLabels[t]).join('、')}之一`,
        );

      let documentNumber: string | null = null;
      let birthFromNumber: string | undefined;
      const numberCell = cell(col('证件号码'));
      const numberText = numberCell.text.trim();
      if (numberText !== '' && documentType) {
        if (numberCell.kind === 'number' && numberText.replace(/\D/g, '').length > 15) {
          problem(col('证件号码'), '证件号码被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”格式，按档案重新录入号码');
        } else {
          const doc = validateDocument(documentType, numberText, lookups.today);
          if (!doc.ok) problem(col('证件号码'), doc.message);
          else {
            documentNumber = doc.value.number;
            birthFromNumber = doc.value.birthDate;
            if (doc.value.sex && doc.value.sex !== sex) {
              problem(
                col('证件号码'),
                `证件号码所载性别为${doc.value.sex === 'male' ? '男' : '女'}，与${side}不符（男女两列是否填反？）`,
              );
            }
          }
        }
      }

      let birthDate = dateIn(col('出生日期'));
      if (value(col('出生日期')) === '') {
        if (birthFromNumber) birthDate = birthFromNumber;
        else if (numberText === '') problem(col('出生日期'), `${side}无证件号码时须填写出生日期`);
        else if (documentType && documentType !== 'residentId' && documentType !== 'residencePermit') {
          problem(col('出生日期'), `${side}的证件号码不含出生日期，须填写出生日期`);
        }
      } else if (birthDate && birthFromNumber && birthDate !== birthFromNumber) {
        problem(col('出生日期'), `出生日期 ${birthDate} 与证件号码所载 ${birthFromNumber} 不符`);
      }
      if (birthDate && registrationDate && birthDate >= registrationDate) {
        problem(col('出生日期'), `出生日期 ${birthDate} 不早于登记日期 ${registrationDate}`);
      }

      const ethnicText = value(col('民族'));
      const ethnic = ethnicText === '' ? null : (ethnicCode(ethnicText) ?? undefined);
      if (ethnic === undefined) problem(col('民族'), `无法识别的民族“${ethnicText}”，请写民族全称，如 汉族、土家族`);

      const nationalityText = value(col('国籍'));
      const nationality = nationalityText === '' ? 'CHN' : nationalityCode(nationalityText);
      if (!nationality) problem(col('国籍'), `无法识别的国籍“${nationalityText}”，请写国家名称，如 中国、日本`);

      const priorText = value(col('婚前婚姻状况'));
      const priorStatus = priorText === '' ? '90' : priorStatusByText[priorText];
      if (!priorStatus)
        problem(col('婚前婚姻状况'), `无法识别的婚姻状况“${priorText}”，应为未婚、离婚、丧偶（或初婚、再婚），未记载的留空`);

      if (!name || !documentType || !birthDate || ethnic === undefined || !nationality || !priorStatus) return null;
      return { sex, name, documentType, documentNumber, birthDate, ethnicCode: ethnic, nationality, priorStatus };
    });

    const [man, woman] = parties;
    if (man?.documentNumber && man.documentNumber === woman?.documentNumber) {
      problem('女方证件号码', '男女双方的证件号码相同');
    }
    if (rowProblems.length > 0 || !man || !woman || !registrationDate || !status || registryName === '') {
      problems.push(...rowProblems);
      continue;
    }
    records.push({
      row: raw.row,
      archiveNumber: optional('档号'),
      certificateNumber,
      registrationDate,
      registryName,
      divisionCode,
      status,
      dissolvedOn: status === 'dissolved' ? dissolvedOn : null,
      remarks: optional('备注'),
      parties: [man, woman],
    });
  }
  return { records, problems, ignoredColumns, rows: dataRows.length };
}
