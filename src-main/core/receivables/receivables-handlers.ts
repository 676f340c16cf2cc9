/**
 * IPC handlers of 売掛管理. Takes the feature's service and the event bus — not the whole core
 * context — and announces its writes as the data roots 'company' (自社情報) and 'receivables'
 * (請求書, 入金伝票 and everything computed from them).
 */
import { emitDataChanged, type EventBus } from '../event-bus';
import type { Handlers } from '../ipc/handler-types';
import type { Logger } from '../ports';
import { balancesCsv } from './balances-csv';
import type { ReceivablesService } from './receivables-service';

type ReceivablesChannel =
  | 'company:get'
  | 'company:save'
  | 'billing:preview'
  | 'billing:close'
  | 'billing:issue'
  | 'billing:undo'
  | 'billing:list'
  | 'billing:get'
  | 'billing:pdf'
  | 'billing:pdfBatch'
  | 'payments:record'
  | 'payments:list'
  | 'payments:get'
  | 'payments:unconfirm'
  | 'payments:confirm'
  | 'payments:delete'
  | 'payments:applyCredits'
  | 'receivables:openItems'
  | 'receivables:balances'
  | 'receivables:schedule'
  | 'receivables:exportCsv';

export interface ReceivablesHandlerDeps {
  service: ReceivablesService;
  events: EventBus;
  logger: Logger;
}

export function createReceivablesHandlers({ service, events, logger }: ReceivablesHandlerDeps): Pick<Handlers, ReceivablesChannel> {
  const changed = <T>(value: T): T => {
    emitDataChanged(events, 'receivables');
    return value;
  };
  const log = logger.child('receivables');
  return {
    'company:get': () => service.company.get(),
    'company:save': (input) => {
      const saved = service.company.save(input);
      emitDataChanged(events, 'company');
      return saved;
    },
    'billing:preview': ({ date, customer }) => service.billing.preview(date, customer),
    'billing:close': ({ date, customer }) => changed(service.billing.close(date, customer)),
    'billing:issue': ({ date, customer }) => changed(service.billing.issue(date, customer)),
    'billing:undo': ({ id }) => {
      service.billing.undo(id);
      return changed({ statementId: id });
    },
    'billing:list': (input) => ({ rows: service.billing.list(input ?? {}) }),
    'billing:get': ({ id }) => service.billing.get(id),
    'billing:pdf': async ({ id }) => {
      const pdf = await service.pdf.statement(id);
      log.info('statement pdf', { id, pages: pdf.pages, bytes: pdf.bytes.length });
      return { fileName: pdf.fileName, contentBase64: pdf.bytes.toString('base64'), pages: pdf.pages };
    },
    'billing:pdfBatch': async ({ closingDate }) => {
      const pdf = await service.pdf.batch(closingDate);
      log.info('statement pdf batch', { closingDate, pages: pdf.pages, bytes: pdf.bytes.length });
      return { fileName: pdf.fileName, contentBase64: pdf.bytes.toString('base64'), pages: pdf.pages };
    },
    'payments:record': (input) => changed(service.payments.record(input)),
    'payments:list': (input) => ({ rows: service.payments.list(input ?? {}) }),
    'payments:get': ({ id }) => service.payments.get(id),
    'payments:unconfirm': ({ id }) => changed(service.payments.unconfirm(id)),
    'payments:confirm': ({ id }) => changed(service.payments.confirm(id)),
    'payments:delete': ({ id }) => {
      service.payments.remove(id);
      return changed({ id });
    },
    'payments:applyCredits': ({ customerId }) => changed(service.payments.applyCredits(customerId)),
    'receivables:openItems': ({ customerId }) => service.ledger.openItems(customerId),
    'receivables:balances': (input) => service.ledger.balances(input?.asOf),
    'receivables:schedule': (input) => service.ledger.schedule(input?.asOf),
    'receivables:exportCsv': ({ asOf, encoding }) => balancesCsv(service.ledger.balances(asOf), encoding),
  };
}
