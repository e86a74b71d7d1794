import { appendFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { AppContext } from './app';

/**
 * Unexpected errors go to a log file in the data folder with a short reference; the clerk sees
 * only the reference, the administrator finds the stack by it.
 */
export function logError(app: AppContext, where: string, error: unknown): string {
  const ref = randomBytes(4).toString('hex').toUpperCase();
  const line = `${new Date().toISOString()} [${ref}] ${where}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
  try {
    const dir = join(app.config.dataDir, 'logs');
    mkdirSync(dir, { recursive: true });
    appendFileSync(join(dir, 'error.log'), line);
  } catch {
    // A full disk must not turn one error into two.
  }
  if (!process.env.VITEST) console.error(line.trimEnd());
  return ref;
}
