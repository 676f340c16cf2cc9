// The drizzle schema of the whole app. drizzle-kit generates drizzle/ from this file
// (npm run db:generate); scripts/check-migrations.mjs fails CI when they disagree.
export * from './masters';
export * from './app-state';
