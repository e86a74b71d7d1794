import { expect, test } from './fixtures';
import { createUser, login, logout, openNav } from './steps';

// The platform as a new office meets it, in the browser shell (`npm run serve`) with a fresh data
// folder: first-run administrator, accounts, lockout, audit, backup and restore, test page.

test('first run, users, lockout, audit trail, backup and restore, test page', async ({ page, served }) => {
  await page.goto(served.url);

  await test.step('the first start asks for the system administrator', async () => {
    await expect(page.getByText('首次使用：创建系统管理员')).toBeVisible();
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('姓名').fill('系统管理员');
    await page.getByLabel('密码', { exact: true }).fill('short');
    await page.getByLabel('确认密码').fill('short');
    await page.getByLabel('确认密码').press('Enter');
    await expect(page.getByText('至少 8 位').first()).toBeVisible();
    await page.getByLabel('密码', { exact: true }).fill('Admin1234');
    await page.getByLabel('确认密码').fill('Admin1234');
    await page.getByLabel('确认密码').press('Enter');
    await expect(page.getByRole('navigation').getByText('用户管理')).toBeVisible();
  });

  await test.step('the administrator creates a clerk and an auditor', async () => {
    await openNav(page, '用户管理');
    await createUser(page, 'wangfang', '王芳', '婚姻登记员');
    await createUser(page, 'shenji', '审计员甲', '审计员');
    await logout(page);
  });

  await test.step('five wrong passwords lock the account', async () => {
    for (let i = 1; i <= 4; i++) {
      await login(page, 'wangfang', `wrong-${i}`);
      await expect(page.getByTestId('login-error')).toContainText(`再错 ${5 - i} 次`);
    }
    await login(page, 'wangfang', 'wrong-5');
    await expect(page.getByTestId('login-error')).toContainText('已被锁定');
    await login(page, 'wangfang', 'Initial123');
    await expect(page.getByTestId('login-error')).toContainText('已被锁定');
  });

  await test.step('the auditor changes the first password and sees every change in the audit log', async () => {
    await login(page, 'shenji', 'Initial123');
    await expect(page.getByText('请先修改密码').first()).toBeVisible();
    await page.getByLabel('原密码').fill('Initial123');
    await page.getByLabel('新密码', { exact: true }).fill('Audit12345');
    await page.getByLabel('确认新密码').fill('Audit12345');
    await page.getByLabel('确认新密码').press('Enter');
    await openNav(page, '审计日志');
    const table = page.getByRole('table');
    await expect(table.getByRole('row').filter({ hasText: '登录失败' }).filter({ hasText: 'wangfang' })).toHaveCount(6); // five wrong, one while locked
    // The administrator, then the clerk and the auditor, each created once.
    await expect(table.getByRole('row').filter({ hasText: '新建' }).filter({ hasText: 'admin' })).toHaveCount(3);
    await page.getByRole('button', { name: '校验完整性' }).click();
    await expect(page.getByText(/审计日志完整/)).toBeVisible({ timeout: 30_000 });
    // The auditor has no account administration.
    await expect(page.getByRole('navigation').getByText('用户管理')).toHaveCount(0);
    await logout(page);
  });

  await test.step('the administrator backs up, changes data, restores, and the change is gone', async () => {
    await login(page, 'admin', 'Admin1234');
    await openNav(page, '备份与恢复');
    await page.getByRole('button', { name: '立即备份' }).click();
    const firstBackup = page.getByRole('row').filter({ hasText: '手动' }).first();
    await expect(firstBackup).toBeVisible();
    const fileName = (await firstBackup.getByRole('cell').first().innerText()).trim();
    await page.getByRole('button', { name: '完整性检查' }).click();
    await expect(page.getByTestId('integrity-result')).toContainText('检查通过', { timeout: 30_000 });

    await openNav(page, '用户管理');
    await createUser(page, 'later', '后来者', '地名管理员');

    await openNav(page, '备份与恢复');
    await page.getByTestId(`restore-${fileName}`).click();
    const dialog = page.getByRole('dialog', { name: '从备份恢复' });
    await expect(dialog.getByRole('button', { name: '恢复' })).toBeDisabled(); // not without typing the confirmation
    await dialog.getByLabel(/请输入“确认恢复”/).fill('确认恢复');
    await dialog.getByRole('button', { name: '恢复' }).click();
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
    await login(page, 'admin', 'Admin1234');
    await openNav(page, '用户管理');
    await expect(page.getByRole('row', { name: /wangfang/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /later/ })).toHaveCount(0);
  });

  await test.step('the test page renders with Chinese text and can be saved', async () => {
    await openNav(page, '打印测试页');
    await page.getByRole('button', { name: '生成' }).click();
    await expect(page.locator('iframe[title="打印测试页预览"]')).toBeVisible();
    const download = page.waitForEvent('download');
    await page
      .getByRole('link', { name: /保存/ })
      .or(page.getByRole('button', { name: /保存/ }))
      .first()
      .click();
    expect((await download).suggestedFilename()).toBe('打印测试页.pdf');
  });

  await test.step('Ctrl+L locks the screen; the password unlocks it', async () => {
    await page.keyboard.press('Control+l');
    await expect(page.getByText('屏幕已锁定')).toBeVisible();
    await page.getByLabel('密码', { exact: true }).fill('Admin1234');
    await page.getByLabel('密码', { exact: true }).press('Enter');
    await expect(page.getByText('屏幕已锁定')).toBeHidden();
  });
});
