import { expect, test } from './fixtures';
import { createFirstAdmin, createUser, firstLogin, logout, openNav } from './steps';

// The registry supervisor imports a small legacy archive file (some records without ID numbers)
// in the served app: the check lists a bad row by row and column, the corrected file imports in
// one go, and a record is then found by its pinyin initials and opened from the keyboard.

const header =
  '档号,结婚证字号,登记日期,登记机关,男方姓名,男方证件号码,男方出生日期,女方姓名,女方证件号码,女方出生日期,状态,离婚日期';
const good = [
  'HY-1985-0001,(85)永婚字第0001号,1985-06-01,永川县民政局,张三丰,,1960-03-02,单雪梅,,1962-07-15,,',
  'HY-1990-0100,(90)永婚字第0100号,1990/5/20,永川县民政局,曾国强,,1965-01-01,李秀英,,1966-02-02,已离婚,1999-09-09',
];
const csv = (rows: string[]) => Buffer.from(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`, 'utf8');

test('import a legacy archive CSV, then find a record by pinyin initials and open it', async ({ page, served }) => {
  await page.goto(served.url);
  await test.step('first run: the administrator sets the division code and creates the registry supervisor', async () => {
    await createFirstAdmin(page);
    await openNav(page, '单位设置');
    await page.getByLabel('单位名称').fill('永川区婚姻登记处');
    await page.getByLabel('行政区划代码').fill('500118');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存').first()).toBeVisible();
    await openNav(page, '用户管理');
    await createUser(page, 'liqiang', '李强', '婚姻登记负责人');
    await logout(page);
    await firstLogin(page, 'liqiang', 'Boss12345');
  });

  await test.step('the check lists the bad row by row and column, and nothing can be imported', async () => {
    await page.getByRole('navigation').getByText('婚姻登记', { exact: true }).click();
    await page.getByRole('navigation').getByText('历史档案导入', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '历史婚姻档案导入' })).toBeVisible();
    const bad = [good[0]!, good[1]!.replace('1990/5/20', '1990-13-20')];
    await page.getByTestId('archive-file').setInputFiles({ name: '永川1985-1990.csv', mimeType: 'text/csv', buffer: csv(bad) });
    const report = page.getByTestId('archive-report');
    await expect(report).toContainText('发现 1 处问题，整批不能导入');
    const problem = page.getByTestId('archive-problems').getByRole('row', { name: /登记日期/ });
    await expect(problem).toContainText('3');
    await expect(problem).toContainText('“1990-13-20”不是有效日期');
    await expect(page.getByTestId('archive-import')).toHaveCount(0);
  });

  await test.step('the corrected file checks clean and imports all rows with progress and a summary', async () => {
    await page.getByTestId('archive-file').setInputFiles({ name: '永川1985-1990.csv', mimeType: 'text/csv', buffer: csv(good) });
    await expect(page.getByTestId('archive-report')).toContainText('全部 2 行均无误，可以导入');
    await page.getByTestId('archive-import').click();
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect(page.getByTestId('archive-imported')).toContainText('已导入 2 条历史婚姻档案（第 1 批）');
    await expect(page.getByTestId('archive-batches').getByRole('row', { name: /永川1985-1990\.csv/ })).toContainText('李强');
  });

  await test.step('search by pinyin initials (单 read Shan as a surname), open the record from the keyboard', async () => {
    await page.getByTestId('archive-view-imported').click();
    await expect(page.getByRole('heading', { name: '婚姻登记查询' })).toBeVisible();
    const results = page.getByTestId('marriage-search-results');
    await expect(results.getByRole('row')).toHaveCount(3); // header + both imported records
    const box = page.getByTestId('marriage-search-box');
    await box.fill('sxm');
    await box.press('Enter');
    await expect(results.getByRole('row')).toHaveCount(2);
    await expect(results).toContainText('(85)永婚字第0001号');
    await expect(results).toContainText('张三丰');
    await expect(results).toContainText('（无证件号码）');
    await box.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('record-certificate-number')).toHaveText('(85)永婚字第0001号');
    await expect(page.getByTestId('marriage-record')).toContainText('（档案未记载）');
    const provenance = page.getByTestId('archive-provenance');
    await expect(provenance).toContainText('永川县民政局');
    await expect(provenance).toContainText('HY-1985-0001');
    await expect(provenance).toContainText('永川1985-1990.csv（第 2 行）');
  });

  await test.step('back to the results, then a partial name with the status filter', async () => {
    await page.goBack();
    const box = page.getByTestId('marriage-search-box');
    await expect(box).toHaveValue('sxm');
    await box.fill('秀英');
    await box.press('Enter');
    const results = page.getByTestId('marriage-search-results');
    await expect(results).toContainText('曾国强');
    await expect(results).toContainText('已解除');
    await page.getByLabel('状态').click();
    await page.getByTitle('已登记', { exact: true }).click();
    await expect(results).toContainText('未找到相符的婚姻登记记录');
  });
});
