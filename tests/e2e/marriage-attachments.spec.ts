import PDFDocument from 'pdfkit';
import { jpegPhoto, png } from '../fixtures/attachments/images';
import { account, api, marriageParty as party, setUpOffice } from './api';
import { expect, test } from './fixtures';
import { login } from './steps';

// Attachments in the served app: the clerk imports the couple's joint photo on the record page
// (a file chosen through the file input), the certificate preview then carries it; a divorce
// application gets its scanned agreement on the work list and the clerk opens it again.

function agreementPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.text('Divorce agreement (scanned)');
    doc.end();
  });
}

test('joint photo on the record page reaches the certificate; scanned agreement on the divorce work list', async ({
  page,
  served,
}) => {
  const today = new Date().toLocaleDateString('sv-SE');
  let clerk = '';
  let marriageId = 0;

  await test.step('set-up through the API: division code, a clerk, a registered couple with a divorce application', async () => {
    const admin = await setUpOffice(served.url, '永川区婚姻登记处');
    clerk = await account(served.url, admin, 'wangfang', '王芳', 'marriageClerk', 'Clerk1234');
    const reg = await api<{ id: number }>(
      served.url,
      'marriage.register',
      {
        registrationDate: today,
        parties: [party('张伟', 'male', '19980302', '013'), party('李娜', 'female', '19990715', '024')],
      },
      clerk,
    );
    marriageId = reg.id;
  });

  await page.goto(served.url);
  await login(page, 'wangfang', 'Clerk1234');
  await expect(page.getByRole('navigation').getByText('婚姻登记', { exact: true })).toBeVisible();
  // Straight to the record page, as its link from a search or the registration result leads.
  await page.goto(`${served.url}/#/marriage/records/${marriageId}`);
  const card = page.getByTestId('joint-photo');

  await test.step('a file that is no image is refused before anything is sent', async () => {
    await expect(card).toContainText('尚未导入合影');
    await card.getByTestId('joint-photo-input').setInputFiles({
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('这不是照片，只是改了扩展名'),
    });
    const dialog = page.getByRole('dialog', { name: '导入合影' });
    await expect(dialog.getByTestId('joint-photo-refusal')).toContainText('无法作为图像打开该文件：合影只接受 JPEG 或 PNG 图像');
    await expect(dialog.getByRole('button', { name: '导入此照片' })).toBeDisabled();
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('import the joint photo, then replace it: the old one stays in the history', async () => {
    await card.getByTestId('joint-photo-input').setInputFiles({ name: '合影.jpg', mimeType: 'image/jpeg', buffer: jpegPhoto() });
    const dialog = page.getByRole('dialog', { name: '导入合影' });
    await expect(dialog).toContainText('600 × 420 像素');
    await dialog.getByRole('button', { name: '导入此照片' }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByTestId('joint-photo-current')).toBeVisible();
    await expect(card).toContainText('合影.jpg');
    await expect(card).toContainText('JPEG 图像，600 × 420 像素');

    await card
      .getByTestId('joint-photo-input')
      .setInputFiles({ name: '新合影.png', mimeType: 'image/png', buffer: png(700, 490) });
    const replace = page.getByRole('dialog', { name: '更换合影' });
    await expect(replace).toContainText('原合影不会删除');
    await replace.getByRole('button', { name: '更换为此照片' }).click();
    await expect(replace).toBeHidden();
    await expect(card).toContainText('新合影.png');
    await card.getByRole('button', { name: /历次合影（2 张）/ }).click();
    await expect(card.getByTestId('joint-photo-history')).toContainText('合影.jpg');
  });

  await test.step('the certificate preview is generated with the photo in it', async () => {
    await page.getByRole('button', { name: '结婚证预览（样本）' }).click();
    await expect(page.getByRole('dialog', { name: /结婚证-J500118-.*-预览\.pdf/ })).toBeVisible();
    await page.keyboard.press('Escape');
    const pdf = await api<{ base64: string }>(
      served.url,
      'marriage.documents.certificate',
      { id: marriageId, mode: 'preview', printer: null },
      clerk,
    );
    expect(Buffer.from(pdf.base64, 'base64').toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  await test.step('a divorce application: attach the scanned agreement on the work list and open it', async () => {
    await api(
      served.url,
      'marriage.divorce.apply',
      {
        marriageId,
        receiptDate: today,
        agreement: { children: '无子女', property: '各自所有', debts: '无共同债务' },
        bothPresent: true,
      },
      clerk,
    );
    await page.goto(`${served.url}/#/marriage/divorce/worklist`);
    await page.getByTestId('section-coolingOff').getByTestId('agreement-files-open').click();
    const dialog = page.getByRole('dialog', { name: '离婚协议书扫描件：张伟、李娜' });
    await dialog.getByTestId('agreement-files-input').setInputFiles([
      { name: '离婚协议书.pdf', mimeType: 'application/pdf', buffer: await agreementPdf() },
      { name: '签字页.png', mimeType: 'image/png', buffer: png(900, 1200) },
    ]);
    const files = dialog.getByTestId('agreement-files');
    await expect(files.getByRole('row', { name: /离婚协议书\.pdf/ })).toBeVisible();
    await expect(files.getByRole('row', { name: /签字页\.png.*900 × 1200 像素/ })).toBeVisible();
    await files
      .getByRole('row', { name: /离婚协议书\.pdf/ })
      .getByRole('button', { name: '打开' })
      .click();
    await expect(page.getByRole('dialog', { name: '离婚协议书.pdf' })).toBeVisible();
  });
});
