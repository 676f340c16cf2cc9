// The drizzle schema of the whole app. drizzle-kit generates drizzle/ from this file
// (npm run db:generate); scripts/check-migrations.mjs fails CI when they disagree.
export * from './masters';
export * from './app-state';
export * from './ec-settings';
export * from './slips';
export * from './import-runs';
export * from './schedules';
export * from './subscriptions';
export * from './receivables';
export * from './stock';
export * from './leases';
