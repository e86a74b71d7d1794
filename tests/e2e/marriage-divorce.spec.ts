import type { Page } from '@playwright/test';
import { residentIdCheckChar } from '../../main/core/idnumber/residentId';
import { expect, test } from './fixtures';

// Divorce by agreement in the served app: a clerk finds the marriage, takes the application,
// prints the receipt, and withdraws it on the work list (today is inside the cooling-off period)
// with its confirmation. Issuance needs a day 30+ days after receipt, which the served app's real
// clock cannot reach: it is covered by tests/integration/marriage/divorce*.

const id = (birth: string, seq: string) => `500118${birth}${seq}` + residentIdCheckChar(`500118${birth}${seq}`);

/** POST /api/<channel> as the browser shell does; returns the value or throws the service's message. */
async function api<T>(url: string, channel: string, input: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input),
  });
  const r = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

const party = (name: string, sex: 'male' | 'female', birth: string, seq: string) => ({
  name,
  sex,
  birthDate: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
  documentType: 'residentId',
  documentNumber: id(birth, seq),
  nationality: 'CHN',
  ethnicCode: '01',
  priorStatus: '10',
  priorEvidence: null,
  occupation: null,
  phone: null,
  address: null,
  householdProvince: '50',
  declarations: { voluntary: true, noSpouse: true, noProhibitedKinship: true, illnessDisclosed: true },
});

async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('密码', { exact: true }).press('Enter');
}

test('a divorce by agreement: find the marriage, receipt, withdrawal on the work list', async ({ page, served }) => {
  // The served app's own clock decides "today" (the process's local date, as in the service).
  const today = new Date().toLocaleDateString('sv-SE');
  let certificateNumber = '';

  await test.step('set-up through the API: division code, a clerk, a registered couple', async () => {
    const admin = await api<{ token: string }>(served.url, 'setup.createAdmin', {
      username: 'admin',
      displayName: '系统管理员',
      password: 'Admin1234',
    });
    const settings = await api<Record<string, unknown>>(served.url, 'settings.get', {}, admin.token);
    await api(
      served.url,
      'settings.update',
      { ...settings, officeName: '永川区婚姻登记处', divisionCode: '500118' },
      admin.token,
    );
    await api(
      served.url,
      'users.create',
      { username: 'wangfang', displayName: '王芳', roles: ['marriageClerk'], password: 'Initial123' },
      admin.token,
    );
    const first = await api<{ token: string }>(served.url, 'auth.login', { username: 'wangfang', password: 'Initial123' });
    await api(served.url, 'auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Clerk1234' }, first.token);
    const clerk = await api<{ token: string }>(served.url, 'auth.login', { username: 'wangfang', password: 'Clerk1234' });
    const reg = await api<{ certificateNumber: string }>(
      served.url,
      'marriage.register',
      {
        registrationDate: today,
        parties: [party('张伟', 'male', '19980302', '013'), party('李娜', 'female', '19990715', '024')],
      },
      clerk.token,
    );
    certificateNumber = reg.certificateNumber;
  });

  await page.goto(served.url);
  await login(page, 'wangfang', 'Clerk1234');

  await test.step('find the marriage by name and take the application', async () => {
    await page.getByRole('navigation').getByText('婚姻登记', { exact: true }).click();
    await page.getByRole('navigation').getByText('协议离婚', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '协议离婚登记' })).toBeVisible();
    await page.getByTestId('divorce-search').fill('张');
    await page.getByTestId('divorce-search').press('Enter');
    const results = page.getByTestId('divorce-search-results');
    await expect(results).toContainText(certificateNumber);
    await expect(results).toContainText('500118********'); // IDs masked in the list
    await page.getByTestId('pick-marriage').first().click();

    // Submitting without the joint-appearance box is refused on the form.
    await page.getByTestId('agreement-children').fill('婚生子张小明由女方抚养，男方每月支付抚养费 2000 元');
    await page.getByTestId('agreement-property').fill('住房归女方所有');
    await page.getByTestId('agreement-debts').fill('无共同债务');
    await page.getByTestId('submit-divorce').click();
    await expect(page.getByText('协议离婚须双方共同到场申请')).toBeVisible();
    await page.getByTestId('both-present').check();
    await page.getByTestId('submit-divorce').click();

    const view = page.getByTestId('divorce-view');
    await expect(view).toContainText('张伟、李娜');
    await expect(view.getByTestId('divorce-stage')).toContainText('离婚冷静期');
    await expect(view.getByTestId('withdrawal-window')).toContainText(' 至 ');
    await expect(view.getByTestId('certificate-window')).toContainText(' 至 ');
  });

  await test.step('print the receipt', async () => {
    await page.getByRole('button', { name: '离婚登记申请受理回执单' }).click();
    const dialog = page.getByRole('dialog', { name: /离婚登记申请受理回执单-.*\.pdf/ });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: '打印' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  await test.step('withdraw it on the work list and get the confirmation', async () => {
    await page.getByRole('navigation').getByText('离婚工作清单', { exact: true }).click();
    const cooling = page.getByTestId('section-coolingOff');
    await expect(cooling.getByRole('row', { name: /张伟、李娜/ })).toBeVisible();
    await cooling.getByTestId('withdraw').click();
    const dialog = page.getByRole('dialog', { name: /撤回离婚登记申请/ });
    await dialog.getByText('李娜（女方）').click();
    await dialog.getByTestId('withdraw-reason').fill('双方和好');
    await dialog.getByRole('button', { name: '确认撤回' }).click();
    await expect(dialog.getByText('请确认撤回方本人到场并已核验身份证件')).toBeVisible();
    await dialog.getByTestId('withdraw-confirm').check();
    await dialog.getByRole('button', { name: '确认撤回' }).click();
    await expect(dialog).toBeHidden();

    const done = page.getByTestId('divorce-done');
    await expect(done).toContainText('已撤回：张伟、李娜');
    await expect(done).toContainText(`李娜（女方）于 ${today} 撤回`);
    await expect(cooling.getByRole('row', { name: /张伟、李娜/ })).toHaveCount(0);
    await done.getByRole('button', { name: '撤回离婚登记申请确认单' }).click();
    await expect(page.getByRole('dialog', { name: /撤回离婚登记申请确认单-.*\.pdf/ })).toBeVisible();
  });
});
