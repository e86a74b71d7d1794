import { expect, test } from './fixtures';
import { createFirstAdmin, createUser, firstLogin, logout, openNav } from './steps';

// The registry counter in the served app: a clerk draws a walk-in ticket (receipt PDF shown for
// printing), calls it with F2, starts and finishes it; the day's queue shows it done.

test('a clerk issues a walk-in ticket, calls it and marks it done', async ({ page, served }) => {
  await page.goto(served.url);
  await test.step('first run: administrator creates a clerk, who signs in', async () => {
    await createFirstAdmin(page);
    await openNav(page, '用户管理');
    await createUser(page, 'wangfang', '王芳', '婚姻登记员');
    await logout(page);
    await firstLogin(page, 'wangfang', 'Clerk1234');
    await expect(page.getByRole('navigation').getByText('婚姻登记')).toBeVisible();
  });

  await test.step('open the counter from the marriage section', async () => {
    await page.getByRole('navigation').getByText('婚姻登记', { exact: true }).click();
    await page.getByRole('navigation').getByText('叫号窗口', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '叫号窗口' })).toBeVisible();
  });

  await test.step('walk-in ticket J001, shown as a receipt PDF', async () => {
    await page.keyboard.press('F6');
    const dialog = page.getByRole('dialog', { name: '现场取号' });
    await dialog.getByLabel('当事人（可不填）').fill('张三、李四');
    await dialog.getByLabel('当事人（可不填）').press('Enter');
    await expect(page.getByRole('dialog', { name: /打印预览：排队号-.*-J001\.pdf/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('row', { name: /J001/ })).toContainText('等候中');
  });

  await test.step('F2 calls it to this counter; start and finish', async () => {
    await page.keyboard.press('F2');
    await expect(page.getByTestId('current-number')).toHaveText('J001');
    await page.getByRole('button', { name: '开始办理 (F4)' }).click();
    await expect(page.getByTestId('current-ticket')).toContainText('办理中');
    await page.getByRole('button', { name: '办结 (F8)' }).click();
    await expect(page.getByTestId('current-ticket')).toBeHidden();
    await expect(page.getByRole('row', { name: /J001/ })).toContainText('已办结');
  });
});
