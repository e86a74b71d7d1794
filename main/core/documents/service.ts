import { join } from 'node:path';
import type { AppContext } from '../app';
import { recordAudit, type Actor } from '../audit/service';
import type { FileOutput } from '../contract/fields';
import { writeTransaction } from '../db/connection';
import { ServiceError } from '../errors';
import { loadFontSet, type FontSet } from '../pdf';
import { renderTestPage } from '../pdf/testPage';
import { getSettings } from '../settings/service';

export function fontsOf(app: AppContext): FontSet {
  return loadFontSet(join(app.config.resourcesDir, 'fonts'));
}

export function pdfOutput(fileName: string, bytes: Buffer): FileOutput {
  return { fileName, mimeType: 'application/pdf', base64: bytes.toString('base64'), byteLength: bytes.length };
}

export async function testPage(app: AppContext, actor: Actor, printer: string | null): Promise<FileOutput> {
  const s = getSettings(app.db);
  const name = printer ?? s.defaultPrinter;
  const profile = name === null ? null : (s.printers.find((p) => p.name === name) ?? null);
  if (name !== null && profile === null) throw new ServiceError('NOT_FOUND', `未登记名为“${name}”的打印机`, 'printer');
  const bytes = await renderTestPage(fontsOf(app), {
    officeName: s.officeName,
    divisionCode: s.divisionCode,
    printedBy: actor.username ?? '',
    printedAt: app.clock.now(),
    printerOffset: profile,
  });
  // Printing is an audited act like any change: who printed what, when.
  writeTransaction(app.db, () =>
    recordAudit(app.db, app.clock, actor, {
      action: 'print',
      entity: 'document',
      entityId: 'test-page',
      detail: `打印测试页${profile ? `（${profile.name}）` : ''}`,
    }),
  );
  return pdfOutput('打印测试页.pdf', bytes);
}
