import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// The registry counter in the served app: a clerk draws a walk-in ticket (receipt PDF shown for
// printing), calls it with F2, starts and finishes it; the day's queue shows it done.

async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
}

test('a clerk issues a walk-in ticket, calls it and marks it done', async ({ page, served }) => {
  await page.goto(served.url);
  await test.step('first run: administrator creates a clerk', async () => {
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('姓名').fill('系统管理员');
    await page.getByLabel('密码', { exact: true }).fill('Admin1234');
    await page.getByLabel('确认密码').fill('Admin1234');
    await page.getByLabel('确认密码').press('Enter');
    await page.getByRole('navigation').getByText('用户管理').click();
    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('用户名').fill('wangfang');
    await dialog.getByLabel('姓名').fill('王芳');
    await dialog.getByLabel('角色').click();
    await page.keyboard.type('婚姻登记员');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await dialog.getByLabel('初始密码').fill('Initial123');
    await dialog.getByLabel('初始密码').press('Enter');
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: '退出' }).click();
  });

  await test.step('the clerk signs in and sets a new password', async () => {
    await login(page, 'wangfang', 'Initial123');
    await page.getByLabel('原密码').fill('Initial123');
    await page.getByLabel('新密码', { exact: true }).fill('Clerk1234');
    await page.getByLabel('确认新密码').fill('Clerk1234');
    await page.getByLabel('确认新密码').press('Enter');
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
