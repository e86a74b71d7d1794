import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { account, api, residentId as id, setUpOffice } from './api';
import { expect, test } from './fixtures';
import { login } from './steps';

// 惠民殡葬减免 in the served app: the street reviewer records a waiver keyboard-first (ID number
// first, birth date and sex read from it, the amount computed and capped by the service as the
// costs are typed), is stopped from recording the same person twice, and prints and exports the
// month's settlement sheet for the funeral home.

test('a reviewer records a fee waiver and prints the month’s settlement sheet', async ({ page, served }) => {
  const today = new Date().toLocaleDateString('sv-SE');
  const month = today.slice(0, 7);
  const deceased = id('19400312', '013');

  await test.step('set-up through the API: office, a reviewer, and the district approver’s funeral home', async () => {
    const admin = await setUpOffice(served.url, '永川区民政局');
    await account(served.url, admin, 'liming', '李明', 'funeralReviewer', 'Review1234');
    const approver = await account(served.url, admin, 'zhaoqiang', '赵强', 'funeralApprover', 'Approve1234');
    await api(
      served.url,
      'funeral.waivers.saveHome',
      { id: null, name: '永川区殡仪馆', divisionCode: '500118', contact: '刘师傅', phone: '023-49800000', active: true },
      approver,
    );
  });

  await page.goto(served.url);
  await login(page, 'liming', 'Review1234');

  await test.step('record a waiver, keyboard first, with the cap computed by the service', async () => {
    await page.getByRole('navigation').getByText('殡葬服务', { exact: true }).click();
    await page.getByRole('navigation').getByText('减免登记', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '惠民殡葬减免登记' })).toBeVisible();
    await expect(page.getByTestId('deceased-id')).toBeFocused();
    await page.keyboard.type(deceased);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('id-info')).toContainText('1940-03-12 出生，男');
    await expect(page.getByTestId('deceased-name')).toBeFocused();
    await page.keyboard.type('张德明');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('death-date')).toBeFocused();
    await page.keyboard.type(today);
    await page.keyboard.press('Enter');
    await page.getByTestId('category').click();
    await page.keyboard.type('低保');
    await page.keyboard.press('Enter');
    await page.getByLabel('低保证号').fill('渝永低保字 2019-0231');
    // The only funeral home is chosen already.
    await expect(page.getByTestId('waiver-form')).toContainText('永川区殡仪馆');
    for (const [code, yuan] of [
      ['bodyTransport', '500'],
      ['bodyStorage', '240'],
      ['cremation', '700'],
      ['ashStorage', '150'],
      ['urn', '400'],
    ] as const) {
      await page.getByTestId(`actual-${code}`).fill(yuan);
    }
    await page.getByLabel('遗体冷藏暂存数量').fill('3');
    // ¥1,940 waivable before the ¥1,780 cap of 低保对象.
    await expect(page.getByTestId('waiver-total')).toHaveText(/¥1,780\.00/);
    await expect(page.getByTestId('waiver-steps')).toContainText('超过「低保对象」每具封顶 ¥1,780.00');
    await page.keyboard.press('Control+Enter');
    const done = page.getByTestId('waiver-done');
    await expect(done).toContainText(/已登记减免 HM500118-\d{4}-\d{5}/);
    await expect(done).toContainText('减免 ¥1,780.00，家属自付 ¥210.00');
  });

  await test.step('the same person cannot be recorded twice', async () => {
    await page.getByTestId('next-waiver').press('Enter');
    await expect(page.getByTestId('deceased-id')).toBeFocused();
    await page.keyboard.type(deceased);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('existing-waiver')).toContainText('每名逝者只能减免一次');
    await expect(page.getByTestId('submit-waiver')).toBeDisabled();
  });

  await test.step('print and export the month’s settlement sheet', async () => {
    await page.getByRole('navigation').getByText('减免结算', { exact: true }).click();
    await page.getByTestId('settlement-month').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(month);
    await page.keyboard.press('Enter');
    const sheet = page.getByTestId('settlement-sheet');
    await expect(sheet).toContainText('永川区殡仪馆');
    await expect(sheet).toContainText('张德明');
    await expect(sheet).toContainText('500118********');
    await expect(sheet.getByTestId('sheet-total')).toHaveText('¥1,780.00');

    await sheet.getByRole('button', { name: '结算单 PDF' }).click();
    const dialog = page.getByRole('dialog', { name: `惠民殡葬减免结算单-永川区殡仪馆-${month}.pdf` });
    await expect(dialog).toBeVisible();
    const pdfDownload = page.waitForEvent('download');
    await dialog.getByRole('link', { name: /保存 PDF/ }).click();
    const pdfPath = await (await pdfDownload).path();
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('惠民殡葬基本服务费用减免结算单');
    expect(text).toContain('张德明');
    expect(text).toContain(`500118********${deceased.slice(-4)}`);
    expect(text).not.toContain(deceased);
    expect(text).toContain('1,780.00');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    const xlsxDownload = page.waitForEvent('download');
    await sheet.getByTestId('export-xlsx').click();
    const xlsx = await xlsxDownload;
    expect(xlsx.suggestedFilename()).toBe(`惠民殡葬减免结算单-永川区殡仪馆-${month}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await xlsx.path()) as unknown as ArrayBuffer);
    const row = wb.getWorksheet('结算单')!.getRow(5);
    expect(row.getCell(3).value).toBe('张德明');
    expect(row.getCell(4).value).toBe(`500118********${deceased.slice(-4)}`);
  });
});
