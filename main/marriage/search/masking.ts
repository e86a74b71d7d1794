import type { Permission } from '../../core/contract/roles';

/**
 * Where an identity document number is about to be shown.
 *  - record: one registration opened on its record page;
 *  - list:   search results and other lists on screen;
 *  - export: a file leaving the system (search results exported).
 */
export type NumberPlace = 'record' | 'list' | 'export';

/**
 * Whether the full document number may be shown; otherwise it is masked (500118********1234).
 *
 * The rule (the service layer applies it; the screens only display what they get):
 *  - record page: in full for the marriage roles (婚姻登记员, 婚姻登记负责人) — the clerk compares
 *    the number with the card in the person's hand before a divorce, a replacement or a correction;
 *  - lists: always masked, for every role — a screen of results is seen by whoever stands at the
 *    counter, and telling records apart needs only the first 6 and last 4 characters;
 *  - exports: masked, unless a 婚姻登记负责人 (marriage.supervise) explicitly asks for full numbers
 *    (a court, the public security bureau); such an export is audited as a full-number export.
 * Every other role (administrator, auditor, funeral and place-name staff) never sees them in full.
 */
export function showsFullDocumentNumber(
  permissions: ReadonlySet<Permission>,
  place: NumberPlace,
  requestedFull = false,
): boolean {
  switch (place) {
    case 'record':
      return permissions.has('marriage.register') || permissions.has('marriage.supervise');
    case 'list':
      return false;
    case 'export':
      return requestedFull && permissions.has('marriage.supervise');
  }
}
