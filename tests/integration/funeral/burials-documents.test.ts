// Cemetery documents read back with poppler's pdftotext: the burial certificate (公墓安葬证 /
// 墓位使用证), the ash storage certificate (骨灰寄存证) and the renewal notices; reprints need a
// reason and are audited with it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FileOutput } from '../../../main/core/contract/fields';
import { residentIdOf } from '../../helpers/marriage';
import {
  auditRows,
  burialInput,
  createCemetery,
  funeralWorld,
  generateInput,
  plotByLabel,
  type FuneralWorld,
} from './cemeteries-fixture';

let w: FuneralWorld;
let cemeteryId: number;
let dir: string;
let n = 0;

const flat = (s: string) => s.replace(/\s+/g, '');
function pdf(file: FileOutput): { text: string; pages: number } {
  const path = join(dir, `doc-${++n}.pdf`);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  return { text, pages };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cemetery-docs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  w = await funeralWorld('2026-03-02');
  cemeteryId = (await createCemetery(w)).id;
  await w.t.must(
    'funeral.plots.generate',
    generateInput(cemeteryId, { rowTo: 1, numberTo: 3, plotType: 'double', areaM2: 0.8, urnCapacity: 2 }),
    w.manager,
  );
});
afterEach(() => w.t.close());

async function bury(
  label = 'A区1排1号',
  over: Parameters<typeof burialInput>[1] = { burialDate: '2026-03-02', deathDate: '2026-02-26' },
) {
  const p = await plotByLabel(w, cemeteryId, label);
  return w.t.must('funeral.burials.register', burialInput(p.id, over), w.manager);
}

describe('公墓安葬证', () => {
  it('prints the plot, the deceased, the rights holder, the period with its renewals and the kept place', async () => {
    const b = await bury('A区1排1号', {
      burialDate: '2026-03-02',
      deathDate: '2026-02-26',
      keepPlaceForSpouse: { name: '张桂英', idNumber: residentIdOf('1943-02-11', 'female', '028'), note: null },
    });
    const file = await w.t.must('funeral.burials.documents.certificate', { id: b.id, reprintReason: null }, w.manager);
    expect(file.fileName).toBe('公墓安葬证-GMAZ-2026-000001.pdf');
    const { text, pages } = pdf(file);
    expect(pages).toBe(1);
    for (const s of [
      '永川区松柏公益性公墓',
      '公墓安葬证',
      '（墓位使用证）',
      '证号：GMAZ-2026-000001',
      'A区1排1号',
      '双穴',
      '0.80m²',
      '王德明',
      residentIdOf('1940-05-06', 'male'),
      '2026年02月26日',
      '王建国',
      '子女',
      '13800138000',
      '20年（自安葬之日起）',
      '2046年03月02日',
      '¥8,000.00',
      '本双穴另一穴位为逝者的在世配偶张桂英保留',
      '（公墓管理专用章）',
      '经办人manager',
    ])
      expect(text).toContain(flat(s));
    expect(text).not.toContain('补打');
  });

  it('a reprint needs a reason, says 补打（第 2 份）, and both prints are audited', async () => {
    const b = await bury();
    await w.t.must('funeral.burials.documents.certificate', { id: b.id, reprintReason: null }, w.manager);
    const noReason = await w.t.call('funeral.burials.documents.certificate', { id: b.id, reprintReason: null }, w.manager);
    expect(noReason.ok ? 'ok' : noReason.error).toMatchObject({ code: 'RULE_VIOLATION', field: 'reprintReason' });
    expect(noReason.ok ? '' : noReason.error.message).toContain('已打印 1 份；补打须说明原因');
    const second = await w.t.must('funeral.burials.documents.certificate', { id: b.id, reprintReason: '原证遗失' }, w.manager);
    expect(second.fileName).toBe('公墓安葬证-GMAZ-2026-000001-补打2.pdf');
    expect(pdf(second).text).toContain('补打（第2份）');
    const prints = auditRows(w.t, 'funeralBurial').filter((a) => a.action === 'print');
    expect(prints.map((p) => [p.username, p.detail])).toEqual([
      ['manager', '打印公墓安葬证 GMAZ-2026-000001（第 1 份）'],
      ['manager', '补打公墓安葬证 GMAZ-2026-000001（第 2 份），原因：原证遗失'],
    ]);
    expect((await w.t.must('funeral.burials.get', { id: b.id }, w.manager)).prints).toBe(2);
  });

  it('shows renewals and the residency override reason once recorded', async () => {
    const p = await plotByLabel(w, cemeteryId, 'A区1排2号');
    const input = burialInput(p.id, { burialDate: '2026-03-02', residencyOverrideReason: '经区民政局批准' });
    const b = await w.t.must(
      'funeral.burials.register',
      { ...input, deceased: { ...input.deceased, householdDivision: '500119001' } },
      w.manager,
    );
    await w.moveTo('2045-10-01');
    await w.t.must('funeral.burials.renew', { id: b.id, years: 10, feeFen: 300_000, payerName: '王建国', note: null }, w.manager);
    const { text } = pdf(await w.t.must('funeral.burials.documents.certificate', { id: b.id, reprintReason: null }, w.manager));
    expect(text).toContain(flat('第 1 次续期'));
    expect(text).toContain(flat('2045年10月01日续期 10 年：2046-03-02 至 2056-03-02，¥3,000.00'));
    expect(text).toContain(flat('破例安葬原因'));
    expect(text).toContain('经区民政局批准');
  });
});

describe('续期通知书', () => {
  it('one page per burial, addressed to the rights holder, each print audited', async () => {
    const a = await bury();
    const b = await bury('A区1排2号', {
      name: '李淑芬',
      sex: 'female',
      birth: '1941-01-01',
      serial: '044',
      burialDate: '2026-03-02',
    });
    await w.moveTo('2046-01-10');
    const list = await w.t.must('funeral.burials.expiring', { months: 3, cemeteryId }, w.manager);
    expect(list.rows.map((r) => r.id)).toEqual([a.id, b.id]);
    const file = await w.t.must('funeral.burials.documents.expiryNotices', { burialIds: list.rows.map((r) => r.id) }, w.manager);
    const { text, pages } = pdf(file);
    expect(pages).toBe(2);
    expect(text).toContain(flat('墓位使用期限届满续期通知书'));
    expect(text).toContain(flat('为王德明在永川区松柏公益性公墓A区1排1号办理的墓位'));
    expect(text).toContain(flat('将于2046年03月02日届满'));
    expect(text).toContain('李淑芬');
    const notices = auditRows(w.t, 'funeralBurial').filter((r) => r.action === 'print');
    expect(notices).toHaveLength(2);
    expect(notices[0]!.detail).toContain('打印墓位使用期限届满续期通知书（A区1排1号，到期日 2046-03-02，致 王建国）');
  });
});

describe('骨灰寄存证', () => {
  it('prints niche, deceased, depositor and term; a reprint needs a reason', async () => {
    const s = await w.t.must(
      'funeral.storage.register',
      {
        cemeteryId,
        nicheCode: '1号堂-03-12',
        deceased: {
          name: '刘秀兰',
          idNumber: residentIdOf('1938-11-02', 'female', '301'),
          sex: 'female',
          deathDate: '2026-02-20',
          cremationCertificateNo: 'HH20260222',
        },
        depositor: { name: '刘军', idNumber: residentIdOf('1965-04-04', 'male', '311'), relation: 'child', phone: '13900001111' },
        startDate: '2026-03-02',
        termMonths: 36,
        feeFen: 180_000,
        note: null,
      },
      w.manager,
    );
    const { text, pages } = pdf(
      await w.t.must('funeral.storage.documents.certificate', { id: s.id, reprintReason: null }, w.manager),
    );
    expect(pages).toBe(1);
    for (const x of [
      '骨灰寄存证',
      '证号：GHJC-2026-000001',
      '1号堂-03-12',
      '刘秀兰',
      'HH20260222',
      '刘军',
      '13900001111',
      '2026年03月02日起3年',
      '2029年03月02日',
      '¥1,800.00',
      '（骨灰寄存专用章）',
    ])
      expect(text).toContain(flat(x));
    const again = await w.t.call('funeral.storage.documents.certificate', { id: s.id, reprintReason: '' }, w.manager);
    expect(again.ok ? 'ok' : again.error.field).toBe('reprintReason');
    const reprint = pdf(await w.t.must('funeral.storage.documents.certificate', { id: s.id, reprintReason: '污损' }, w.manager));
    expect(reprint.text).toContain('补打（第2份）');
    expect(
      auditRows(w.t, 'funeralAshStorage')
        .filter((a) => a.action === 'print')
        .map((a) => a.detail),
    ).toEqual(['打印骨灰寄存证 GHJC-2026-000001（第 1 份）', '补打骨灰寄存证 GHJC-2026-000001（第 2 份），原因：污损']);
  });
});
