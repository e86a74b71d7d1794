import type { Db } from '../db/connection';
import type { Generated, Selectable } from 'kysely';
import { all, first, queryBuilder, run } from '../db/query';
import type { Role } from '../contract/roles';

interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  disabled: Generated<number>;
  must_change_password: number;
  failed_logins: Generated<number>;
  locked_until: string | null;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}
interface Schema {
  users: UsersTable;
  user_roles: { user_id: number; role: Role };
}
const q = queryBuilder<Schema>();

export type UserRecord = Selectable<UsersTable>;
export type UserRow = UserRecord & { roles: Role[] };

function withRoles(db: Db, u: UserRecord | undefined): UserRow | undefined {
  if (!u) return undefined;
  const roles = all(db, q.selectFrom('user_roles').select('role').where('user_id', '=', u.id).orderBy('role')).map((r) => r.role);
  return { ...u, roles };
}

export const countUsers = (db: Db): number =>
  first(
    db,
    q.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')),
  )?.n ?? 0;

export const userById = (db: Db, id: number): UserRow | undefined =>
  withRoles(db, first(db, q.selectFrom('users').selectAll().where('id', '=', id)));

export const userByName = (db: Db, username: string): UserRow | undefined =>
  withRoles(db, first(db, q.selectFrom('users').selectAll().where('username', '=', username)));

export function listUsers(db: Db): UserRow[] {
  const users = all(db, q.selectFrom('users').selectAll().orderBy('id'));
  const roles = all(db, q.selectFrom('user_roles').selectAll());
  return users.map((u) => ({
    ...u,
    roles: roles
      .filter((r) => r.user_id === u.id)
      .map((r) => r.role)
      .sort(),
  }));
}

export function insertUser(
  db: Db,
  u: Pick<UserRecord, 'username' | 'display_name' | 'password_hash' | 'must_change_password' | 'created_at'>,
  roles: readonly Role[],
): number {
  const id = run(db, q.insertInto('users').values({ ...u, updated_at: u.created_at })).lastInsertRowid;
  setRoles(db, id, roles);
  return id;
}

export function setRoles(db: Db, userId: number, roles: readonly Role[]): void {
  run(db, q.deleteFrom('user_roles').where('user_id', '=', userId));
  for (const role of new Set(roles)) run(db, q.insertInto('user_roles').values({ user_id: userId, role }));
}

export function updateUser(
  db: Db,
  id: number,
  patch: Partial<Omit<UserRecord, 'id' | 'username' | 'created_at'>> & { updated_at: string },
): void {
  run(db, q.updateTable('users').set(patch).where('id', '=', id));
}
