import type { Page } from '@playwright/test';
import { expect } from './fixtures';

// The moves every E2E test makes on its way in: first-run administrator, accounts, sign-in.

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
}

export async function openNav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByText(name, { exact: true }).click();
}

/** First start: the setup screen creates the administrator, who is then signed in. */
export async function createFirstAdmin(page: Page, password = 'Admin1234'): Promise<void> {
  await expect(page.getByText('首次使用：创建系统管理员')).toBeVisible();
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('姓名').fill('系统管理员');
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('确认密码').fill(password);
  await page.getByLabel('确认密码').press('Enter');
  await expect(page.getByRole('navigation').getByText('用户管理')).toBeVisible();
}

/** On 用户管理: a new account with one role and the initial password Initial123 — keyboard only. */
export async function createUser(page: Page, username: string, displayName: string, role: string): Promise<void> {
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill(displayName);
  await dialog.getByLabel('角色').click();
  await page.keyboard.type(role);
  await page.keyboard.press('Enter');
  await expect(dialog.locator('.ant-select-selection-item', { hasText: role })).toBeVisible();
  await page.keyboard.press('Escape');
  await dialog.getByLabel('初始密码').fill('Initial123');
  await dialog.getByLabel('初始密码').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: new RegExp(username) })).toBeVisible();
}

/** A new user's first sign-in: the initial password must be changed before anything else. */
export async function firstLogin(page: Page, username: string, newPassword: string): Promise<void> {
  await login(page, username, 'Initial123');
  await expect(page.getByText('请先修改密码').first()).toBeVisible();
  await page.getByLabel('原密码').fill('Initial123');
  await page.getByLabel('新密码', { exact: true }).fill(newPassword);
  await page.getByLabel('确认新密码').fill(newPassword);
  await page.getByLabel('确认新密码').press('Enter');
  await expect(page.getByText('请先修改密码')).toHaveCount(0);
}

/** First run on screen: the administrator is created and saves the office's name and division code. */
export async function firstRunOffice(page: Page, officeName: string): Promise<void> {
  await createFirstAdmin(page);
  await openNav(page, '单位设置');
  await page.getByLabel('单位名称').fill(officeName);
  await page.getByLabel('行政区划代码').fill('500118');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存').first()).toBeVisible();
}

/** One party on the registration screen, keyboard first: the ID number derives birth date, sex and province. */
export async function fillParty(page: Page, index: 0 | 1, documentNumber: string, name: string): Promise<void> {
  const panel = page.getByTestId(`party-${index}`);
  await panel.getByLabel('证件号码').fill(documentNumber);
  await panel.getByLabel('证件号码').press('Enter'); // moves on to 姓名
  await expect(panel.getByTestId(`party-${index}-age`)).toBeVisible();
  await panel.getByLabel('姓名').fill(name);
  await panel.getByLabel('民族').click();
  await page.keyboard.type('汉族');
  await page.keyboard.press('Enter');
  for (const box of await panel.getByRole('checkbox').all()) await box.check();
}
