import type { Generated } from 'kysely';
import type { Db } from '../../core/db/connection';
import { all, first, queryBuilder, run } from '../../core/db/query';
import type { AttachmentKind, AttachmentMimeType } from './contract';

// All SQL of attachments. Lists never read the bytes; only the calls that hand a file out do.

export interface AttachmentMeta {
  id: number;
  kind: AttachmentKind;
  registration_id: number | null;
  divorce_id: number | null;
  mime_type: AttachmentMimeType;
  byte_size: number;
  sha256: string;
  file_name: string;
  width: number | null;
  height: number | null;
  replaces: number | null;
  created_by: number | null;
  created_at: string;
  /** Joined from users; not a column of the table. */
  created_by_name: string | null;
}

export interface AttachmentRow extends AttachmentMeta {
  content: Buffer;
}

type Columns = Omit<AttachmentRow, 'id' | 'created_by_name'> & { id: Generated<number> };

interface Schema {
  marriage_attachments: Columns;
  users: { id: number; display_name: string };
}
const q = queryBuilder<Schema>();

const META = [
  'a.id',
  'a.kind',
  'a.registration_id',
  'a.divorce_id',
  'a.mime_type',
  'a.byte_size',
  'a.sha256',
  'a.file_name',
  'a.width',
  'a.height',
  'a.replaces',
  'a.created_by',
  'a.created_at',
  'u.display_name as created_by_name',
] as const;

const meta = () => q.selectFrom('marriage_attachments as a').leftJoin('users as u', 'u.id', 'a.created_by').select(META);

export function insertAttachment(db: Db, row: Omit<Columns, 'id'>): number {
  return run(db, q.insertInto('marriage_attachments').values(row)).lastInsertRowid;
}

export const attachmentMeta = (db: Db, id: number): AttachmentMeta | undefined => first(db, meta().where('a.id', '=', id));

export const attachmentWithContent = (db: Db, id: number): AttachmentRow | undefined =>
  first(db, meta().select('a.content').where('a.id', '=', id));

/** Every joint photo of a registration, newest first: the first is the current one. */
export const jointPhotosOf = (db: Db, registrationId: number): AttachmentMeta[] =>
  all(db, meta().where('a.kind', '=', 'jointPhoto').where('a.registration_id', '=', registrationId).orderBy('a.id', 'desc'));

/** The current joint photo's bytes (the newest: the trigger keeps the chain linear). */
export const currentJointPhotoRow = (db: Db, registrationId: number): AttachmentRow | undefined =>
  first(
    db,
    meta()
      .select('a.content')
      .where('a.kind', '=', 'jointPhoto')
      .where('a.registration_id', '=', registrationId)
      .orderBy('a.id', 'desc')
      .limit(1),
  );

/** The scanned agreement files of a divorce application, in upload order. */
export const agreementFilesOf = (db: Db, divorceId: number): AttachmentMeta[] =>
  all(db, meta().where('a.kind', '=', 'divorceAgreement').where('a.divorce_id', '=', divorceId).orderBy('a.id'));
