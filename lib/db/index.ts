// The only door to IndexedDB: everything else imports the store through this folder.
export * from './open';
export * from './reads';
export * from './writes';
export * from './import';
export * from './backup';
export { rebuildSummaries } from './summaries';
export { applyRemoteRecords, countUnshared, markShared, stampMember, unsharedRecords } from './team';
export * from './sync-state';
export { allInvoices, countInvoices, type InvoiceBook } from './books';
