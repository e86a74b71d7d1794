// Marriage-registration documents end to end: real PDFs from a real database, read back with
// poppler (pdftotext, pdftotext -bbox, pdfinfo, pdfimages) the way a viewer or a printer sees them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../main/core/clock';
import type { FileOutput } from '../../../../main/core/contract/fields';
import { userByName } from '../../../../main/core/auth/data';
import { loadFontSet, mm } from '../../../../main/core/pdf';
import type { Application, PartyInput, RefusalView, RegistrationView } from '../../../../main/marriage/contract';
import { PREVIEW_ORIGIN, renderCertificate } from '../../../../main/marriage/documents/certificate';
import { BOOKLET, CERTIFICATE_FIELDS } from '../../../../main/marriage/documents/layout';
import { certificatePdf, declarationsPdf, refusalNoticePdf, reviewFormPdf } from '../../../../main/marriage/documents/service';
import type { Actor } from '../../../../main/core/audit/service';
import { openTestApp, setupAdmin, USER_PASSWORD, type TestApp } from '../../../helpers/app';
import { partyInput } from '../../../helpers/marriage';

const TODAY = '2026-05-20';
const MAN = '刘䶮'; // U+4DAE, CJK Ext A
const WOMAN = '王\u{2067E}'; // 王𠙶, U+2067E, CJK Ext B (a surrogate pair)

let t: TestApp;
let actor: Actor;
let reg: RegistrationView;
let refusal: RefusalView;
let dir: string;
let n = 0;

/** A party with this file's contact defaults (the PDFs and lists show them). */
const party = (over: Partial<PartyInput> & Pick<PartyInput, 'name' | 'sex' | 'birthDate'>): PartyInput =>
  partyInput({ occupation: '教师', phone: '13800000000', address: '重庆市永川区人民大道 1 号', ...over });

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

/** Writes a FileOutput or bytes to a temp file; returns its path. */
function save(file: FileOutput | Buffer): string {
  const path = join(dir, `doc-${++n}.pdf`);
  writeFileSync(path, Buffer.isBuffer(file) ? file : Buffer.from(file.base64, 'base64'));
  return path;
}
const text = (path: string, page?: number) =>
  run('pdftotext', ['-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : []), path, '-']);
const flat = (s: string) => s.replace(/\s+/g, '');

interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
function words(path: string, page = 1): Word[] {
  const xml = run('pdftotext', ['-bbox', '-enc', 'UTF-8', '-f', String(page), '-l', String(page), path, '-']);
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    text: m[5]!,
  }));
}

/** A small solid-colour PNG, built by hand (no image library needed). */
function png(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, k) => {
    let c = k;
    for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, 0x80)]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marriage-docs-'));
  t = openTestApp({ clock: manualClock(new Date(`${TODAY}T10:00:00+08:00`)) });
  const admin = await setupAdmin(t);
  const settings = await t.must('settings.get', {}, admin);
  await t.must(
    'settings.update',
    {
      ...settings,
      officeName: '重庆市永川区民政局婚姻登记处',
      divisionCode: '500118',
      printers: [
        { name: '1号窗口', dxMm: 0, dyMm: 0 },
        { name: '2号窗口', dxMm: 2, dyMm: -1 },
      ],
      defaultPrinter: '1号窗口',
    },
    admin,
  );
  await t.must(
    'users.create',
    { username: 'clerk', displayName: '陈登记员', roles: ['marriageClerk'], password: 'Initial123' },
    admin,
  );
  const first = await t.must('auth.login', { username: 'clerk', password: 'Initial123' });
  await t.must('auth.changePassword', { currentPassword: 'Initial123', newPassword: USER_PASSWORD }, first.token);
  const clerk = (await t.must('auth.login', { username: 'clerk', password: USER_PASSWORD })).token;
  actor = { userId: userByName(t.app.db, 'clerk')!.id, username: 'clerk' };

  const application: Application = {
    registrationDate: TODAY,
    parties: [
      party({ name: MAN, sex: 'male', birthDate: '1998-03-02' }),
      party({ name: WOMAN, sex: 'female', birthDate: '2000-07-15', ethnicCode: '03' }),
    ],
  };
  reg = await t.must('marriage.register', application, clerk);
  const young: Application = {
    registrationDate: TODAY,
    parties: [
      party({ name: '赵小明', sex: 'male', birthDate: '2005-01-01' }),
      party({ name: '钱小红', sex: 'female', birthDate: '2007-01-01' }),
    ],
  };
  refusal = await t.must('marriage.refuse', young, clerk);
});
afterAll(() => {
  t.close();
  rmSync(dir, { recursive: true, force: true });
});

const LABELS = [
  '持证人',
  '登记日期',
  '结婚证字号',
  '备注',
  '姓名',
  '性别',
  '国籍',
  '出生日期',
  '身份证件号',
  '照片',
  '婚姻登记员',
  '登记机关',
];

describe('marriage certificate (结婚证)', () => {
  it('previews both booklets on A4, man first, with labels, full ID numbers and the 样本 watermark', async () => {
    const file = await certificatePdf(t.app, actor, { id: reg.id, mode: 'preview', printer: null });
    expect(file.fileName).toBe('结婚证-J500118-2026-000001-预览.pdf');
    const path = save(file);
    const info = run('pdfinfo', ['-enc', 'UTF-8', path]);
    expect(info).toMatch(/Pages:\s+2\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const all = text(path);
    // The rotated watermark's letters come out one by one; 样本 is checked, DRAFT is its companion.
    for (const s of [
      MAN,
      WOMAN,
      'J500118-2026-000001',
      '样本',
      '重庆市永川区民政局婚姻登记处',
      '500118',
      '2026年05月20日',
      '陈登记员',
    ]) {
      expect(all).toContain(s);
    }
    for (const p of reg.parties) expect(all).toContain(p.documentNumber);
    for (const l of LABELS) expect(all).toContain(l);
    // Print order: the man's booklet, then the woman's.
    expect(text(path, 1)).toContain(`持证人：${MAN}（男方）`);
    expect(text(path, 2)).toContain(`持证人：${WOMAN}（女方）`);
  });

  it('overlays only the values on a booklet-sized page: no labels, no outline text, no watermark', async () => {
    const file = await certificatePdf(t.app, actor, { id: reg.id, mode: 'overlay', printer: '1号窗口' });
    const path = save(file);
    const info = run('pdfinfo', ['-enc', 'UTF-8', path]);
    expect(info).toMatch(/Pages:\s+2\n/);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Number(w)).toBeCloseTo(mm(BOOKLET.w), 2);
    expect(Number(h)).toBeCloseTo(mm(BOOKLET.h), 2);
    const all = text(path);
    for (const s of [MAN, WOMAN, 'J500118-2026-000001', '2026年05月20日', '1998年03月02日', '中国', '陈登记员'])
      expect(all).toContain(s);
    for (const p of reg.parties) expect(all).toContain(p.documentNumber);
    for (const l of [...LABELS, '样本', 'DRAFT', '预览']) expect(all).not.toContain(l);
    expect(flat(text(path, 1)).indexOf(MAN)).toBe(0); // the man's booklet first, holder line first
    expect(flat(text(path, 2)).indexOf(WOMAN)).toBe(0);
  });

  it('shifts every overlay value by exactly the printer offset (dx 2 mm, dy −1 mm)', async () => {
    const zero = save(await certificatePdf(t.app, actor, { id: reg.id, mode: 'overlay', printer: '1号窗口' }));
    const shifted = save(await certificatePdf(t.app, actor, { id: reg.id, mode: 'overlay', printer: '2号窗口' }));
    for (const page of [1, 2]) {
      const a = words(zero, page);
      const b = words(shifted, page);
      expect(b.map((w) => w.text)).toEqual(a.map((w) => w.text));
      expect(a.length).toBeGreaterThan(8);
      a.forEach((w, i) => {
        expect(Math.abs(b[i]!.xMin - w.xMin - mm(2))).toBeLessThan(0.1);
        expect(Math.abs(b[i]!.yMin - w.yMin - mm(-1))).toBeLessThan(0.1);
      });
    }
  });

  it('places the values of preview and overlay at the same spot of the booklet (one layout table)', async () => {
    const preview = save(await certificatePdf(t.app, actor, { id: reg.id, mode: 'preview', printer: null }));
    const overlay = save(await certificatePdf(t.app, actor, { id: reg.id, mode: 'overlay', printer: '1号窗口' }));
    const ox = mm(PREVIEW_ORIGIN.x);
    const oy = mm(PREVIEW_ORIGIN.y);
    const inBooklet = (w: Word) => w.xMin >= ox && w.yMin >= oy && w.xMax <= ox + mm(BOOKLET.w) && w.yMax <= oy + mm(BOOKLET.h);
    for (const page of [1, 2]) {
      const pv = words(preview, page).filter(inBooklet);
      for (const w of words(overlay, page)) {
        const match = pv.find(
          (p) => p.text === w.text && Math.abs(p.xMin - ox - w.xMin) < 0.1 && Math.abs(p.yMin - oy - w.yMin) < 0.1,
        );
        expect(match, `${w.text} at ${w.xMin},${w.yMin}`).toBeDefined();
      }
    }
  });

  it('puts the joint photo into the photo box (preview and overlay); without one the preview shows 照片', async () => {
    const fonts = loadFontSet(resolve(__dirname, '../../../../resources/fonts'));
    const office = { officeName: '重庆市永川区民政局婚姻登记处', divisionCode: '500118' };
    const data = { registration: reg, clerkName: '陈登记员', photo: png(120, 84) };
    for (const mode of ['preview', 'overlay'] as const) {
      const path = save(await renderCertificate(fonts, data, { ...office, mode, printer: null }));
      const images = run('pdfimages', ['-list', path]).trim().split('\n').slice(2);
      expect(images).toHaveLength(2); // one per booklet
      expect(text(path)).not.toContain('照片');
    }
  });

  it('shrinks or wraps a 20-character name to stay inside its field, never cut', async () => {
    const fonts = loadFontSet(resolve(__dirname, '../../../../resources/fonts'));
    const long = '阿卜杜热合曼·买买提艾力·吐尔逊托合提买'; // 20 characters
    expect([...long]).toHaveLength(20);
    const registration = { ...reg, parties: [{ ...reg.parties[0], name: long }, reg.parties[1]] as RegistrationView['parties'] };
    const path = save(
      await renderCertificate(
        fonts,
        { registration, clerkName: '陈登记员' },
        { officeName: 'x', divisionCode: '500118', mode: 'overlay', printer: null },
      ),
    );
    expect(flat(text(path, 1))).toContain(long);
    const page = words(path, 1);
    for (const key of ['holder', 'name0']) {
      const f = CERTIFICATE_FIELDS.find((x) => x.key === key)!;
      const box = { x0: mm(f.box.x), y0: mm(f.box.y), x1: mm(f.box.x + f.box.w), y1: mm(f.box.y + f.box.h) };
      const inside = page.filter(
        (w) => w.xMin >= box.x0 - 0.5 && w.xMax <= box.x1 + 0.5 && w.yMin >= box.y0 - 1 && w.yMax <= box.y1 + 1,
      );
      expect(flat(inside.map((w) => w.text).join('')), key).toBe(long);
    }
  });

  it('uses a named printer only when it is registered', async () => {
    await expect(certificatePdf(t.app, actor, { id: reg.id, mode: 'overlay', printer: '不存在' })).rejects.toThrow(
      '未登记名为“不存在”的打印机',
    );
  });
});

describe('review form, declarations and refusal notice', () => {
  it('结婚登记审查处理表 has both parties, the checks and their results, and the signature lines', async () => {
    const file = await reviewFormPdf(t.app, actor, reg.id);
    const path = save(file);
    expect(run('pdfinfo', [path])).toMatch(/Pages:\s+1\n/);
    const all = flat(text(path));
    for (const s of [
      '结婚登记审查处理表',
      '重庆市永川区民政局婚姻登记处',
      '行政区划代码500118',
      MAN,
      WOMAN,
      reg.parties[0].documentNumber,
      reg.parties[1].documentNumber,
      'J500118-2026-000001',
      '法定婚龄',
      '男方28周岁，女方25周岁，符合',
      '双方均未列入',
      '回族',
      '准予登记，发给结婚证',
      '当事人签名（男方）',
      '当事人签名（女方）',
      '登记员',
      '审批人',
      '陈登记员',
    ]) {
      expect(all).toContain(s);
    }
  });

  it('申请结婚登记声明书: one page per party with the standard wording and the 监誓人 line', async () => {
    const path = save(await declarationsPdf(t.app, actor, reg.id));
    expect(run('pdfinfo', [path])).toMatch(/Pages:\s+2\n/);
    const [p1, p2] = [flat(text(path, 1)), flat(text(path, 2))];
    for (const [page, self, other] of [
      [p1, reg.parties[0], reg.parties[1]],
      [p2, reg.parties[1], reg.parties[0]],
    ] as const) {
      expect(page).toContain(`本人${self.name}与${other.name}`);
      expect(page).toContain(self.documentNumber);
      for (const s of [
        '本人无配偶',
        '与对方无直系血亲和三代以内旁系血亲关系',
        '如实告知对方本人患有的重大疾病情况',
        '如有虚假，愿承担法律责任',
        '监誓人',
        '陈登记员',
        '2026年05月20日',
      ]) {
        expect(page).toContain(s);
      }
    }
  });

  it('不予办理结婚登记通知单 lists every reason and states the 60-day / 6-month remedies', async () => {
    expect(refusal.reasons.length).toBeGreaterThanOrEqual(2);
    const file = await refusalNoticePdf(t.app, actor, refusal.id);
    const all = flat(text(save(file)));
    expect(all).toContain('不予办理结婚登记通知单');
    expect(all).toContain('赵小明、钱小红');
    refusal.reasons.forEach((r, i) => expect(all).toContain(`${i + 1}．${flat(r.message)}`));
    for (const s of [
      '六十日内',
      '《中华人民共和国行政复议法》第二十条',
      '申请行政复议',
      '六个月内',
      '《中华人民共和国行政诉讼法》第四十六条',
      '提起行政诉讼',
      '重庆市永川区民政局婚姻登记处',
      '行政区划代码500118',
      '陈登记员',
      '（盖章）',
    ]) {
      expect(all).toContain(s);
    }
  });

  it('writes an audit entry for every print', async () => {
    const before = (t.app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'print'").get() as { n: number }).n;
    await certificatePdf(t.app, actor, { id: reg.id, mode: 'overlay', printer: '2号窗口' });
    await refusalNoticePdf(t.app, actor, refusal.id);
    const rows = t.app.db
      .prepare("SELECT username, entity, entity_id, detail FROM audit_log WHERE action = 'print' ORDER BY id DESC LIMIT 2")
      .all() as { username: string; entity: string; entity_id: string; detail: string }[];
    expect((t.app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'print'").get() as { n: number }).n).toBe(
      before + 2,
    );
    expect(rows[1]).toMatchObject({ username: 'clerk', entity: 'marriageRegistration', entity_id: String(reg.id) });
    expect(rows[1]!.detail).toContain('套打');
    expect(rows[1]!.detail).toContain('2号窗口');
    expect(rows[0]).toMatchObject({ entity: 'marriageRefusal', entity_id: String(refusal.id) });
    expect(rows[0]!.detail).toContain('不予办理结婚登记通知单');
  });
});
