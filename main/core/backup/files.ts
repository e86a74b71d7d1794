import { closeSync, openSync, readSync } from 'node:fs';
import type { BackupKind } from './contract';

const NAME = /^registry-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?-(manual|daily|pre-restore)\.db$/;

export function backupFileName(at: Date, kind: BackupKind, attempt: number): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  const stamp = `${at.getFullYear()}${p(at.getMonth() + 1)}${p(at.getDate())}-${p(at.getHours())}${p(at.getMinutes())}${p(at.getSeconds())}`;
  return `registry-${stamp}${attempt > 0 ? `-${attempt}` : ''}-${kind}.db`;
}

export function parseBackupFileName(name: string): { createdAt: Date; kind: BackupKind } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, kind] = m;
  return {
    createdAt: new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)),
    kind: kind as BackupKind,
  };
}

/**
 * Reads PRAGMA user_version straight from the file header (bytes 60–63, big-endian) without
 * opening the database: listing backups must not touch them.
 */
export function headerSchemaVersion(file: string): number | null {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    if (readSync(fd, header, 0, 100, 0) < 100) return null;
    if (header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') return null;
    return header.readUInt32BE(60);
  } finally {
    closeSync(fd);
  }
}
