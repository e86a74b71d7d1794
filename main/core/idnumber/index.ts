// Identity document numbers: parsing, normalising, masking. Pure TypeScript importing only zod and
// the code tables, so forms in the renderer give the same answer as the main process.
export * from './checked';
export * from './dates';
export * from './normalize';
export * from './otherDocuments';
export * from './residentId';
