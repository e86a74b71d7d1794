// National code tables (GB/T 2261, GB/T 3304, GB/T 2260, ISO 3166-1) as data, with lookups and zod
// enums. Pure TypeScript importing only zod, so forms in the renderer can use the same tables.
export * from './codeTable';
export * from './ethnicGroups';
export * from './maritalStatus';
export * from './nationalities';
export * from './provinces';
export * from './sex';
