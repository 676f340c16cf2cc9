/**
 * 納品書 PDF of a confirmed 売上伝票 (the same bytes for the IPC channel and the tests): gathers the
 * slip, 自社情報 and the 得意先's address, builds the document and renders it with the 請求書's PDF
 * layer. A draft or 取消 slip has no 納品書; without 自社情報 the issuer is unknown — both refused
 * with what to do.
 */
import type { Company } from '../../../src-shared/company/company';
import { AppError } from '../../../src-shared/errors';
import type { PdfFile } from '../../../src-shared/receivables/statements';
import { buildDeliveryNote, type Recipient } from './delivery-note-document';
import { renderDeliveryNotePdf } from './delivery-note-pdf';
import type { SalesRepository } from './sales-repository';
import type { SalesService } from './sales-service';

export interface DeliveryNoteDeps {
  sales: Pick<SalesService, 'get'>;
  repo: Pick<SalesRepository, 'reducedTaxClasses'>;
  company(): Company;
  /** the 得意先 with its address, by 取引先コード */
  recipient(code: string): Recipient;
}

export function createDeliveryNoteService(d: DeliveryNoteDeps) {
  return {
    async pdf(id: number): Promise<PdfFile> {
      const slip = d.sales.get(id);
      if (slip.status !== 'confirmed' || slip.slipNo === null) {
        throw new AppError('VALIDATION', '納品書は確定済みの売上伝票だけ作れます。売上伝票を確定してから、もう一度「納品書PDF」を押してください。');
      }
      const company = d.company();
      if (!company.saved) {
        throw new AppError('VALIDATION', '自社情報が未登録のため納品書を作れません。「システム設定 › 自社情報」で会社名・住所を登録してください。');
      }
      const doc = buildDeliveryNote(slip, company, d.recipient(slip.customerCode), d.repo.reducedTaxClasses(slip.lines.map((l) => l.taxClassId)));
      const pdf = await renderDeliveryNotePdf(doc, new Date(slip.confirmedAt ?? slip.date));
      return {
        fileName: `納品書_${slip.slipNo}_${slip.customerCode}_${slip.date.replace(/-/g, '')}.pdf`,
        contentBase64: pdf.bytes.toString('base64'),
        pages: pdf.pages,
      };
    },
  };
}
export type DeliveryNoteService = ReturnType<typeof createDeliveryNoteService>;
