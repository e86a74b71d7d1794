import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { residentId as id } from './api';
import { expect, test } from './fixtures';
import { createUser, fillParty, firstLogin, firstRunOffice, logout, openNav } from './steps';

// After registration, in the served app: the clerk issues a replacement certificate (BJ) and gets
// its PDF, voids a spoiled print, and proposes a correction; the supervisor approves it on the
// work list, the record shows the new name and its history old → new; the supervisor keeps the
// credit blacklist (adds an entry, removes it) and looks after the certificate numbers.

// Outside test-results/: Playwright empties that folder whenever any spec starts.
const shots = join(tmpdir(), 'registry-e2e-shots', 'marriage-amendments');

/** The page scrolls inside its content pane, so a tall window shows all of it. */
async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.setViewportSize({ width: 1366, height: 1500 });
  await page.screenshot({ path: join(shots, `${name}.png`) });
  await page.setViewportSize({ width: 1366, height: 800 });
}

test('replacement, correction with approval, history, blacklist and numbers', async ({ page, served }) => {
  test.setTimeout(180_000);
  const year = new Date().toLocaleDateString('sv-SE').slice(0, 4);
  const J = `J500118-${year}`;

  await page.goto(served.url);
  await test.step('first run: division code, a clerk and a supervisor', async () => {
    await firstRunOffice(page, '永川区婚姻登记处');
    await openNav(page, '用户管理');
    await createUser(page, 'wangfang', '王芳', '婚姻登记员');
    await createUser(page, 'liuzr', '刘主任', '婚姻登记负责人');
    await logout(page);
    await firstLogin(page, 'wangfang', 'Clerk1234');
  });

  await test.step('the clerk registers a couple and opens the record; no supervisor pages in the menu', async () => {
    await openNav(page, '婚姻登记');
    await expect(page.getByRole('navigation').getByText('更正审批', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('navigation').getByText('失信名单', { exact: true })).toHaveCount(0);
    await openNav(page, '结婚登记');
    await fillParty(page, 0, id('19980302', '013'), '张伟');
    await fillParty(page, 1, id('20000715', '024'), '李娜');
    await page.keyboard.press('F9');
    await expect(page.getByTestId('check-result')).toContainText('符合结婚登记条件');
    await page.getByTestId('register').click();
    await page.getByTestId('confirm-register').click();
    await expect(page.getByTestId('certificate-number')).toHaveText(`${J}-000001`);
    await page.getByRole('button', { name: '查看登记记录' }).click();
    await expect(page.getByTestId('record-certificate-number')).toHaveText(`${J}-000001`);
  });

  await test.step('补领结婚证 for the woman, then its PDF', async () => {
    await page.getByTestId('issue-replacement').click();
    const dialog = page.getByRole('dialog', { name: '补领结婚证' });
    await dialog.getByText('李娜（女方）').click();
    await dialog.getByTestId('replacement-detail').fill('搬家时遗失');
    await shot(page, '0a-replacement-dialog');
    await dialog.getByTestId('replacement-detail').press('Enter');
    await expect(page.getByTestId('replacement-number')).toHaveText(`B${J}-000001`);
    await shot(page, '0b-replacement-done');
    await page.getByRole('button', { name: '补领结婚证预览（样本）' }).click();
    const preview = page.getByRole('dialog', { name: new RegExp(`补领结婚证-B${J}-000001-预览\\.pdf`) });
    await expect(preview.locator('iframe[title="文书预览"]')).toBeVisible();
    const download = page.waitForEvent('download');
    await preview.getByRole('link', { name: /保存 PDF/ }).click();
    const file = join(shots, 'replacement.pdf');
    mkdirSync(shots, { recursive: true });
    await (await download).saveAs(file);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(`B${J}-000001`);
    expect(text).toContain('持证人：李娜（女方）');
    expect(text).toContain(`原证字号${J}-000001`);
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: '已补领结婚证' })).toBeHidden();
    await page.getByRole('tab', { name: /补领记录/ }).click();
    await expect(page.getByRole('row', { name: new RegExp(`B${J}-000001`) })).toContainText('遗失：搬家时遗失');
  });

  await test.step('a spoiled print voids the number with its reason', async () => {
    await page.getByTestId('respoil').click();
    await page.getByLabel('作废原因').fill('卡纸损毁');
    await page.getByLabel('作废原因').press('Enter');
    await expect(page.getByTestId('record-certificate-number')).toHaveText(`${J}-000002`);
  });

  await test.step('申请更正: the registration itself cannot be corrected; the man’s name can, pending approval', async () => {
    await page.getByTestId('propose-correction').click();
    const dialog = page.getByRole('dialog', { name: /申请更正/ });
    await dialog.getByText('登记事项').click();
    await expect(dialog.getByTestId('correction-record-refused')).toContainText('登记日期、证书字号');
    await dialog.getByText('男方 张伟').click();
    await dialog.getByLabel('更正项目').click();
    await page.keyboard.type('姓名');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(dialog.getByLabel('更正后的姓名')).toHaveValue('张伟');
    await dialog.getByLabel('更正后的姓名').fill('张玮');
    await dialog.getByTestId('correction-reason').fill('登记时姓名录入错误');
    await dialog.getByTestId('correction-evidence').fill('居民户口簿、居民身份证');
    await shot(page, '1-propose-correction');
    await dialog.getByTestId('correction-evidence').press('Enter');
    await expect(page.getByText(/更正申请已提交（第 1 号）/)).toBeVisible();
    await expect(page.getByTestId('pending-corrections')).toContainText('姓名：张伟 → 张玮');
    await expect(dialog).toBeHidden();
    // Not changed yet.
    await expect(page.getByTestId('marriage-record')).toContainText('张伟');
    await shot(page, '2-record-pending');
    await logout(page);
  });

  await firstLogin(page, 'liuzr', 'Super1234');

  await test.step('the supervisor approves on the work list; the record and its history show old → new', async () => {
    await openNav(page, '婚姻登记');
    await openNav(page, '更正审批');
    const row = page.getByTestId('corrections-table').getByRole('row', { name: /张伟 → 张玮/ });
    await expect(row).toContainText('王芳');
    await shot(page, '3-corrections');
    await row.getByTestId('approve-1').click();
    const dialog = page.getByRole('dialog', { name: '批准更正（第 1 号）' });
    await dialog.getByTestId('approve-comment').fill('已核对户口簿原件');
    await dialog.getByTestId('approve-comment').press('Enter');
    await expect(page.getByText('已批准，记录已更正')).toBeVisible();
    await expect(page.getByText('没有待审批的更正')).toBeVisible();
    await page.getByTestId('correction-filter').getByText('已批准').click();
    await page.getByRole('link', { name: `${J}-000002` }).click();
    await expect(page.getByTestId('marriage-record')).toContainText('张玮');
    await expect(page.getByTestId('pending-corrections')).toHaveCount(0);
    const history = page.getByTestId('record-history');
    await expect(history.getByRole('row', { name: /刘主任 更正男方信息/ })).toContainText('姓名：张伟 → 张玮');
    await expect(history.getByRole('row', { name: /作废结婚证字号/ })).toContainText('作废原因：卡纸损毁');
    await expect(history.getByRole('row', { name: /补领结婚证/ }).first()).toBeVisible();
    await shot(page, '4-record-history');
  });

  await test.step('the supervisor lists a person on the credit blacklist, then removes the entry', async () => {
    await openNav(page, '失信名单');
    await page.getByTestId('blacklist-add').click();
    const dialog = page.getByRole('dialog', { name: '列入婚姻登记失信名单' });
    await dialog.getByTestId('blacklist-number').press('Enter'); // empty: the schema's own message
    await expect(dialog.getByText('证件号码').first()).toBeVisible();
    await dialog.getByTestId('blacklist-number').fill(id('19950505', '031'));
    await dialog.getByTestId('blacklist-name').fill('赵刚');
    await dialog.getByTestId('blacklist-reason').fill('使用伪造证件骗取婚姻登记');
    await dialog.getByTestId('blacklist-source').fill('永民婚〔2026〕9号');
    await dialog.getByTestId('blacklist-source').press('Enter');
    await expect(page.getByText('已列入失信名单')).toBeVisible();
    const row = page.getByTestId('blacklist-table').getByRole('row', { name: /赵刚/ });
    await expect(row).toContainText('500118********'); // masked in the list
    await expect(row).not.toContainText(id('19950505', '031'));
    await expect(row).toContainText('在列');
    await shot(page, '5-blacklist');
    await row.getByRole('button', { name: '移出' }).click();
    const end = page.getByRole('dialog', { name: '移出失信名单：赵刚' });
    await expect(end).toContainText(id('19950505', '031'));
    await shot(page, '5b-blacklist-end');
    await end.getByTestId('blacklist-end-reason').fill('原决定已撤销');
    await end.getByTestId('blacklist-end-reason').press('Enter');
    await expect(page.getByText('已移出失信名单')).toBeVisible();
    await expect(page.getByText('名单中没有在列人员')).toBeVisible();
    await page.getByText('全部（含已移出、已届满）').click();
    await expect(page.getByTestId('blacklist-table').getByRole('row', { name: /赵刚/ })).toContainText('原决定已撤销');
  });

  await test.step('the supervisor sees the voided number and sets a starting serial for divorce certificates', async () => {
    await openNav(page, '证书字号');
    const series = page.getByTestId('numbers-series');
    await expect(series.getByRole('row', { name: /^结婚证/ })).toContainText(`${J}-000003`);
    await expect(series.getByRole('row', { name: /^结婚证/ })).toContainText('已发出字号，不能再设置');
    const voided = page.getByTestId('voided-table').getByRole('row', { name: new RegExp(`${J}-000001`) });
    await expect(voided).toContainText('卡纸损毁');
    await expect(voided).toContainText('王芳');
    await page.getByTestId('set-start-L').click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`设置 ${year} 年离婚证起始流水号`) });
    await expect(dialog).toContainText('仅在本年度该类证件尚未发出任何字号之前可以设置');
    await dialog.getByTestId('set-start-value').fill('301');
    await dialog.getByTestId('set-start-value').press('Enter');
    await expect(dialog.getByText('请确认已核对纸质登记簿的最后一个字号')).toBeVisible();
    await shot(page, '6a-set-start');
    await dialog.getByTestId('set-start-confirm').check();
    await dialog.getByTestId('set-start-value').press('Enter');
    await expect(series.getByRole('row', { name: /^离婚证/ })).toContainText(`L500118-${year}-000301`);
    await page.getByTestId('voided-kind').getByText('补领结婚证').click();
    await expect(page.getByText(`${year} 年没有作废的补领结婚证字号`)).toBeVisible();
    await page.getByTestId('voided-kind').getByText('结婚证', { exact: true }).click();
    await shot(page, '6-numbers');
  });
});
