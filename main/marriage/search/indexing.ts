import type { Db } from '../../core/db/connection';
import { insertSearchEntry, namesOfRegistration, replaceSearchEntry, setPartyInitials } from './data';
import { registrationTokens, searchKey, storedInitials } from './names';

/**
 * (Re)indexes one registration's names for search: the parties' stored initials and the
 * registration's row in the name index. Call it inside the write transaction that wrote the
 * names — registration, an approved correction, an archive import — so the index never lags.
 */
export function indexRegistrationNames(db: Db, registrationId: number): void {
  const found = namesOfRegistration(db, registrationId);
  if (!found) throw new Error(`no registration ${registrationId} to index`);
  for (const p of found.parties) setPartyInitials(db, registrationId, p.sex, storedInitials(p.name));
  replaceSearchEntry(
    db,
    searchKey(found.registrationDate, registrationId),
    registrationTokens(
      found.parties.map((p) => p.name),
      found.source,
    ).join(' '),
  );
}

/**
 * Indexes a registration written just now whose parties were inserted with their stored initials
 * (storedInitials): the bulk path of the archive import, which writes thousands in one transaction.
 */
export function indexNewRegistration(
  db: Db,
  r: { id: number; registrationDate: string; source: 'counter' | 'archive'; names: readonly string[] },
): void {
  insertSearchEntry(db, searchKey(r.registrationDate, r.id), registrationTokens(r.names, r.source).join(' '));
}
