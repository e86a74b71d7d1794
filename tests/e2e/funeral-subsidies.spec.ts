import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { residentIdCheckChar } from '../../main/core/idnumber/residentId';
import { account, api, setUpOffice } from './api';
import { expect, test } from './fixtures';
import { login, logout } from './steps';

// An eco-burial subsidy for a sea scattering (no plot) in the served app: the street office's
// reviewer takes the application at the window (keyboard, F9 测算, 受理) and passes street review;
// the district approver approves it, puts it into a payment batch, prints the payment roster (full
// account numbers for the approver) and records the batch as paid.

// Screenshots to look at (outside test-results/, which every Playwright run empties).
const shots = process.env.SUBSIDY_E2E_SHOTS ?? join(tmpdir(), 'funeral-subsidies-e2e');

const daysAgo = (n: number): string => {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return d.toLocaleDateString('sv-SE');
};

const deceasedId = (() => {
  const first17 = '50011819400506013';
  return first17 + residentIdCheckChar(first17);
})();
const applicantId = (() => {
  const first17 = '50011819680912057';
  return first17 + residentIdCheckChar(first17);
})();

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

test('a sea scattering: application, street review, district approval, payment batch and roster', async ({ page, served }) => {
  let approverToken = '';
  let number = '';

  await test.step('set-up through the API: office, a street reviewer, a district approver, the 永川区 policy', async () => {
    const admin = await setUpOffice(served.url, '重庆市永川区民政局');
    await account(served.url, admin, 'liuqing', '刘青', 'funeralReviewer', 'Passw0rd9');
    approverToken = await account(served.url, admin, 'zhaomin', '赵敏', 'funeralApprover', 'Passw0rd9');
    await api(
      served.url,
      'funeral.subsidies.policies.save',
      {
        id: null,
        areaCode: '500118',
        areaName: '永川区',
        title: '永川区节地生态安葬奖补办法',
        basis: '永民发〔2024〕12号',
        effectiveFrom: '2024-01-01',
        effectiveTo: null,
        residencyRequired: true,
        forms: [
          {
            form: 'seaScattering',
            familyFen: 500_000,
            cemeteryFen: 0,
            deadline: { amount: 5, unit: 'years', from: 'cremation' },
          },
          { form: 'tree', familyFen: 200_000, cemeteryFen: 100_000, deadline: { amount: 60, unit: 'days', from: 'burial' } },
        ],
        documents: [
          { label: '奖补申请表', forms: null },
          { label: '申请人身份证', forms: null },
          { label: '死亡证明', forms: null },
          { label: '火化证明', forms: null },
          { label: '骨灰撒散证明', forms: ['seaScattering'] },
          { label: '户籍注销证明', forms: null },
        ],
      },
      approverToken,
    );
  });

  await page.goto(served.url);
  await login(page, 'liuqing', 'Passw0rd9');

  await test.step('the reviewer takes the application at the window, keyboard first', async () => {
    await page.getByRole('navigation').getByText('殡葬服务', { exact: true }).click();
    await page.getByRole('navigation').getByText('奖补受理', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '节地生态安葬奖补受理' })).toBeVisible();
    await expect(page.getByTestId('area')).toContainText('永川区（500118）');
    // 海葬 is preselected: no burial record is asked for.
    await expect(page.getByTestId('burial-id')).toHaveCount(0);
    await page.getByTestId('burial-date').fill(daysAgo(5));
    await page.getByTestId('deceased-name').fill('王德明');
    await page.keyboard.press('Tab');
    await page.keyboard.type(deceasedId);
    await expect(page.getByText('出生 1940-05-06，男')).toBeVisible();
    // A household outside the county first: refused, with the reason under the field.
    await page.getByTestId('deceased-household').fill('500101001001');
    await page.getByTestId('death-date').fill(daysAgo(20));
    await page.getByTestId('cremation-date').fill(daysAgo(18));
    await page.getByTestId('applicant-name').fill('王建国');
    await page.keyboard.press('Tab');
    await page.keyboard.type(applicantId);
    await page.getByTestId('applicant-phone').fill('13800138000');
    await expect(page.getByTestId('bank-account-name')).toHaveValue('王建国');
    await page.getByTestId('bank-name').fill('重庆农村商业银行永川支行');
    await page.getByTestId('bank-account').fill('6217 0012 3456 7890 123');
    // Papers: all but the deregistered household record.
    for (const d of ['奖补申请表', '申请人身份证', '死亡证明', '火化证明', '骨灰撒散证明'])
      await page.getByTestId('documents').getByText(d, { exact: true }).click();
    await page.keyboard.press('F9');
    const result = page.getByTestId('assessment');
    await expect(result).toContainText('不符合奖补条件');
    await expect(page.getByTestId('assessment-reasons')).toContainText(
      '逝者户籍地（500101001001）不在永川区（区划代码 500118）范围内，本政策仅限本地户籍',
    );
    await expect(page.getByTestId('apply')).toHaveCount(0);
    await shot(page, '0-apply-refused');
    await page.getByTestId('deceased-household').fill('500118101201');
    await page.keyboard.press('F9');
    await expect(result).toContainText('符合奖补条件');
    await expect(page.getByTestId('assessment-amount')).toHaveText('¥5,000.00');
    await expect(result).toContainText('自火化之日起 5 年内');
    await expect(result).toContainText('户籍注销证明');
    await shot(page, '1-apply-assessed');
    // The 受理 button has the focus after a passing check.
    await expect(page.getByTestId('apply')).toBeFocused();
    await page.keyboard.press('Enter');
    const received = page.getByTestId('received');
    await expect(received).toContainText('已受理：JB500118-');
    await expect(received).toContainText('待补材料');
    number = ((await received.getByText(/已受理：/).textContent()) ?? '').replace('已受理：', '').trim();
    await received.getByRole('button', { name: '查看申请' }).click();
  });

  await test.step('the missing paper arrives; the street review passes', async () => {
    await expect(page.getByRole('heading', { name: `奖补申请 ${number}` })).toBeVisible();
    await expect(page.getByTestId('street-pass')).toBeDisabled();
    await page.getByTestId('record-documents').getByText('户籍注销证明', { exact: true }).click();
    await page.getByTestId('save-documents').click();
    await expect(page.getByText('齐全', { exact: true })).toBeVisible();
    await expect(page.getByTestId('record-account')).toHaveText('***************0123');
    await page.getByTestId('street-pass').click();
    await expect(page.getByText('待区民政审批').first()).toBeVisible();
    await expect(page.getByTestId('history')).toContainText('街道初审通过');
    await shot(page, '2-record-reviewed');
  });

  await logout(page);
  await login(page, 'zhaomin', 'Passw0rd9');

  await test.step('the district approver approves it from the work list', async () => {
    await page.getByRole('navigation').getByText('殡葬服务', { exact: true }).click();
    await page.getByRole('navigation').getByText('奖补审核', { exact: true }).click();
    const row = page.getByRole('row', { name: new RegExp(number) });
    await expect(row).toContainText('500118********');
    await expect(row).toContainText('¥5,000.00');
    await shot(page, '3-worklist');
    await row.getByRole('link', { name: number }).click();
    await expect(page.getByTestId('record-account')).toHaveText('6217001234567890123');
    await page.getByTestId('district-approve').click();
    await expect(page.getByText('已批准待发放').first()).toBeVisible();
    await page.getByRole('button', { name: '审批通知书' }).click();
    await expect(page.getByRole('dialog', { name: new RegExp(`奖补审批通知书-${number}\\.pdf`) })).toBeVisible();
    await page.keyboard.press('Escape');
  });

  await test.step('a payment batch, its roster, and the payment recorded', async () => {
    await page.getByRole('navigation').getByText('奖补发放', { exact: true }).click();
    const unbatched = page.getByTestId('unbatched');
    await unbatched
      .getByRole('row', { name: new RegExp(number) })
      .getByRole('checkbox')
      .check();
    await page.getByTestId('batch-title').fill('2026年第一批海葬奖补');
    await page.getByTestId('create-batch').click();
    const detail = page.getByTestId('batch-detail');
    await expect(detail).toContainText('FF-');
    await expect(detail).toContainText('合计 1 人');
    await detail.getByRole('button', { name: '发放花名册 PDF' }).click();
    const preview = page.getByRole('dialog', { name: /奖补发放花名册-FF-\d{4}-0001\.pdf/ });
    await expect(preview).toBeVisible();
    await shot(page, '4-roster-preview');
    await page.keyboard.press('Escape');

    // The roster as the approver's bank transfer needs it: full account, masked ID.
    const batches = await api<{ id: number; number: string }[]>(served.url, 'funeral.subsidies.batches.list', {}, approverToken);
    const file = await api<{ base64: string }>(
      served.url,
      'funeral.subsidies.roster.pdf',
      { batchId: batches[0]!.id },
      approverToken,
    );
    mkdirSync(shots, { recursive: true });
    const pdf = join(shots, 'roster.pdf');
    writeFileSync(pdf, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('节地生态安葬奖补发放花名册');
    expect(text).toContain(number);
    expect(text).toContain('6217001234567890123');
    expect(text).toContain('500118********');
    expect(text).toContain('人民币伍仟元整');

    await detail.getByTestId('mark-paid').click();
    const dialog = page.getByRole('dialog', { name: /登记已发放/ });
    await dialog.getByTestId('paid-reference').fill('ZF-0001');
    await dialog.getByTestId('paid-reference').press('Enter');
    await expect(dialog).toBeHidden();
    await expect(detail).toContainText('已发放');
    await expect(detail.getByTestId('mark-paid')).toHaveCount(0);
    await shot(page, '5-batch-paid');
    const view = await api<{ status: string; paid: { reference: string } }>(
      served.url,
      'funeral.subsidies.list',
      { status: 'paid', query: null },
      approverToken,
    );
    expect(view).toMatchObject({ total: 1 });
  });

  await test.step('the policy page shows the version now used by an application, which can no longer be edited', async () => {
    await page.getByRole('navigation').getByText('奖补政策', { exact: true }).click();
    const area = page.getByTestId('policy-area-500118');
    await expect(area).toContainText('永川区节地生态安葬奖补办法');
    await expect(area).toContainText('现行');
    await expect(area).toContainText('已用于 1 件申请');
    await expect(area.getByRole('button', { name: '修改' })).toHaveCount(0);
    await area.getByRole('button', { name: '以此新增版本' }).click();
    const editor = page.getByRole('dialog', { name: '新增政策版本' });
    await expect(editor.getByTestId('policy-title')).toHaveValue('永川区节地生态安葬奖补办法');
    await shot(page, '6-policy-editor');
    await page.keyboard.press('Escape');
    await expect(editor).toBeHidden();
    await area.getByRole('button', { name: '展开行' }).click();
    await expect(area).toContainText('自火化之日起 5 年内');
    await shot(page, '7-policies');
  });
});
