import { account, api, marriageParty, setUpOffice } from './api';
import { expect, test } from './fixtures';
import { login } from './steps';

// Marriage statistics in the served app: a supervisor opens 统计报表, picks this month by typing it,
// sees the one registration of today in the table and the charts drawn, and exports the PDF and
// the Excel workbook.

/** Household in Sichuan: a cross-province case for a registry in Chongqing. */
const fromSichuan = (p: ReturnType<typeof marriageParty>) => ({ ...p, householdProvince: '51' });

/** The part of a browser canvas the check reads (the tests compile without the DOM library). */
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
}

test('a supervisor sees this month’s statistics with charts and exports them', async ({ page, served }) => {
  // The served app's clock decides "today" (the process's local date, as in the service).
  const today = new Date().toLocaleDateString('sv-SE');
  const month = today.slice(0, 7);
  const label = `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

  await test.step('set-up through the API: office, a supervisor, one couple registered today', async () => {
    const admin = await setUpOffice(served.url, '永川区婚姻登记处');
    const boss = await account(served.url, admin, 'lihua', '李华', 'marriageSupervisor', 'Super1234');
    await api(
      served.url,
      'marriage.register',
      {
        registrationDate: today,
        parties: [
          fromSichuan(marriageParty('张伟', 'male', '19960302', '013')),
          fromSichuan(marriageParty('李娜', 'female', '19980715', '024')),
        ],
      },
      boss,
    );
  });

  await page.goto(served.url);
  await login(page, 'lihua', 'Super1234');

  await test.step('open the statistics and type the month', async () => {
    await page.getByRole('navigation').getByText('婚姻登记', { exact: true }).click();
    await page.getByRole('navigation').getByText('统计报表', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '婚姻登记统计' })).toBeVisible();
    const picker = page.getByLabel('统计期间');
    await picker.click();
    await picker.fill(month);
    await picker.press('Enter');
    await expect(page.getByTestId('stats-period-label')).toContainText(`永川区婚姻登记处 · ${label}`);
  });

  await test.step('the table and the charts show the registration', async () => {
    await expect(page.getByTestId('stat-marriages')).toContainText('1');
    const marriages = page.getByTestId('stats-marriages');
    await expect(marriages.getByRole('row', { name: /结婚登记合计/ })).toContainText('1');
    await expect(marriages.getByRole('row', { name: /^内地居民/ })).toContainText('1');
    await expect(marriages.getByRole('row', { name: /跨省通办/ })).toContainText('1');
    await expect(page.getByTestId('stats-ageBands').getByRole('row', { name: /25–29 岁/ })).toContainText('1');
    for (const chart of ['chart-trend', 'chart-origin', 'chart-age']) {
      const canvas = page.getByTestId(chart).locator('canvas');
      await expect(canvas).toBeVisible();
      // Drawn, not just present: some pixels of the canvas are painted.
      const painted = await canvas.evaluate((c) => {
        const el = c as unknown as Canvas;
        const data = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
        let n = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
        return n;
      });
      expect(painted).toBeGreaterThan(500);
    }
    await page.screenshot({ path: test.info().outputPath('stats-page.png'), fullPage: true });
  });

  await test.step('export the PDF and the Excel workbook', async () => {
    await page.getByRole('button', { name: '导出 PDF' }).click();
    const dialog = page.getByRole('dialog', { name: `婚姻登记统计月报-${label}.pdf` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: '打印' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await download).suggestedFilename()).toBe(`婚姻登记统计月报-${label}.xlsx`);
  });
});
