// Shared shape of the national code tables: a code and its Chinese name, kept as typed const data
// so a table is reviewable line by line against the standard and its codes become a zod enum.

export interface CodeEntry {
  readonly code: string;
  readonly name: string;
}

/** The codes of a table as a non-empty tuple, which is what `z.enum` needs to keep the literal types. */
export function codesOf<const T extends readonly CodeEntry[]>(table: T): [T[number]['code'], ...T[number]['code'][]] {
  if (table.length === 0) throw new Error('a code table must not be empty');
  return table.map((entry) => entry.code) as [T[number]['code'], ...T[number]['code'][]];
}

/** The entry for a code, or undefined when the table does not have it. */
export function entryOf<T extends CodeEntry>(table: readonly T[], code: string): T | undefined {
  return table.find((entry) => entry.code === code);
}

/** The Chinese name for a code, or undefined when the table does not have it. */
export function nameOf(table: readonly CodeEntry[], code: string): string | undefined {
  return entryOf(table, code)?.name;
}
