/**
 * BCart API simulator: a local stand-in for https://api.bcart.jp/api/v1 with a seeded demo shop,
 * BCart's rate limit, OAuth (code + PKCE) and fault switches. Used by demo mode, the CLI, tests and
 * benchmarks. Never exposed beyond 127.0.0.1.
 */
export { startSimulator, type RunningSimulator, type SimulatorOptions } from './start-simulator';
export { SimulatorState, SimulatorInputError, type OrderInput, type RequestLogEntry, type StateOptions } from './state';
export { FaultSwitches, FAULT_KINDS, WRITE_FAULT_KINDS, type FaultKind, type FaultRule, type RandomFaultOptions, type AppliedFault } from './faults';
export { ALL_SCOPES, s256 } from './auth-store';
export { SUPPORTED_PAYMENTS, UNSUPPORTED_PAYMENTS } from './order-generator';
export { EMBED_CAP } from './api-orders';
export { MAX_LIMIT, DEFAULT_LIMIT } from './paging';
export type { StoredOrder } from './order-builder';
export type * from './wire-types';
export { startDemoShop, demoShopPort, DEMO_SHOP, DEMO_SHOP_CONVENTIONS, DEMO_SHAPE_ORDERS } from './demo-shop';
