import { execFileSync } from 'node:child_process';
import { account, api, residentId as id, setUpOffice } from './api';
import { expect, test } from './fixtures';
import { login, openNav } from './steps';

// 殡葬统计 in the served app: with one tree burial today in a public cemetery serving one of the
// district's two townships, a cemetery manager opens the statistics, sees the eco-burial rate
// (100 %) and the coverage (50 %), the charts drawn, and exports the PDF and the Excel workbook;
// the counting settings page shows the townships read-only to them.

/** The part of a browser canvas the check reads (the tests compile without the DOM library). */
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}

test('a cemetery manager sees this month’s funeral indicators with charts and exports them', async ({ page, served }) => {
  // The served app's clock decides "today" (the process's local date, as in the service).
  const today = new Date().toLocaleDateString('sv-SE');
  const label = `${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月`;

  await test.step('set-up through the API: office, a cemetery with a tree burial today, two townships', async () => {
    const admin = await setUpOffice(served.url, '永川区民政局');
    const manager = await account(served.url, admin, 'chenmg', '陈墓管', 'cemeteryManager', 'Cemetery123');
    const approver = await account(served.url, admin, 'zhaoqiang', '赵强', 'funeralApprover', 'Approve1234');
    const cemetery = await api<{ id: number }>(
      served.url,
      'funeral.cemeteries.create',
      {
        name: '永川区松柏公益性公墓',
        kind: 'ruralPublic',
        divisionCode: '500118101',
        servedDivisions: ['500118101'],
        address: null,
        phone: null,
        note: null,
      },
      manager,
    );
    await api(
      served.url,
      'funeral.plots.generate',
      {
        cemeteryId: cemetery.id,
        sectionCode: 'T',
        rowFrom: 1,
        rowTo: 1,
        numberFrom: 1,
        numberTo: 2,
        plotType: 'tree',
        areaM2: 0.5,
        urnCapacity: 1,
        feeFen: 300_000,
      },
      manager,
    );
    const plot = await api<{ id: number }>(
      served.url,
      'funeral.plots.find',
      { cemeteryId: cemetery.id, label: 'T区1排1号' },
      manager,
    );
    await api(
      served.url,
      'funeral.burials.register',
      {
        plotId: plot.id,
        deceased: {
          name: '王德明',
          idNumber: id('19400506', '013'),
          sex: 'male',
          birthDate: '1940-05-06',
          deathDate: today,
          householdDivision: '500118101201',
          deathCertificateNo: 'SW20260001',
          cremationCertificateNo: 'HH20260001',
          cremationDate: today,
        },
        holder: { name: '王建国', idNumber: id('19680912', '057'), relation: 'child', phone: '13800138000', address: null },
        applicant: null,
        burialDate: today,
        form: 'tree',
        feeFen: 300_000,
        residencyOverrideReason: null,
        keepPlaceForSpouse: null,
        note: null,
      },
      manager,
    );
    await api(served.url, 'funeral.reports.townships.save', { code: '500118101', name: '胜利路街道' }, approver);
    await api(served.url, 'funeral.reports.townships.save', { code: '500118102', name: '中山路街道' }, approver);
  });

  await page.goto(served.url);
  await login(page, 'chenmg', 'Cemetery123');

  await test.step('open 殡葬统计: this month, the two rates and the tables', async () => {
    await openNav(page, '殡葬服务');
    await openNav(page, '殡葬统计');
    await expect(page.getByRole('heading', { name: '殡葬统计' })).toBeVisible();
    await expect(page.getByTestId('report-period-label')).toContainText(`永川区民政局 · ${label}`);
    await expect(page.getByTestId('kpi-eco-rate')).toContainText('100.00%');
    await expect(page.getByTestId('kpi-eco-rate')).toContainText('节地生态 1 ÷ 安葬总数 1');
    await expect(page.getByTestId('kpi-coverage')).toContainText('50.00%');
    await expect(page.getByTestId('report-forms').getByRole('row', { name: /^树葬/ })).toContainText('100.00%');
    await expect(page.getByTestId('report-coverage').getByRole('row', { name: /中山路街道/ })).toContainText('否');
    await expect(page.getByTestId('report-notes')).toContainText('示例口径');
  });

  await test.step('the charts are drawn', async () => {
    for (const chart of ['chart-months', 'chart-cemeteries']) {
      const canvas = page.getByTestId(chart).locator('canvas');
      await expect(canvas).toBeVisible();
      const painted = await canvas.evaluate((c) => {
        const el = c as unknown as Canvas;
        const data = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return n;
      });
      expect(painted).toBeGreaterThan(500);
    }
    // The page scrolls inside the shell: a tall window shows all of it in one picture.
    const size = page.viewportSize();
    await page.setViewportSize({ width: 1366, height: 3200 });
    await page.screenshot({ path: test.info().outputPath('funeral-reports.png'), fullPage: true });
    if (size) await page.setViewportSize(size);
  });

  await test.step('export the PDF and the Excel workbook', async () => {
    await page.getByRole('button', { name: '导出 PDF' }).click();
    const dialog = page.getByRole('dialog', { name: `殡葬统计月报-${label}.pdf` });
    await expect(dialog).toBeVisible();
    const pdfDownload = page.waitForEvent('download');
    await dialog.getByRole('link', { name: /保存 PDF/ }).click();
    const pdfPath = await (await pdfDownload).path();
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    for (const s of ['殡葬统计月报', '永川区民政局', '100.00%', '50.00%', '胜利路街道', '永川区松柏公益性公墓', '陈墓管'])
      expect(text, s).toContain(s);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    const xlsxDownload = page.waitForEvent('download');
    await page.getByTestId('export-xlsx').click();
    expect((await xlsxDownload).suggestedFilename()).toBe(`殡葬统计月报-${label}.xlsx`);
  });

  await test.step('the counting settings are read-only to a cemetery manager', async () => {
    await page.getByRole('button', { name: '统计口径与乡镇名单' }).click();
    await expect(page.getByRole('heading', { name: '统计口径与乡镇名单' })).toBeVisible();
    await expect(page.getByText('（只读：由殡葬审批员维护）')).toBeVisible();
    await expect(page.getByTestId('townships').getByRole('row', { name: /胜利路街道/ })).toContainText('永川区松柏公益性公墓');
    await expect(page.getByTestId('add-township')).toHaveCount(0);
  });
});
