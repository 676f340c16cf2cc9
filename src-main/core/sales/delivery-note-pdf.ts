/**
 * Lays out a 納品書 on A4 with the app's PDF layer (src-main/core/pdf/), the one the 請求書 uses: the
 * same fonts, page, table and number/date formats, the same determinism (the creation date is the
 * slip's 確定 time, so the same slip gives the same bytes). Long slips continue on further pages
 * with the table header repeated; every page carries "n / N".
 */
import { cell, CONTENT, drawAmountBox, drawContinuationHeading, drawFooter, drawParties, drawTitle, INK, M, RULE, type Doc } from '../pdf/pdf-page';
import { renderPdf, type RenderedPdf } from '../pdf/pdf-render';
import { drawTable, type Column } from '../pdf/pdf-table';
import { longDate, yenText } from '../pdf/pdf-text';
import type { DeliveryNoteDocument } from './delivery-note-document';

type Key = 'code' | 'name' | 'quantity' | 'unitPrice' | 'amount' | 'rate';

const COLS: readonly Column<Key>[] = [
  { key: 'code', title: '商品コード', w: 90, align: 'left' },
  { key: 'name', title: '品名', w: 190, align: 'left' },
  { key: 'quantity', title: '数量', w: 50, align: 'right' },
  { key: 'unitPrice', title: '単価', w: 70, align: 'right' },
  { key: 'amount', title: '金額', w: 70, align: 'right' },
  { key: 'rate', title: '税率', w: CONTENT - 90 - 190 - 50 - 70 - 70, align: 'center' },
];

function firstPage(doc: Doc, d: DeliveryNoteDocument): number {
  drawTitle(doc, '納品書', [`伝票番号 ${d.slipNo}`, `納品日 ${longDate(d.date)}`]);
  const y = drawParties(doc, d, M + 56, null);
  return drawAmountBox(
    doc,
    { lead: '下記のとおり納品いたしました。', label: '合計金額', amount: yenText(d.total), notes: [d.priceMode === '税込' ? '金額は税込です' : '金額は税抜です'] },
    y,
  );
}

function totals(doc: Doc, d: DeliveryNoteDocument, y: number): number {
  const x = M + CONTENT - 300;
  doc.font('bold').fontSize(9).fillColor(INK).text('税率別内訳', x, y);
  y += 14;
  doc.font('regular').fontSize(9);
  for (const r of d.rateTotals) {
    cell(doc, r.label, x, y, 120, 'left');
    cell(doc, r.tax === null ? yenText(r.net) : d.priceMode === '税込' ? `税込 ${yenText(r.gross)}` : `税抜 ${yenText(r.net)}`, x + 110, y, 100, 'right');
    cell(doc, r.tax === null ? '' : d.priceMode === '税込' ? `内消費税 ${yenText(r.tax)}` : `消費税 ${yenText(r.tax)}`, x + 205, y, 95, 'right');
    y += 14;
  }
  doc.moveTo(x, y + 1).lineTo(M + CONTENT, y + 1).lineWidth(0.6).strokeColor(RULE).stroke();
  y += 5;
  for (const [label, amount, bold] of [
    ['税抜合計', d.net, false],
    ['消費税', d.tax, false],
    ['合計(税込)', d.total, true],
  ] as const) {
    doc.font(bold ? 'bold' : 'regular').fontSize(9.5);
    cell(doc, label, x, y, 140, 'left');
    cell(doc, yenText(amount), x + 140, y, 160, 'right');
    y += 15;
  }
  if (d.legend) {
    doc.font('regular').fontSize(8).text(d.legend, M, y);
    y += 12;
  }
  if (d.memo) {
    doc.font('regular').fontSize(8.5).text(`備考: ${d.memo}`, M, y + 4, { width: CONTENT });
    y += 16;
  }
  return y;
}

/** Renders one 納品書; `createdAt` fixes the PDF's dates so equal slips give equal bytes. */
export async function renderDeliveryNotePdf(d: DeliveryNoteDocument, createdAt: Date): Promise<RenderedPdf> {
  return renderPdf({ title: `納品書 ${d.slipNo}`, author: d.issuer.name, createdAt }, (doc) => {
    const table = drawTable(
      doc,
      {
        columns: COLS,
        rows: d.lines,
        cells: (l) => ({ code: l.code, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, amount: yenText(l.amount), rate: l.rate }),
        continuation: (page) => drawContinuationHeading(page, `納品書(続き)  ${d.slipNo}`, null),
        after: 14 + 14 * d.rateTotals.length + 6 + 45 + (d.legend ? 12 : 0) + (d.memo ? 16 : 0),
      },
      firstPage(doc, d),
    );
    totals(doc, d, table.y);
    const pages = doc.bufferedPageRange().count;
    for (let p = 0; p < pages; p++) {
      doc.switchToPage(p);
      drawFooter(doc, `${d.issuer.name}  納品書 ${d.slipNo}`, p + 1, pages);
    }
  });
}
