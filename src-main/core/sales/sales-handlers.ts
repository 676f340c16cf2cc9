/** IPC handlers of 売上伝票: each write announces the roots it changed once it committed. */
import type { DataRoot } from '../../../src-shared/ipc/data-roots';
import type { CsvJobs } from '../csv/csv-jobs';
import type { DeliveryNoteService } from './delivery-note-service';
import type { Handler } from '../ipc/handler-types';
import { importSalesCsv } from './sales-csv-import';
import type { SalesRepository } from './sales-repository';
import type { SalesService } from './sales-service';

type SalesChannels =
  | 'sales:list'
  | 'sales:get'
  | 'sales:save'
  | 'sales:saveAndConfirm'
  | 'sales:confirm'
  | 'sales:cancel'
  | 'sales:delete'
  | 'sales:customerPrices'
  | 'sales:setCustomerPrices'
  | 'sales:importCsv'
  | 'sales:pdfDeliveryNote';

export interface SalesHandlerDeps {
  sales: SalesService;
  repo: SalesRepository;
  changed(...roots: [DataRoot, ...DataRoot[]]): void;
  csvJobs: CsvJobs;
  deliveryNotes: DeliveryNoteService;
}

export function createSalesHandlers(deps: SalesHandlerDeps): { [C in SalesChannels]: Handler<C> } {
  const { sales, repo, changed, csvJobs, deliveryNotes } = deps;
  // 確定 / 確定取消 also write the 請求伝票 (slips), the stock ledger and 在庫反映 (stock)
  const booked = () => changed('sales', 'slips', 'stock');
  return {
    'sales:list': (input) => repo.list(input),
    'sales:get': ({ id }) => sales.get(id),
    'sales:save': (input) => {
      const r = sales.save(input);
      changed('sales');
      return r;
    },
    'sales:saveAndConfirm': (input) => {
      const r = sales.saveAndConfirm(input);
      booked();
      return r;
    },
    'sales:confirm': ({ id }) => {
      const r = sales.confirm(id);
      booked();
      return r;
    },
    'sales:cancel': ({ id }) => {
      const r = sales.cancel(id);
      booked();
      return r;
    },
    'sales:delete': ({ id }) => {
      sales.remove(id);
      changed('sales');
      return { id };
    },
    'sales:pdfDeliveryNote': ({ id }) => deliveryNotes.pdf(id),
    'sales:customerPrices': ({ customerId }) => ({ rows: repo.customerPrices(customerId) }),
    'sales:importCsv': (input) =>
      csvJobs.run(input.jobId, async (job) => {
        const r = await importSalesCsv({ repo, sales }, Buffer.from(input.contentBase64, 'base64'), { signal: job.signal, onProgress: job.onProgress }, job.beginWrite);
        booked();
        return r;
      }),
    'sales:setCustomerPrices': ({ customerId, prices }) => {
      const rows = sales.setCustomerPrices(customerId, prices);
      changed('sales');
      return { rows };
    },
  };
}
