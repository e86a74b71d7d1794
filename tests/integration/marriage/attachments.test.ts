// The joint photo and the scanned divorce agreement against a real database, with real files:
// PNGs and GIFs made byte by byte, committed JPEGs, PDFs from pdfkit; certificates read back with
// poppler's pdfimages. Every refusal is checked for its Chinese reason and for leaving nothing behind.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../main/core/audit/service';
import { manualClock } from '../../../main/core/clock';
import type { FileOutput } from '../../../main/core/contract/fields';
import { ServiceError } from '../../../main/core/errors';
import { checkJointPhoto } from '../../../main/marriage/attachments/validate';
import { openTestApp, setupAdmin, userWithRoles, type TestApp } from '../../helpers/app';
import { localNoon, partyOf, setDivision, signInOn } from '../../helpers/marriage';
import { b64, gif, jpegPhoto, jpegTooSmall, png } from '../../fixtures/attachments/images';

const TODAY = '2026-05-20';

let t: TestApp;
let admin: string;
let clerk: string;
let clock: ReturnType<typeof manualClock>;
let marriageId: number;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'attachments-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  clock = manualClock(localNoon(TODAY));
  t = openTestApp({ clock });
  admin = await setupAdmin(t);
  await setDivision(t, admin);
  clerk = await userWithRoles(t, admin, 'clerk', ['marriageClerk']);
  const m = await t.must(
    'marriage.register',
    { registrationDate: TODAY, parties: [partyOf('张伟', 'male', '1990-03-02'), partyOf('李娜', 'female', '1992-07-15')] },
    clerk,
  );
  marriageId = m.id;
});
afterEach(() => t.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const stored = () => (t.app.db.prepare('SELECT count(*) AS n FROM marriage_attachments').get() as { n: number }).n;
const setPhoto = (bytes: Buffer, fileName: string) =>
  t.call('marriage.photo.set', { registrationId: marriageId, fileName, base64: b64(bytes) }, clerk);
const refusal = async (p: ReturnType<typeof setPhoto>) => {
  const r = await p;
  return r.ok ? 'accepted' : `${r.error.code} ${r.error.message}`;
};

let n = 0;
function save(file: FileOutput): string {
  const path = join(dir, `cert-${++n}.pdf`);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return path;
}
/** `pdfimages -list` rows: page, num, type, width, height … (header lines dropped). */
const images = (path: string): string[][] =>
  execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/));

/** A real two-page PDF, as a scanner would hand over (pdfkit, uncompressed so it is not tiny). */
function scannedPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', compress: false });
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.text('Divorce agreement, page 1');
    doc.addPage().text('Divorce agreement, page 2');
    doc.end();
  });
}

describe('joint photo', () => {
  it('accepts a PNG and a JPEG judged by content, and keeps the file in the database with its hash', async () => {
    const photo = png(640, 448);
    const v = await t.must(
      'marriage.photo.set',
      { registrationId: marriageId, fileName: 'C:\\照片\\合影.png', base64: b64(photo) },
      clerk,
    );
    expect(v).toMatchObject({
      kind: 'jointPhoto',
      mimeType: 'image/png',
      width: 640,
      height: 448,
      byteSize: photo.length,
      sha256: sha256(photo),
      fileName: '合影.png', // folders dropped
      replaces: null,
      current: true,
      createdBy: 'clerk',
    });
    const row = t.app.db.prepare('SELECT content, registration_id FROM marriage_attachments WHERE id = ?').get(v.id) as {
      content: Buffer;
      registration_id: number;
    };
    expect(row.registration_id).toBe(marriageId);
    expect(Buffer.compare(row.content, photo)).toBe(0);

    // A JPEG named .png is still a JPEG: the content decides, the name is only shown.
    const jpeg = jpegPhoto();
    const j = await t.must('marriage.photo.set', { registrationId: marriageId, fileName: 'photo.png', base64: b64(jpeg) }, clerk);
    expect(j).toMatchObject({ mimeType: 'image/jpeg', width: 600, height: 420, replaces: v.id, fileName: 'photo.png' });
    const got = await t.must('marriage.photo.get', { registrationId: marriageId }, clerk);
    expect(got.current?.id).toBe(j.id);
    expect(Buffer.from(got.current!.base64, 'base64').equals(jpeg)).toBe(true);
  });

  it('refuses GIFs, renamed files, broken, tiny, huge and odd-shaped images with the reason in Chinese, storing nothing', async () => {
    expect(await refusal(setPhoto(gif(800, 600), 'photo.png'))).toMatch(
      /^INVALID_INPUT .*该文件实际为 GIF 图像.*只接受 JPEG、PNG/,
    );
    expect(await refusal(setPhoto(Buffer.from('这不是照片，只是改了扩展名'), 'photo.jpg'))).toMatch(
      /^INVALID_INPUT 「photo\.jpg」不是可识别的 JPEG、PNG 文件/,
    );
    expect(await refusal(setPhoto(await scannedPdf(), 'scan.jpg'))).toContain('该文件实际为 PDF 文档');
    expect(await refusal(setPhoto(png(400, 200), 'small.png'))).toContain(
      '分辨率过低（400 × 200 像素）：合影的短边至少需要 300 像素',
    );
    expect(await refusal(setPhoto(jpegTooSmall(), 'small.jpg'))).toContain('（280 × 196 像素）');
    expect(await refusal(setPhoto(png(1500, 300), 'strip.png'))).toContain('长宽比例异常');
    const whole = png(640, 448);
    expect(await refusal(setPhoto(whole.subarray(0, whole.length - 20), 'cut.png'))).toContain('PNG 文件不完整');
    const jpeg = jpegPhoto();
    expect(await refusal(setPhoto(jpeg.subarray(0, 400), 'cut.jpg'))).toMatch(/JPEG 文件/);
    // Over 5 MB: refused by the channel's schema before the bytes are even decoded …
    const big = png(1400, 1300, { noise: true });
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(await refusal(setPhoto(big, 'big.png'))).toBe('INVALID_INPUT 合影文件不能超过 5 MB，请压缩后再上传');
    // … and by the service's own check, which says how large the file is.
    expect(() => checkJointPhoto('big.png', b64(big))).toThrow(ServiceError);
    expect(() => checkJointPhoto('big.png', b64(big))).toThrow(/大小为 5\.\d MB，超过合影的上限 5\.0 MB/);
    expect(
      await refusal(t.call('marriage.photo.set', { registrationId: marriageId, fileName: 'x.png', base64: '%%%' }, clerk)),
    ).toContain('编码无效');

    expect(stored()).toBe(0);
    const audited = t.app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE detail LIKE '%合影%'").get() as { n: number };
    expect(audited.n).toBe(0);
    expect(
      await refusal(t.call('marriage.photo.set', { registrationId: 999, fileName: 'a.png', base64: b64(png(400, 300)) }, clerk)),
    ).toBe('NOT_FOUND 未找到该结婚登记记录');
  });

  it('a replaced photo stays on record: history newest first, the certificate uses the newest, the audit shows each change', async () => {
    const a = await t.must(
      'marriage.photo.set',
      { registrationId: marriageId, fileName: 'a.png', base64: b64(png(400, 300, { seed: 1 })) },
      clerk,
    );
    const b = await t.must(
      'marriage.photo.set',
      { registrationId: marriageId, fileName: 'b.png', base64: b64(png(400, 300, { seed: 2 })) },
      clerk,
    );
    expect(b.replaces).toBe(a.id);
    // The same picture again changes nothing.
    expect(await refusal(setPhoto(png(400, 300, { seed: 2 }), 'b-again.png'))).toMatch(/^CONFLICT .*完全相同/);

    const state = await t.must('marriage.photo.get', { registrationId: marriageId }, clerk);
    expect(state.current?.id).toBe(b.id);
    expect(state.history.map((h) => [h.id, h.fileName, h.current])).toEqual([
      [b.id, 'b.png', true],
      [a.id, 'a.png', false],
    ]);
    // Nothing stored can be changed or removed, not even by hand.
    expect(() => t.app.db.prepare('DELETE FROM marriage_attachments WHERE id = ?').run(a.id)).toThrow(/kept as stored/);
    expect(() => t.app.db.prepare("UPDATE marriage_attachments SET file_name = 'x'").run()).toThrow(/kept as stored/);

    const history = await t.must('marriage.history', { registrationId: marriageId }, clerk);
    const photoEntries = history.filter((h) => h.detail?.includes('合影'));
    expect(photoEntries.map((h) => h.detail)).toEqual([
      expect.stringMatching(/^导入双方合影 「a\.png」（PNG 图像，400 × 300 像素/),
      expect.stringMatching(/^更换双方合影为 「b\.png」.*原合影「a\.png」保留在历史中$/),
    ]);
    expect(photoEntries[1]).toMatchObject({
      username: 'clerk',
      action: 'update',
      before: { jointPhoto: { attachmentId: a.id, fileName: 'a.png' } },
      after: { jointPhoto: { attachmentId: b.id, fileName: 'b.png', sha256: b.sha256 } },
    });
    // The audit keeps what identifies the file, never its bytes.
    expect(JSON.stringify(photoEntries)).not.toContain(b64(png(400, 300, { seed: 1 })).slice(0, 40));
    expect(verifyAuditChain(t.app.db).intact).toBe(true);
  });

  it('the certificate carries the current photo as an image in preview and overlay; without one it has no image and a labelled box', async () => {
    const before = save(
      await t.must('marriage.documents.certificate', { id: marriageId, mode: 'preview', printer: null }, clerk),
    );
    expect(images(before)).toEqual([]);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', before, '-'], { encoding: 'utf8' })).toContain('照片');

    const photo = await t.must(
      'marriage.photo.set',
      { registrationId: marriageId, fileName: 'joint.jpg', base64: b64(jpegPhoto()) },
      clerk,
    );
    for (const mode of ['preview', 'overlay'] as const) {
      const file = await t.must('marriage.documents.certificate', { id: marriageId, mode, printer: null }, clerk);
      const bytes = Buffer.from(file.base64, 'base64');
      expect(bytes.toString('latin1')).toMatch(/\/Subtype \/Image/);
      const list = images(save(file));
      // One booklet per party, both showing the one embedded JPEG (same object number).
      expect(list.map((r) => [r[0], r[2], r[3], r[4], r[8]])).toEqual([
        ['1', 'image', '600', '420', 'jpeg'],
        ['2', 'image', '600', '420', 'jpeg'],
      ]);
      expect(list[0]![10]).toBe(list[1]![10]);
      if (mode === 'preview')
        expect(execFileSync('pdftotext', ['-enc', 'UTF-8', save(file), '-'], { encoding: 'utf8' })).not.toContain('照片');
    }
    const printed = t.app.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'print' AND entity = 'marriageRegistration' ORDER BY id")
      .all() as { detail: string }[];
    expect(printed.map((p) => p.detail)).toEqual([
      expect.stringMatching(/（预览），无合影$/),
      expect.stringMatching(new RegExp(`（预览），合影 #${photo.id}$`)),
      expect.stringMatching(new RegExp(`（套打，无偏移），合影 #${photo.id}$`)),
    ]);
  });

  it('cannot be changed once the marriage is dissolved', async () => {
    await t.must('marriage.photo.set', { registrationId: marriageId, fileName: 'a.png', base64: b64(png(400, 300)) }, clerk);
    const d = await t.must(
      'marriage.divorce.apply',
      {
        marriageId,
        receiptDate: TODAY,
        agreement: { children: '无子女', property: '各自所有', debts: '无共同债务' },
        bothPresent: true,
      },
      clerk,
    );
    clerk = await signInOn(t, clock, d.certificate.from, 'clerk');
    await t.must('marriage.divorce.issue', { id: d.id, bothPresent: true }, clerk);
    expect(await refusal(setPhoto(png(400, 300, { seed: 3 }), 'later.png'))).toMatch(/^RULE_VIOLATION .*已解除，不能再更换合影/);
    // The photo of the record stays readable.
    expect((await t.must('marriage.photo.get', { registrationId: marriageId }, clerk)).current?.fileName).toBe('a.png');
  });
});

describe('scanned divorce agreement', () => {
  const agreement = { children: '婚生子张小明由女方抚养', property: '住房归女方所有', debts: '无共同债务' };

  it('attaches several files (PDF and scanned images) in order, lists and opens them; duplicates and other formats are refused', async () => {
    const d = await t.must('marriage.divorce.apply', { marriageId, receiptDate: TODAY, agreement, bothPresent: true }, clerk);
    const pdf = await scannedPdf();
    const page2 = png(1240, 1754);
    const first = await t.must(
      'marriage.divorce.agreement.attach',
      { divorceId: d.id, fileName: '离婚协议书.pdf', base64: b64(pdf) },
      clerk,
    );
    expect(first).toMatchObject({
      kind: 'divorceAgreement',
      mimeType: 'application/pdf',
      width: null,
      height: null,
      byteSize: pdf.length,
    });
    const second = await t.must(
      'marriage.divorce.agreement.attach',
      { divorceId: d.id, fileName: '第2页.png', base64: b64(page2) },
      clerk,
    );
    expect(second).toMatchObject({ mimeType: 'image/png', width: 1240, height: 1754 });

    const list = await t.must('marriage.divorce.agreement.list', { divorceId: d.id }, clerk);
    expect(list.map((f) => [f.id, f.fileName, f.mimeType])).toEqual([
      [first.id, '离婚协议书.pdf', 'application/pdf'],
      [second.id, '第2页.png', 'image/png'],
    ]);
    expect(list.some((f) => 'base64' in f)).toBe(false); // the list never carries the bytes
    const opened = await t.must('marriage.divorce.agreement.get', { id: first.id }, clerk);
    expect(Buffer.from(opened.base64, 'base64').equals(pdf)).toBe(true);
    expect(opened.sha256).toBe(sha256(pdf));

    const again = await t.call(
      'marriage.divorce.agreement.attach',
      { divorceId: d.id, fileName: 'copy.pdf', base64: b64(pdf) },
      clerk,
    );
    expect(again.ok ? 'ok' : again.error.message).toContain('已作为第 1 份扫描件（离婚协议书.pdf）上传过');
    const wrong = await t.call(
      'marriage.divorce.agreement.attach',
      { divorceId: d.id, fileName: 'scan.pdf', base64: b64(gif(900, 1200)) },
      clerk,
    );
    expect(wrong.ok ? 'ok' : wrong.error.message).toContain('该文件实际为 GIF 图像。协议扫描件只接受 PDF、JPEG、PNG 文件');
    const cut = await t.call(
      'marriage.divorce.agreement.attach',
      { divorceId: d.id, fileName: 'cut.pdf', base64: b64(pdf.subarray(0, pdf.length - 200)) },
      clerk,
    );
    expect(cut.ok ? 'ok' : cut.error.message).toContain('PDF 文件不完整');
    const missing = await t.call(
      'marriage.divorce.agreement.attach',
      { divorceId: 999, fileName: 'a.pdf', base64: b64(pdf) },
      clerk,
    );
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');

    // A joint photo is not an agreement file, whatever its id.
    const photo = await t.must(
      'marriage.photo.set',
      { registrationId: marriageId, fileName: 'a.png', base64: b64(png(400, 300)) },
      clerk,
    );
    const notAgreement = await t.call('marriage.divorce.agreement.get', { id: photo.id }, clerk);
    expect(notAgreement.ok ? 'ok' : notAgreement.error.code).toBe('NOT_FOUND');

    const audit = t.app.db
      .prepare(
        "SELECT detail FROM audit_log WHERE entity = 'divorceApplication' AND entity_id = ? AND action = 'update' ORDER BY id",
      )
      .all(String(d.id)) as { detail: string }[];
    expect(audit.map((a) => a.detail)).toEqual([
      expect.stringMatching(/^附加离婚协议书扫描件（第 1 份）「离婚协议书\.pdf」（PDF 文档，/),
      expect.stringMatching(/^附加离婚协议书扫描件（第 2 份）「第2页\.png」（PNG 图像，1240 × 1754 像素/),
    ]);
  });
});

describe('access', () => {
  it('only holders of 婚姻登记业务 may read or store attachments: an auditor and a cemetery manager are refused', async () => {
    const d = await t.must(
      'marriage.divorce.apply',
      {
        marriageId,
        receiptDate: TODAY,
        agreement: { children: '无子女', property: '各自所有', debts: '无共同债务' },
        bothPresent: true,
      },
      clerk,
    );
    const file = await t.must(
      'marriage.divorce.agreement.attach',
      { divorceId: d.id, fileName: 'a.pdf', base64: b64(await scannedPdf()) },
      clerk,
    );
    for (const [name, role] of [
      ['auditor1', 'auditor'],
      ['cemetery1', 'cemeteryManager'],
    ] as const) {
      const token = await userWithRoles(t, admin, name, [role]);
      const calls = [
        t.call('marriage.photo.set', { registrationId: marriageId, fileName: 'a.png', base64: b64(png(400, 300)) }, token),
        t.call('marriage.photo.get', { registrationId: marriageId }, token),
        t.call('marriage.divorce.agreement.attach', { divorceId: d.id, fileName: 'b.png', base64: b64(png(800, 1000)) }, token),
        t.call('marriage.divorce.agreement.list', { divorceId: d.id }, token),
        t.call('marriage.divorce.agreement.get', { id: file.id }, token),
      ];
      for (const r of await Promise.all(calls)) expect(r.ok ? 'ok' : r.error.code, role).toBe('FORBIDDEN');
    }
    expect(stored()).toBe(1);
  });
});

describe('backup and restore', () => {
  it('carries the photo history and the agreement files: a restore brings back exactly what was stored', async () => {
    const photo = png(400, 300, { seed: 5 });
    await t.must('marriage.photo.set', { registrationId: marriageId, fileName: 'kept.png', base64: b64(photo) }, clerk);
    const d = await t.must(
      'marriage.divorce.apply',
      {
        marriageId,
        receiptDate: TODAY,
        agreement: { children: '无子女', property: '各自所有', debts: '无共同债务' },
        bothPresent: true,
      },
      clerk,
    );
    const pdf = await scannedPdf();
    const file = await t.must(
      'marriage.divorce.agreement.attach',
      { divorceId: d.id, fileName: 'agreement.pdf', base64: b64(pdf) },
      clerk,
    );
    const backup = await t.must('backup.create', {}, admin);
    // After the backup: another photo, which the restore must take away again.
    await t.must(
      'marriage.photo.set',
      { registrationId: marriageId, fileName: 'later.png', base64: b64(png(400, 300, { seed: 6 })) },
      clerk,
    );

    await t.must('backup.restore', { fileName: backup.fileName, confirm: '确认恢复' }, admin);
    const again = (await t.must('auth.login', { username: 'clerk', password: 'Passw0rd9' })).token;
    const state = await t.must('marriage.photo.get', { registrationId: marriageId }, again);
    expect(state.history.map((h) => h.fileName)).toEqual(['kept.png']);
    expect(Buffer.from(state.current!.base64, 'base64').equals(photo)).toBe(true);
    const opened = await t.must('marriage.divorce.agreement.get', { id: file.id }, again);
    expect(Buffer.from(opened.base64, 'base64').equals(pdf)).toBe(true);
  });
});
