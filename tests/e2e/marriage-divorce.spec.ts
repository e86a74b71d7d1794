import { account, api, marriageParty as party, setUpOffice } from './api';
import { login } from './steps';
import { expect, startServe, test, type ServedApp } from './fixtures';

// Divorce by agreement in the served app: a clerk finds the marriage, takes the application,
// prints the receipt, and withdraws it on the work list (today is inside the cooling-off period)
// with its confirmation. Issuance and deemed withdrawal happen 30+ days after receipt: the second
// test restarts the served app on the same data folder with REGISTRY_CLOCK_START set to those days.

test('a divorce by agreement: find the marriage, receipt, withdrawal on the work list', async ({ page, served }) => {
  // The served app's own clock decides "today" (the process's local date, as in the service).
  const today = new Date().toLocaleDateString('sv-SE');
  let certificateNumber = '';

  await test.step('set-up through the API: division code, a clerk, a registered couple', async () => {
    const clerk = await setUpClerk(served.url);
    const reg = await api<{ certificateNumber: string }>(
      served.url,
      'marriage.register',
      {
        registrationDate: today,
        parties: [party('张伟', 'male', '19980302', '013'), party('李娜', 'female', '19990715', '024')],
      },
      clerk,
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

const plusDays = (iso: string, n: number): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d! + n, 12).toLocaleDateString('sv-SE');
};

interface Windows {
  id: number;
  marriageId: number;
  certificate: { from: string; to: string };
}

/** Admin, division code, a clerk; returns the clerk's token. */
async function setUpClerk(url: string): Promise<string> {
  const admin = await setUpOffice(url, '永川区婚姻登记处');
  return account(url, admin, 'wangfang', '王芳', 'marriageClerk', 'Clerk1234');
}

test('a divorce is issued inside its certificate window, and an unclaimed one is deemed withdrawn', async ({ page }) => {
  const today = new Date().toLocaleDateString('sv-SE');
  const agreement = { children: '无子女', property: '各自名下财产归各自所有', debts: '无共同债务' };
  let app: ServedApp = await startServe();
  let issued: Windows;
  let unclaimed: Windows;
  try {
    await test.step('receipt day (today): two couples apply through the API', async () => {
      const clerk = await setUpClerk(app.url);
      const apply = async (man: [string, string, string], woman: [string, string, string]) => {
        const reg = await api<{ id: number }>(
          app.url,
          'marriage.register',
          {
            registrationDate: today,
            parties: [party(man[0], 'male', man[1], man[2]), party(woman[0], 'female', woman[1], woman[2])],
          },
          clerk,
        );
        return api<Windows>(
          app.url,
          'marriage.divorce.apply',
          { marriageId: reg.id, receiptDate: today, agreement, bothPresent: true },
          clerk,
        );
      };
      issued = await apply(['赵刚', '19950101', '013'], ['钱芳', '19960202', '024']);
      unclaimed = await apply(['孙磊', '19940303', '033'], ['周静', '19970404', '044']);
      expect(issued.certificate.from > plusDays(today, 30)).toBe(true);
    });

    await test.step('first day of the certificate window: both appear, the clerk issues the divorce certificate', async () => {
      await app.stop({ keepData: true });
      app = await startServe({ REGISTRY_CLOCK_START: issued.certificate.from }, app.dataDir);
      await page.goto(app.url);
      await login(page, 'wangfang', 'Clerk1234');
      await page.getByRole('navigation').getByText('婚姻登记', { exact: true }).click();
      await page.getByRole('navigation').getByText('离婚工作清单', { exact: true }).click();
      await expect(page.getByRole('heading', { name: `离婚工作清单（${issued.certificate.from}）` })).toBeVisible();
      const eligible = page.getByTestId('section-eligibleToIssue');
      await expect(eligible.getByRole('row', { name: /孙磊、周静/ })).toBeVisible();
      await eligible
        .getByRole('row', { name: /赵刚、钱芳/ })
        .getByTestId('issue')
        .click();
      const dialog = page.getByRole('dialog', { name: /发给离婚证：赵刚、钱芳/ });
      await dialog.getByTestId('issue-both-present').check();
      await dialog.getByRole('button', { name: '发给离婚证' }).click();
      await expect(dialog).toBeHidden();
      const done = page.getByTestId('divorce-done');
      await expect(done).toContainText(/已发给离婚证 L500118-\d{4}-000001/);
      await expect(eligible.getByRole('row', { name: /赵刚、钱芳/ })).toHaveCount(0);
      await done.getByRole('button', { name: '离婚证预览（样本）' }).click();
      await expect(page.getByRole('dialog', { name: /离婚证-L500118-.*\.pdf/ })).toBeVisible();
      await page.keyboard.press('Escape');

      // The marriage ended exactly once, and says so on its record.
      const clerk = (await api<{ token: string }>(app.url, 'auth.login', { username: 'wangfang', password: 'Clerk1234' })).token;
      const marriage = await api<{ status: string }>(app.url, 'marriage.get', { id: issued.marriageId }, clerk);
      expect(marriage.status).toBe('dissolved');
    });

    await test.step('the day after the certificate window: the other application is deemed withdrawn', async () => {
      await app.stop({ keepData: true });
      app = await startServe({ REGISTRY_CLOCK_START: plusDays(unclaimed.certificate.to, 1) }, app.dataDir);
      await page.goto(app.url);
      await login(page, 'wangfang', 'Clerk1234');
      await page.getByRole('navigation').getByText('婚姻登记', { exact: true }).click();
      await page.getByRole('navigation').getByText('离婚工作清单', { exact: true }).click();
      const deemed = page.getByTestId('section-deemedWithdrawn');
      await expect(deemed.getByRole('row', { name: /孙磊、周静/ })).toBeVisible();
      await expect(page.getByTestId('section-eligibleToIssue').getByRole('row', { name: /孙磊、周静/ })).toHaveCount(0);
    });
  } finally {
    await app.stop();
  }
});
