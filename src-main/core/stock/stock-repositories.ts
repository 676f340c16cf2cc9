/**
 * The stock feature's repositories, each the only writer of its tables (docs/architecture.md):
 * stock slips and lines, the ledger rows of stock slips and 在庫移行, the 在庫反映 outbox, the
 * per-setting stock options with the 在庫移行 record, and the read side of the links to BCart sets.
 */
import type { Db } from '../db/db-handle';
import { createLedgerRepository } from './ledger-repository';
import { createOutboxRepository } from './outbox-repository';
import { createStockLinkRepository } from './stock-link-repository';
import { createStockSettingsRepository } from './stock-settings-repository';
import { createStockSlipRepository } from './stock-slip-repository';

export function createStockRepositories(db: Db) {
  return {
    slips: createStockSlipRepository(db),
    ledger: createLedgerRepository(db),
    outbox: createOutboxRepository(db),
    links: createStockLinkRepository(db),
    settings: createStockSettingsRepository(db),
  };
}
export type StockRepositories = ReturnType<typeof createStockRepositories>;
