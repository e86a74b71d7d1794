import { residentIdCheckChar } from '../../main/core/idnumber/residentId';
import { expect, test } from './fixtures';
import { createFirstAdmin, createUser, firstLogin, logout, openNav } from './steps';

// A cemetery manager in the served app: creates a public cemetery, generates section A, opens the
// plot map, clicks an available plot, registers a burial on it, prints the burial certificate (PDF
// dialog), and the map then shows the plot as occupied — also reachable by keyboard.

const id = (birth: string, seq: string) => `500118${birth}${seq}` + residentIdCheckChar(`500118${birth}${seq}`);
const shanghaiDay = (offsetDays = 0) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

test('cemetery, section, plot map, burial, certificate, occupied on the map', async ({ page, served }) => {
  const year = shanghaiDay().slice(0, 4);
  await page.goto(served.url);

  await test.step('the administrator creates the cemetery manager', async () => {
    await createFirstAdmin(page);
    await openNav(page, '用户管理');
    await createUser(page, 'chenmg', '陈墓管', '公墓管理员');
    await logout(page);
    await firstLogin(page, 'chenmg', 'Cemetery123');
  });

  await test.step('a public cemetery serving township 500118101', async () => {
    const nav = page.getByRole('navigation');
    await nav.getByText('殡葬服务', { exact: true }).click();
    await nav.getByText('公墓与墓位', { exact: true }).click();
    await expect(page.getByRole('heading', { name: '公墓与墓位' })).toBeVisible();
    await page.getByTestId('new-cemetery').click();
    const dialog = page.getByRole('dialog', { name: '新建公墓' });
    await dialog.getByLabel('公墓名称').fill('永川区松柏公益性公墓');
    await dialog.getByLabel('所在地行政区划代码').fill('500118101');
    await dialog.getByLabel('服务范围（行政区划代码）').fill('500118101');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('地址').fill('永川区胜利路街道松柏村');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: '永川区松柏公益性公墓' })).toBeVisible();
  });

  await test.step('section A: rows 1–5, numbers 1–10, single plots of 0.5 m²', async () => {
    await page.getByTestId('generate-plots').click();
    const dialog = page.getByRole('dialog', { name: '批量生成墓位' });
    await dialog.getByLabel('墓区').fill('A');
    await dialog.getByLabel('终止排').fill('5');
    await dialog.getByLabel('终止号').fill('10');
    await dialog.getByLabel('墓位费（元）').fill('8000');
    await expect(dialog.getByText('将生成 50 个墓位')).toBeVisible();
    await dialog.getByRole('button', { name: '生成 50 个墓位' }).click();
    await expect(page.getByText('已生成 50 个墓位（A区1排1号 至 A区5排10号）')).toBeVisible();
  });

  await test.step('the map: 50 available plots; clicking one opens its record', async () => {
    await expect(page.getByRole('heading', { name: 'A区墓位图' })).toBeVisible();
    await expect(page.locator('[data-plot]')).toHaveCount(50);
    await expect(page.getByTestId('plot-map-legend')).toContainText('可用 50');
    const plot = page.locator('[data-plot="A区2排3号"]');
    await expect(plot).toHaveAttribute('data-status', 'available');
    await plot.hover();
    await expect(page.getByTestId('plot-map-tooltip')).toContainText('A区2排3号');
    await plot.click();
    await expect(page.getByRole('heading', { name: /A区2排3号/ })).toBeVisible();
    await expect(page.getByTestId('plot-history')).toContainText('批量生成墓位');
  });

  await test.step('the burial is registered on that plot', async () => {
    await page.getByTestId('register-burial').click();
    await expect(page.getByRole('heading', { name: /安葬登记：A区2排3号/ })).toBeVisible();
    await page.getByTestId('deceased-name').fill('王德明');
    await page.getByTestId('deceased-id').fill(id('19400506', '013'));
    await page.getByTestId('deceased-id').press('Enter');
    await expect(page.getByText('号码有效：1940-05-06 出生，男')).toBeVisible();
    await page.getByLabel('死亡日期').fill(shanghaiDay(-3));
    await page.getByLabel('死亡日期').press('Enter');
    await page.getByTestId('death-certificate').fill('SW20260001');
    await page.getByTestId('cremation-certificate').fill('HH20260001');
    await page.getByTestId('deceased-household').fill('500118101201');
    await page.getByTestId('holder-name').fill('王建国');
    await page.getByTestId('holder-id').fill(id('19680912', '057'));
    await page.getByTestId('holder-phone').fill('13800138000');
    await page.getByTestId('submit-burial').click();
    await expect(page.getByRole('heading', { name: '安葬记录：王德明' })).toBeVisible();
    await expect(page.getByTestId('burial-certificate-number')).toHaveText(`GMAZ-${year}-000001`);
  });

  await test.step('the burial certificate PDF opens for printing', async () => {
    await page.getByRole('button', { name: '打印公墓安葬证' }).click();
    const preview = page.getByRole('dialog', { name: new RegExp(`公墓安葬证-GMAZ-${year}-000001\\.pdf`) });
    await expect(preview).toBeVisible();
    await expect(preview.locator('iframe[title="文书预览"]')).toBeVisible();
    await expect(preview.getByRole('button', { name: '打印' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
    // the second copy is a reprint and asks for its reason
    await expect(page.getByRole('button', { name: '补打公墓安葬证' })).toBeVisible();
  });

  await test.step('the map shows the plot occupied, and the keyboard reaches it', async () => {
    await page.getByRole('link', { name: /永川区松柏公益性公墓 A区2排3号/ }).click();
    await page.getByRole('link', { name: /A区墓位图/ }).click();
    await expect(page.locator('[data-plot="A区2排3号"]')).toHaveAttribute('data-status', 'occupied');
    await expect(page.getByTestId('plot-map-legend')).toContainText('已安葬 1');
    const map = page.getByTestId('plot-map');
    await map.focus();
    await page.keyboard.press('ArrowDown'); // A区2排1号
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight'); // A区2排3号
    await expect(page.getByText('A区2排3号 · 已安葬 · 单穴 · 使用权人 王建国')).toBeAttached();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /A区2排3号/ })).toBeVisible();
    await expect(page.getByTestId('plot-history')).toContainText('安葬 王德明');
  });
});
