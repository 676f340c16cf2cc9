/**
 * Lays out 請求書 documents on A4 with PDFKit, in plain Node, so the CLI, the tests and the app make
 * the same bytes from the same data (the creation date is the statement's own timestamp and PDFKit's
 * file id is derived from it). Long statements continue on further pages: each page ends with
 * 次頁へ繰越 and the next starts with 前頁より繰越 (the running sum of the 金額 column), and every
 * page carries "n / N" of its statement. Several statements make one file, each from a new page.
 */
import { cell, CONTENT, drawAmountBox, drawContinuationHeading, drawFooter, drawParties, drawTitle, FILL, fit, INK, M, MUTED, RULE, type Doc } from '../../pdf/pdf-page';
import { renderPdf, type RenderedPdf } from '../../pdf/pdf-render';
import { drawTable, type Column, type TableGeometry } from '../../pdf/pdf-table';
import { longDate, REDUCED_LEGEND, shortDate, yenText } from '../../pdf/pdf-text';
import { NOT_QUALIFIED_NOTE, type DetailRow, type StatementDocument } from './statement-document';

type Key = 'date' | 'slip' | 'name' | 'quantity' | 'unitPrice' | 'amount' | 'rate';

/** Detail table columns (widths from the left margin, alignment). */
const COLS: readonly Column<Key>[] = [
  { key: 'date', title: '日付', w: 72, align: 'left' },
  { key: 'slip', title: '伝票番号', w: 84, align: 'left' },
  { key: 'name', title: '品名', w: 150, align: 'left' },
  { key: 'quantity', title: '数量', w: 45, align: 'right' },
  { key: 'unitPrice', title: '単価', w: 62, align: 'right' },
  { key: 'amount', title: '金額', w: 66, align: 'right' },
  { key: 'rate', title: '税率', w: CONTENT - 72 - 84 - 150 - 45 - 62 - 66, align: 'center' },
];

/** Page 1: title, recipient, issuer, amount due, summary and 振込先. Returns where the table starts. */
function firstPageHeader(doc: Doc, d: StatementDocument): number {
  drawTitle(doc, '請求書', [`請求書番号 No.${d.statementNo}`, `請求日 ${longDate(d.issueDate)}`]);
  if (!d.qualified) {
    doc.fillColor('#a00000').fontSize(8.5).text(NOT_QUALIFIED_NOTE, M, M + 34, { width: CONTENT, align: 'center' });
  }
  let y = drawParties(doc, d, M + 56, '登録番号 なし');
  y = drawAmountBox(
    doc,
    {
      lead: '下記のとおりご請求申し上げます。',
      label: 'ご請求金額',
      amount: yenText(d.summary.total),
      notes: [`お支払期限  ${longDate(d.dueDate)}`, `対象期間  ${shortDate(d.periodFrom)} 〜 ${shortDate(d.periodTo)}`],
    },
    y,
  );

  // summary: 前回請求額 … 今回請求額
  const heads = ['前回請求額', '今回入金額', '繰越金額', '今回売上額(税抜)', '消費税額', '今回売上額(税込)', '今回請求額'];
  const values = [d.summary.previous, d.summary.received, d.summary.carriedOver, d.summary.salesNet, d.summary.salesTax, d.summary.salesTotal, d.summary.total];
  const w = CONTENT / heads.length;
  doc.rect(M, y, CONTENT, 16).fill(FILL);
  heads.forEach((h, i) => {
    doc.fillColor(INK).font('bold').fontSize(7.5);
    cell(doc, h, M + i * w, y + 4, w, 'center', 1);
    doc.font(i === heads.length - 1 ? 'bold' : 'regular').fontSize(9.5);
    cell(doc, yenText(values[i]!), M + i * w, y + 21, w, 'right');
  });
  doc.rect(M, y, CONTENT, 36).lineWidth(0.6).strokeColor(RULE).stroke();
  for (let i = 1; i < heads.length; i++) doc.moveTo(M + i * w, y).lineTo(M + i * w, y + 36).lineWidth(0.3).strokeColor(RULE).stroke();
  y += 44;

  // 振込先
  doc.font('regular').fontSize(8.5).fillColor(INK);
  if (d.issuer.bankLines.length > 0) {
    d.issuer.bankLines.slice(0, 3).forEach((b, i) => {
      doc.text(`${i === 0 ? 'お振込先' : ''}`, M, y, { width: 50 });
      doc.text(fit(doc, b, CONTENT - 55), M + 55, y, { width: CONTENT - 55 });
      y += 12;
    });
    doc.fillColor(MUTED).fontSize(7.5).text('お振込手数料は貴社にてご負担ください。', M + 55, y);
    y += 12;
  }
  return y + 8;
}

function continuationHeader(doc: Doc, d: StatementDocument): number {
  return drawContinuationHeading(doc, `請求書(続き)  No.${d.statementNo}`, `${d.recipient.name} 御中  /  請求日 ${longDate(d.issueDate)}`);
}

/** Per-rate totals, 消費税調整, the legend. Returns the y after it. */
function totalsBlock(doc: Doc, d: StatementDocument, y: number): number {
  const x = M + CONTENT - 300;
  doc.font('bold').fontSize(9).fillColor(INK).text('税率別内訳', x, y);
  y += 14;
  for (const r of d.rateTotals) {
    doc.font('regular').fontSize(9);
    cell(doc, r.label, x, y, 120, 'left', 0);
    cell(doc, r.tax === null ? yenText(r.net) : `税抜 ${yenText(r.net)}`, x + 120, y, 95, 'right', 0);
    cell(doc, r.tax === null ? '' : `消費税 ${yenText(r.tax)}`, x + 215, y, 85, 'right', 0);
    y += 14;
  }
  if (d.taxUnit === '請求単位') {
    doc.fillColor(MUTED).fontSize(8);
    cell(doc, `消費税は請求書単位で税率ごとに計算しています(伝票の消費税との差額 ${yenText(d.taxAdjustment)})。`, M, y, CONTENT, 'right', 0);
    y += 12;
  }
  doc.moveTo(x, y + 1).lineTo(M + CONTENT, y + 1).lineWidth(0.6).strokeColor(RULE).stroke();
  y += 5;
  doc.font('bold').fontSize(9.5).fillColor(INK);
  cell(doc, '今回売上額(税込)', x, y, 140, 'left', 0);
  cell(doc, yenText(d.summary.salesTotal), x + 140, y, 160, 'right', 0);
  y += 16;
  if (d.hasReduced) {
    doc.font('regular').fontSize(8).fillColor(INK).text(REDUCED_LEGEND, M, y);
    y += 12;
  }
  return y;
}

/** The detail rows other than items: a slip's subtotal, a note. */
function otherRow(doc: Doc, row: DetailRow, y: number, g: TableGeometry<Key>): void {
  doc.fillColor(MUTED).fontSize(8);
  if (row.type === 'subtotal') {
    cell(doc, row.text, g.x('slip'), y + 3, g.span('slip', 'quantity'), 'right');
    cell(doc, row.amount, g.x('unitPrice'), y + 3, g.span('unitPrice', 'rate'), 'right');
  } else if (row.type === 'note') {
    cell(doc, row.text, g.x('slip'), y + 3, g.span('slip', 'rate'), 'left');
  }
}

/** Draws one statement from a new page; returns how many pages it took. */
function drawStatement(doc: Doc, d: StatementDocument, first: boolean): number {
  if (!first) doc.addPage();
  const totalsHeight = 16 + 14 * d.rateTotals.length + (d.taxUnit === '請求単位' ? 12 : 0) + 24 + (d.hasReduced ? 12 : 0);
  const table = drawTable(
    doc,
    {
      columns: COLS,
      rows: d.rows,
      cells: (row) => (row.type === 'item' ? { ...row, amount: yenText(row.amount) } : null),
      drawOther: otherRow,
      continuation: (page) => continuationHeader(page, d),
      carry: { amount: (row) => (row.type === 'item' ? row.amount : 0), labelFrom: 'name', amountKey: 'amount', text: yenText },
      empty: '今回のお取引はありません。',
      after: totalsHeight,
    },
    firstPageHeader(doc, d),
  );
  totalsBlock(doc, d, table.y);
  return 1 + table.addedPages;
}

/** Renders statements into one PDF (each statement numbered "n / N" on its own pages). */
export async function renderStatementsPdf(documents: readonly StatementDocument[], createdAt: Date, title: string): Promise<RenderedPdf> {
  return renderPdf({ title, author: documents[0]?.issuer.name ?? '', createdAt }, (doc) => {
    const spans: { doc: StatementDocument; start: number; pages: number }[] = [];
    let start = 0;
    documents.forEach((d, i) => {
      const pages = drawStatement(doc, d, i === 0);
      spans.push({ doc: d, start, pages });
      start += pages;
    });
    for (const s of spans) {
      for (let p = 0; p < s.pages; p++) {
        doc.switchToPage(s.start + p);
        drawFooter(doc, `${s.doc.issuer.name}  請求書 No.${s.doc.statementNo}`, p + 1, s.pages);
      }
    }
  });
}
