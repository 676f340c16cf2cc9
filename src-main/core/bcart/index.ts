/**
 * BCart integration surface for the rest of the core: the API client, the shared rate limiter, OAuth /
 * personal-token credentials and the normalised model types. Wire schemas stay internal to ./schemas.
 */
export { createBcartClient, EMBED_CAP, IDS_PER_REQUEST, PAGE_LIMIT, PATCH_BATCH } from './client';
export { STOCK_PATCH_BATCH } from './product-stock-api';
export type { BcartClient, BcartClientOptions, BcartClientStats, BcartPing, BcartProgress, CallOptions, LogisticsFilter, OrderFilter } from './client';
export { createRateLimiter, parseRetryAfter, DEFAULT_RATE_BUDGET, RATE_WINDOW_MS } from './rate-limiter';
export type { RateLimiter, RateLimiterOptions } from './rate-limiter';
export { scopesFromJwt } from './jwt-scopes';
export * from './oauth';
export type * from './model';
