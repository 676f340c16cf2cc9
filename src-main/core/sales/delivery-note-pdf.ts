/**
 * Lays out a 納品書 on A4 with PDFKit and BIZ UDPGothic, the PDF layer of the 請求書
 * (src-main/core/receivables/pdf/): the same fonts and number/date formats, the same determinism
 * (the creation date is the slip's 確定 time, so the same slip gives the same bytes). Long slips
 * continue on further pages with the table header repeated; every page carries "n / N".
 */
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import { loadPdfFonts } from '../receivables/pdf/pdf-font';
import { A4, BOTTOM, cell, CONTENT, drawParties, FILL, FOOTER_Y, INK, M, MUTED, ROW_H, RULE, type Doc } from '../receivables/pdf/pdf-page';
import type { RenderedPdf } from '../receivables/pdf/statement-pdf';
import { longDate, yenText } from '../receivables/pdf/statement-document';
import type { DeliveryNoteDocument } from './delivery-note-document';


const COLS = [
  { key: 'code', title: '商品コード', w: 90, align: 'left' },
  { key: 'name', title: '品名', w: 190, align: 'left' },
  { key: 'quantity', title: '数量', w: 50, align: 'right' },
  { key: 'unitPrice', title: '単価', w: 70, align: 'right' },
  { key: 'amount', title: '金額', w: 70, align: 'right' },
  { key: 'rate', title: '税率', w: CONTENT - 90 - 190 - 50 - 70 - 70, align: 'center' },
] as const;

function tableHeader(doc: Doc, y: number): number {
  doc.rect(M, y, CONTENT, ROW_H + 2).fill(FILL);
  doc.fillColor(INK).font('bold').fontSize(8.5);
  let x = M;
  for (const c of COLS) {
    cell(doc, c.title, x, y + 4, c.w, c.align);
    x += c.w;
  }
  doc.moveTo(M, y + ROW_H + 2).lineTo(M + CONTENT, y + ROW_H + 2).lineWidth(0.6).strokeColor(RULE).stroke();
  return y + ROW_H + 4;
}

function firstPage(doc: Doc, d: DeliveryNoteDocument): number {
  doc.fillColor(INK).font('bold').fontSize(22).text('納品書', M, M, { width: CONTENT, align: 'center', characterSpacing: 6 });
  doc.font('regular').fontSize(8.5).fillColor(MUTED);
  doc.text(`伝票番号 ${d.slipNo}`, M, M + 4, { width: CONTENT, align: 'right' });
  doc.text(`納品日 ${longDate(d.date)}`, M, M + 16, { width: CONTENT, align: 'right' });
  let y = M + 56;
  y = drawParties(doc, d, y, null);
  doc.font('regular').fontSize(9).fillColor(INK).text('下記のとおり納品いたしました。', M, y);
  y += 16;
  doc.rect(M, y, 270, 34).lineWidth(1).strokeColor(INK).stroke();
  doc.rect(M, y, 90, 34).fill(FILL);
  doc.fillColor(INK).font('bold').fontSize(10).text('合計金額', M, y + 11, { width: 90, align: 'center' });
  doc.fontSize(17).text(yenText(d.total), M + 94, y + 8, { width: 170, align: 'right' });
  doc.font('regular').fontSize(9).text(d.priceMode === '税込' ? '金額は税込です' : '金額は税抜です', M + 300, y + 11, { width: CONTENT - 300 });
  return y + 46;
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
  // loaded on first use like the 請求書's renderer: PDFKit stays out of every start that makes no PDF
  const PDFDocument = createRequire(__filename)('pdfkit') as typeof PDFKitDocument;
  const fonts = loadPdfFonts();
  const doc = new PDFDocument({
    size: [A4.width, A4.height],
    margins: { top: M, left: M, right: M, bottom: 20 },
    bufferPages: true,
    font: null as unknown as string,
    info: { Title: `納品書 ${d.slipNo}`, Author: d.issuer.name, Creator: 'BCart Desk', Producer: 'BCart Desk (PDFKit)', CreationDate: createdAt },
    lang: 'ja-JP',
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.font('regular');
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  let y = tableHeader(doc, firstPage(doc, d));
  for (const l of d.lines) {
    if (y + ROW_H > BOTTOM) {
      doc.addPage();
      doc.fillColor(INK).font('bold').fontSize(11).text(`納品書(続き)  ${d.slipNo}`, M, M);
      y = tableHeader(doc, M + 22);
    }
    doc.fillColor(INK).font('regular').fontSize(8.5);
    const values: Record<(typeof COLS)[number]['key'], string> = { code: l.code, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, amount: yenText(l.amount), rate: l.rate };
    let x = M;
    for (const c of COLS) {
      cell(doc, values[c.key], x, y + 3, c.w, c.align);
      x += c.w;
    }
    doc.moveTo(M, y + ROW_H).lineTo(M + CONTENT, y + ROW_H).lineWidth(0.2).strokeColor('#d0d0d0').stroke();
    y += ROW_H;
  }
  const totalsHeight = 14 + 14 * d.rateTotals.length + 6 + 45 + (d.legend ? 12 : 0) + (d.memo ? 16 : 0);
  if (y + 8 + totalsHeight > BOTTOM) {
    doc.addPage();
    doc.fillColor(INK).font('bold').fontSize(11).text(`納品書(続き)  ${d.slipNo}`, M, M);
    y = M + 22;
  }
  totals(doc, d, y + 8);
  const pages = doc.bufferedPageRange().count;
  for (let p = 0; p < pages; p++) {
    doc.switchToPage(p);
    doc.font('regular').fontSize(7.5).fillColor(MUTED);
    doc.text(`${d.issuer.name}  納品書 ${d.slipNo}`, M, FOOTER_Y, { width: CONTENT / 2, lineBreak: false });
    doc.text(`${p + 1} / ${pages}`, M, FOOTER_Y, { width: CONTENT, align: 'right', lineBreak: false });
  }
  doc.end();
  return { bytes: await done, pages };
}
