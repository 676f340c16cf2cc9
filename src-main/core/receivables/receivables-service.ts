/**
 * The 売掛管理 feature assembled from its repositories and services (docs/receivables-rules.md).
 * create-core builds it once; the IPC handlers and the CLI use the same object.
 */
import { createBillingService } from './billing-service';
import { createLedgerService } from './ledger-service';
import { createPartnerGuard } from './partner-guard';
import { createPaymentService } from './payment-service';
import { createStatementPdfService } from './pdf/statement-pdf-service';
import type { ReceivablesDeps } from './receivables-deps';

export function createReceivablesService(deps: ReceivablesDeps) {
  const { company, customerTerms: customers, statements, payments: paymentRepo, receivablesLedger: ledgerRepo } = deps.repos;
  const ledger = createLedgerService(deps, { customers, statements, ledger: ledgerRepo });
  const billing = createBillingService(deps, { customers, statements }, ledger);
  return {
    company,
    customers,
    statements,
    ledger,
    billing,
    pdf: createStatementPdfService({ billing, company, customers, statements }),
    payments: createPaymentService(deps, { customers, statements, payments: paymentRepo, ledger: ledgerRepo }, ledger),
    /** refuses partner edits that would rewrite billed history (wired into the 取引先 master) */
    guardPartnerUpdate: createPartnerGuard(customers, statements, ledgerRepo),
  };
}
export type ReceivablesService = ReturnType<typeof createReceivablesService>;
