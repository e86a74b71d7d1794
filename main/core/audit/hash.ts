import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
}

/** Each entry's hash covers its own fields and the previous hash: editing any entry breaks the chain after it. */
export function entryHash(prevHash: string, f: HashedFields): string {
  const canonical = JSON.stringify([
    prevHash,
    f.at,
    f.user_id,
    f.username,
    f.action,
    f.entity,
    f.entity_id,
    f.before,
    f.after,
    f.detail,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
