/**
 * 請求書 PDF of one statement or of every statement of a closing date (a batch, one file): gathers
 * the statement, 自社情報, the customer and the invoice lines, builds the document and renders it.
 * The same function serves the CLI, the IPC handler and the tests.
 */
import { AppError } from '../../../../src-shared/errors';
import type { BillingService } from '../billing-service';
import type { CompanyRepository } from '../company-repository';
import type { CustomerTermsRepository } from '../customer-terms-repository';
import type { StatementRepository } from '../statement-repository';
import { buildStatementDocument, type StatementDocument } from './statement-document';
import type { RenderedPdf } from '../../pdf/pdf-render';
import { renderStatementsPdf } from './statement-pdf';

export interface StatementPdf extends RenderedPdf {
  fileName: string;
}

export function createStatementPdfService(repos: { billing: BillingService; company: CompanyRepository; customers: CustomerTermsRepository; statements: StatementRepository }) {
  function documentOf(id: number): { doc: StatementDocument; createdAt: string; customer: string } {
    const detail = repos.billing.get(id);
    const company = repos.company.get();
    if (!company.saved) {
      throw new AppError('VALIDATION', '自社情報が未登録のため請求書を作れません。「システム設定 › 自社情報」で会社名・住所・登録番号を登録してください。');
    }
    const customer = repos.customers.byCode(detail.customer);
    const lines = repos.statements.linesOf(detail.invoices.map((i) => i.invoiceId));
    return { doc: buildStatementDocument({ detail, company, customer, lines }), createdAt: detail.createdAt, customer: detail.customer };
  }

  return {
    async statement(id: number): Promise<StatementPdf> {
      const { doc, createdAt, customer } = documentOf(id);
      const pdf = await renderStatementsPdf([doc], new Date(createdAt), `請求書 No.${id}`);
      return { ...pdf, fileName: `請求書_No${id}_${customer}_${doc.issueDate.replace(/-/g, '')}.pdf` };
    },
    /** Every 請求書 of a closing date, by customer code, in one file. */
    async batch(closingDate: string): Promise<StatementPdf> {
      const rows = repos.statements.list({ closingDate, limit: 10_000 }).sort((a, b) => (a.customer < b.customer ? -1 : a.customer > b.customer ? 1 : a.s.id - b.s.id));
      if (rows.length === 0) throw new AppError('NOT_FOUND', `締日 ${closingDate} の請求書がありません。先に請求締めを行ってください。`);
      const docs = rows.map((r) => documentOf(r.s.id));
      const createdAt = docs.map((d) => d.createdAt).sort().at(-1)!;
      const pdf = await renderStatementsPdf(
        docs.map((d) => d.doc),
        new Date(createdAt),
        `請求書 ${closingDate}`,
      );
      return { ...pdf, fileName: `請求書_${closingDate.replace(/-/g, '')}_${rows.length}件.pdf` };
    },
  };
}
export type StatementPdfService = ReturnType<typeof createStatementPdfService>;
