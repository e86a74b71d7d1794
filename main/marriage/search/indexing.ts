import type { Db } from '../../core/db/connection';
import { namesOfRegistration, replaceSearchEntry, setPartyInitials } from './data';
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
