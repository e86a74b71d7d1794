import { residentId as id } from './api';
import { expect, test } from './fixtures';
import { createUser, fillParty, firstLogin, firstRunOffice, logout, openNav } from './steps';

// A clerk registers a couple in the served app, from the queue ticket to the certificate PDF, and
// a couple that does not qualify gets the refusal notice.

test('from ticket to certificate PDF, and a refusal with its notice', async ({ page, served }) => {
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).replaceAll('-', '');
  const year = Number(today.slice(0, 4));

  await page.goto(served.url);
  await test.step('first run: the administrator sets the division code and creates a clerk', async () => {
    await firstRunOffice(page, '永川区婚姻登记处');
    await openNav(page, '用户管理');
    await createUser(page, 'wangfang', '王芳', '婚姻登记员');
    await logout(page);
    await firstLogin(page, 'wangfang', 'Clerk1234');
  });

  await test.step('the couple draws a ticket and is called', async () => {
    await page.getByRole('navigation').getByText('婚姻登记', { exact: true }).click();
    await page.getByRole('navigation').getByText('叫号窗口', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '叫号窗口' })).toBeVisible();
    await page.getByRole('button', { name: /现场取号/ }).click();
    const dialog = page.getByRole('dialog', { name: '现场取号' });
    await dialog.getByLabel('当事人（可不填）').fill('张伟、李娜');
    await dialog.getByLabel('当事人（可不填）').press('Enter');
    await expect(page.getByRole('dialog', { name: /J001\.pdf/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await page.keyboard.press('F2');
    await expect(page.getByRole('row', { name: /J001/ })).toContainText('已叫号');
  });

  await test.step('registration: ID first, check, register, certificate number', async () => {
    await page.getByRole('navigation').getByText('结婚登记', { exact: true }).click();
    await fillParty(page, 0, id('19980302', '013'), '张伟');
    await fillParty(page, 1, id('20000715', '024'), '李娜');
    await page.keyboard.press('F9');
    await expect(page.getByTestId('check-result')).toContainText('符合结婚登记条件');
    await page.getByTestId('register').click();
    await page.getByTestId('confirm-register').click();
    await expect(page.getByTestId('certificate-number')).toHaveText(`J500118-${year}-000001`);
  });

  await test.step('the certificate preview PDF opens for checking and printing', async () => {
    await page.getByRole('button', { name: '结婚证预览（样本）' }).click();
    const preview = page.getByRole('dialog', { name: /结婚证-J500118-.*-预览\.pdf/ });
    await expect(preview).toBeVisible();
    await expect(preview.locator('iframe[title="文书预览"]')).toBeVisible();
    await expect(preview.getByRole('button', { name: '打印' })).toBeVisible();
    await page.keyboard.press('Escape');
  });

  await test.step('an under-age couple is refused and gets the notice', async () => {
    await page.getByTestId('next-couple').click();
    const young = `${year - 21}0101`;
    await fillParty(page, 0, id(young, '033'), '刘洋');
    await fillParty(page, 1, id('20000101', '044'), '陈静');
    await page.keyboard.press('F9');
    await expect(page.getByTestId('check-result')).toContainText('未达法定婚龄 22 周岁');
    await page.getByTestId('refuse').click();
    await page.getByTestId('confirm-refuse').click();
    await expect(page.getByTestId('refusal-record')).toContainText('未达法定婚龄');
    await page.getByRole('button', { name: '不予办理结婚登记通知单' }).click();
    await expect(page.getByRole('dialog', { name: /不予办理结婚登记通知单-.*\.pdf/ })).toBeVisible();
  });
});
