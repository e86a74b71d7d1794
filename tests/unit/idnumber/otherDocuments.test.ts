import { describe, expect, it } from 'vitest';
import {
  documentTypeLabels,
  documentTypes,
  identityDocumentSchema,
  maskDocumentNumber,
  validateDocument,
  type DocumentType,
} from '../../../main/core/idnumber/otherDocuments';
import { referenceCheckChar } from './gb11643';

const TODAY = '2026-05-20';
const SAMPLE_ID = '11010519491231002X';
const withCheck = (first17: string) => first17 + referenceCheckChar(first17);

const accepts = (type: DocumentType, raw: string) => {
  const r = validateDocument(type, raw, TODAY);
  expect(r.ok, `${type} ${raw}: ${r.ok ? '' : r.message}`).toBe(true);
  return r.ok ? r.value : undefined;
};

function rejects(type: DocumentType, raw: string, code: string, ...fragments: string[]) {
  const r = validateDocument(type, raw, TODAY);
  expect(r.ok, `${type} ${raw}`).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  for (const f of fragments) expect(r.message).toContain(f);
}

describe('document types', () => {
  it('have Chinese labels', () => {
    expect(documentTypes.map((t) => documentTypeLabels[t])).toEqual([
      '居民身份证',
      '护照',
      '港澳居民来往内地通行证',
      '台湾居民来往大陆通行证',
      '外国人永久居留身份证',
      '港澳台居民居住证',
    ]);
  });

  it('every type refuses empty input naming the document', () => {
    for (const type of documentTypes) rejects(type, '  ', 'EMPTY', `请填写${documentTypeLabels[type]}号码`);
  });
});

describe('居民身份证', () => {
  it('delegates to the resident ID parser, with birth date, sex and the 15-digit notice', () => {
    expect(accepts('residentId', '11010519491231002x')).toEqual({
      type: 'residentId',
      number: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(accepts('residentId', '110105491231002')).toMatchObject({ number: '11010519491231002X', notice: expect.any(String) });
    rejects('residentId', '110105194912310021', 'CHECK_CHAR', '校验位应为 X');
  });
});

describe('护照', () => {
  it('accepts Chinese and foreign passport numbers, normalised', () => {
    expect(accepts('passport', 'E12345678')?.number).toBe('E12345678');
    expect(accepts('passport', 'ea1234567')?.number).toBe('EA1234567');
    expect(accepts('passport', ' 5 4 3 2 1 0 9 8 7 ')?.number).toBe('543210987'); // US-style 9 digits
    expect(accepts('passport', 'ＴＲ１２３４５６７')?.number).toBe('TR1234567');
  });

  it('refuses other characters and implausible lengths', () => {
    rejects('passport', 'E1234-5678', 'INVALID_CHARACTER', '第 6 位“-”');
    rejects('passport', 'E123', 'LENGTH', '当前输入了 4 位');
    rejects('passport', 'E'.repeat(21), 'LENGTH', '当前输入了 21 位');
  });
});

describe('港澳居民来往内地通行证', () => {
  it('accepts H/M + 8 digits (current card)', () => {
    expect(accepts('hkMacaoPermit', 'h12345678')?.number).toBe('H12345678');
    expect(accepts('hkMacaoPermit', 'M87654321')?.number).toBe('M87654321');
  });

  it('accepts H/M + 10 digits (1999 card) and explains the renewal count', () => {
    expect(accepts('hkMacaoPermit', 'H1234567801')?.notice).toContain('换证次数');
  });

  it('accepts HA/MA + 7 digits (2024 permit for non-Chinese nationals)', () => {
    expect(accepts('hkMacaoPermit', 'HA1234567')?.number).toBe('HA1234567');
    expect(accepts('hkMacaoPermit', 'MA1234567')?.number).toBe('MA1234567');
  });

  it('refuses other shapes with a message that lists the accepted ones', () => {
    rejects('hkMacaoPermit', 'H1234567', 'FORMAT', 'H 或 M 加 8 位数字', '当前输入了 8 位');
    rejects('hkMacaoPermit', 'H123456789', 'FORMAT', '当前输入了 10 位');
    rejects('hkMacaoPermit', 'X12345678', 'FORMAT', '应以 H（香港）或 M（澳门）开头');
    rejects('hkMacaoPermit', 'C12345678', 'FORMAT', '内地居民往来港澳通行证');
    rejects('hkMacaoPermit', 'A123456(7)', 'FORMAT', '香港身份证');
    rejects('hkMacaoPermit', 'H1234567８!', 'INVALID_CHARACTER', '“!”');
  });
});

describe('台湾居民来往大陆通行证', () => {
  it('accepts the 8-digit lifelong number', () => {
    expect(accepts('taiwanPermit', '01234567')).toEqual({ type: 'taiwanPermit', number: '01234567' });
  });

  it('accepts old 10-digit numbers, with or without the bracketed office code (full-width brackets too)', () => {
    expect(accepts('taiwanPermit', '0123456701')?.notice).toContain('01234567');
    expect(accepts('taiwanPermit', '0123456701(B)')?.number).toBe('0123456701(B)');
    expect(accepts('taiwanPermit', '0123456701（b）')?.number).toBe('0123456701(B)');
    expect(accepts('taiwanPermit', '0123456701(3)')?.number).toBe('0123456701(3)');
  });

  it('refuses other shapes, and recognises a Taiwan ID card number typed by mistake', () => {
    rejects('taiwanPermit', '1234567', 'FORMAT', '8 位数字', '当前输入了 7 位');
    rejects('taiwanPermit', '123456789', 'FORMAT', '当前输入了 9 位');
    rejects('taiwanPermit', '0123456701(BB)', 'FORMAT');
    rejects('taiwanPermit', 'A123456789', 'FORMAT', '台湾地区身份证号码');
    rejects('taiwanPermit', '01234567-01', 'INVALID_CHARACTER', '“-”');
  });
});

describe('外国人永久居留身份证', () => {
  it('accepts the 18-digit version starting with 9 when the check character is right', () => {
    const id = withCheck('91184019850307123');
    expect(accepts('foreignPermanentResidence', id)?.number).toBe(id);
  });

  it('refuses a wrong check character on the 18-digit version, saying which was expected', () => {
    const id = withCheck('91184019850307123');
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    rejects('foreignPermanentResidence', wrong, 'CHECK_CHAR', `校验位应为 ${id[17]}`);
  });

  it('refuses an 18-digit number that does not start with 9', () => {
    rejects('foreignPermanentResidence', '11010519491231002X', 'FORMAT', '以 9 开头');
  });

  it('accepts the 15-character 2004/2017 version: 3 letters and 12 digits', () => {
    expect(accepts('foreignPermanentResidence', 'usa110085030712')?.number).toBe('USA110085030712');
  });

  it('refuses other shapes', () => {
    rejects('foreignPermanentResidence', 'US1100850307123', 'FORMAT', '3 位国籍字母代码加 12 位数字');
    rejects('foreignPermanentResidence', '91184019850307123A', 'FORMAT', '18 位数字');
    rejects('foreignPermanentResidence', 'USA11008503071', 'FORMAT', '当前输入了 14 位');
    rejects('foreignPermanentResidence', 'USA-11008503071', 'INVALID_CHARACTER');
  });
});

describe('港澳台居民居住证', () => {
  it('accepts 810000 / 820000 / 830000 numbers and reads birth date and sex', () => {
    expect(accepts('residencePermit', withCheck('81000019900101001'))).toMatchObject({
      birthDate: '1990-01-01',
      sex: 'male',
    });
    expect(accepts('residencePermit', withCheck('82000019900101002'))?.sex).toBe('female');
    expect(accepts('residencePermit', withCheck('83000019900101003'))?.birthDate).toBe('1990-01-01');
    expect(accepts('residencePermit', withCheck('83000019900101003').toLowerCase())?.number).toBe(withCheck('83000019900101003'));
  });

  it('refuses other area codes, lengths, bad dates and check characters with precise messages', () => {
    rejects('residencePermit', SAMPLE_ID, 'AREA_CODE', '810000（香港）');
    rejects('residencePermit', withCheck('81010019900101001'), 'AREA_CODE');
    rejects('residencePermit', '8100001990010100', 'LENGTH', '当前输入了 16 位');
    rejects('residencePermit', withCheck('81000019900230001'), 'BIRTH_DATE_INVALID', '居住证号码', '2 月只有 28 天');
    rejects('residencePermit', withCheck('81000020990101001'), 'BIRTH_DATE_FUTURE');
    const id = withCheck('81000019900101001');
    rejects('residencePermit', id.slice(0, 17) + (id[17] === '0' ? '1' : '0'), 'CHECK_CHAR', `校验位应为 ${id[17]}`);
    rejects('residencePermit', '81000019900101001A', 'INVALID_CHARACTER', '“A”');
  });
});

describe('maskDocumentNumber', () => {
  it('masks resident-ID-shaped numbers as 6 + 4', () => {
    expect(maskDocumentNumber('residentId', '500118199003071234')).toBe('500118********1234');
    expect(maskDocumentNumber('residencePermit', '810000199001010011')).toBe('810000********0011');
    expect(maskDocumentNumber('foreignPermanentResidence', '911840198503071234')).toBe('911840********1234');
  });

  it('keeps the first and last two characters of shorter numbers', () => {
    expect(maskDocumentNumber('passport', 'E12345678')).toBe('E1*****78');
    expect(maskDocumentNumber('hkMacaoPermit', 'h12345678')).toBe('H1*****78');
    expect(maskDocumentNumber('taiwanPermit', '01234567')).toBe('01****67');
    expect(maskDocumentNumber('foreignPermanentResidence', 'USA110085030712')).toBe('US***********12');
    expect(maskDocumentNumber('passport', 'AB1')).toBe('***');
  });
});

describe('identityDocumentSchema', () => {
  it('normalises the number for its type', () => {
    expect(identityDocumentSchema.parse({ type: 'hkMacaoPermit', number: ' ｈ１２３４５６７８ ' })).toEqual({
      type: 'hkMacaoPermit',
      number: 'H12345678',
    });
  });

  it('reports a bad number on the number field with the Chinese message', () => {
    const r = identityDocumentSchema.safeParse({ type: 'residentId', number: '110105194912310021' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['number'], message: expect.stringContaining('校验位应为 X') });
  });

  it('refuses an unknown document type', () => {
    expect(identityDocumentSchema.safeParse({ type: 'drivingLicence', number: '123456' }).success).toBe(false);
  });
});
