/**
 * Lays out 請求書 documents on A4 with PDFKit, in plain Node, so the CLI, the tests and the app make
 * the same bytes from the same data (the creation date is the statement's own timestamp and PDFKit's
 * file id is derived from it). Long statements continue on further pages: each page ends with
 * 次頁へ繰越 and the next starts with 前頁より繰越 (the running sum of the 金額 column), and every
 * page carries "n / N" of its statement. Several statements make one file, each from a new page.
 */
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import { loadPdfFonts } from './pdf-font';
import {
  longDate,
  NOT_QUALIFIED_NOTE,
  REDUCED_LEGEND,
  shortDate,
  yenText,
  type DetailRow,
  type StatementDocument,
} from './statement-document';

const A4 = { width: 595.28, height: 841.89 };
const M = 40;
const CONTENT = A4.width - 2 * M;
const ROW_H = 15;
const FOOTER_Y = A4.height - 34;
const BOTTOM = A4.height - 62;
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#9a9a9a';
const FILL = '#eef1f5';

/** Detail table columns (x offsets from the left margin, widths, alignment). */
const COLS = [
  { key: 'date', title: '日付', w: 72, align: 'left' },
  { key: 'slip', title: '伝票番号', w: 84, align: 'left' },
  { key: 'name', title: '品名', w: 150, align: 'left' },
  { key: 'quantity', title: '数量', w: 45, align: 'right' },
  { key: 'unitPrice', title: '単価', w: 62, align: 'right' },
  { key: 'amount', title: '金額', w: 66, align: 'right' },
  { key: 'rate', title: '税率', w: CONTENT - 72 - 84 - 150 - 45 - 62 - 66, align: 'center' },
] as const;

type Doc = PDFKit.PDFDocument;

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

/** Fits text into a width, cutting with … when needed. */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let t = text;
  while (t.length > 0 && doc.widthOfString(`${t}…`) > width) t = t.slice(0, -1);
  return `${t}…`;
}

function cell(doc: Doc, text: string, x: number, y: number, w: number, align: 'left' | 'right' | 'center', pad = 3): void {
  const t = fit(doc, text, w - 2 * pad);
  doc.text(t, x + pad, y, { width: w - 2 * pad, align, lineBreak: false });
}

function tableHeader(doc: Doc, y: number): number {
  doc.rect(M, y, CONTENT, ROW_H + 2).fill(FILL);
  doc.fillColor(INK).font('bold').fontSize(8.5);
  let x = M;
  for (const c of COLS) {
    cell(doc, c.title, x, y + 4, c.w, c.align === 'right' ? 'right' : c.align === 'center' ? 'center' : 'left');
    x += c.w;
  }
  doc.moveTo(M, y + ROW_H + 2).lineTo(M + CONTENT, y + ROW_H + 2).lineWidth(0.6).strokeColor(RULE).stroke();
  return y + ROW_H + 4;
}

function carriedRow(doc: Doc, y: number, label: string, amount: number): number {
  doc.font('bold').fontSize(8.5).fillColor(INK);
  const amountX = M + COLS.slice(0, 5).reduce((s, c) => s + c.w, 0);
  cell(doc, label, M + COLS[0].w + COLS[1].w, y + 2, COLS[2].w + COLS[3].w + COLS[4].w, 'right');
  cell(doc, yenText(amount), amountX, y + 2, COLS[5].w, 'right');
  doc.moveTo(M, y + ROW_H).lineTo(M + CONTENT, y + ROW_H).lineWidth(0.3).strokeColor(RULE).stroke();
  return y + ROW_H;
}

function detailRow(doc: Doc, row: DetailRow, y: number): number {
  doc.fillColor(INK).font('regular').fontSize(8.5);
  if (row.type === 'item') {
    const values: Record<string, string> = {
      date: row.date,
      slip: row.slip,
      name: row.name,
      quantity: row.quantity,
      unitPrice: row.unitPrice,
      amount: yenText(row.amount),
      rate: row.rate,
    };
    let x = M;
    for (const c of COLS) {
      cell(doc, values[c.key]!, x, y + 3, c.w, c.align === 'right' ? 'right' : c.align === 'center' ? 'center' : 'left');
      x += c.w;
    }
  } else if (row.type === 'subtotal') {
    doc.fillColor(MUTED).fontSize(8);
    cell(doc, row.text, M + COLS[0].w, y + 3, COLS[1].w + COLS[2].w + COLS[3].w, 'right');
    cell(doc, row.amount, M + COLS[0].w + COLS[1].w + COLS[2].w + COLS[3].w, y + 3, COLS[4].w + COLS[5].w + COLS[6].w, 'right');
  } else {
    doc.fillColor(MUTED).fontSize(8);
    cell(doc, row.text, M + COLS[0].w, y + 3, CONTENT - COLS[0].w, 'left');
  }
  doc.moveTo(M, y + ROW_H).lineTo(M + CONTENT, y + ROW_H).lineWidth(0.2).strokeColor('#d0d0d0').stroke();
  return y + ROW_H;
}

/** Page 1: title, recipient, issuer, amount due, summary and 振込先. Returns where the table starts. */
function firstPageHeader(doc: Doc, d: StatementDocument): number {
  doc.fillColor(INK).font('bold').fontSize(22).text('請求書', M, M, { width: CONTENT, align: 'center', characterSpacing: 6 });
  doc.font('regular').fontSize(8.5).fillColor(MUTED);
  doc.text(`請求書番号 No.${d.statementNo}`, M, M + 4, { width: CONTENT, align: 'right' });
  doc.text(`請求日 ${longDate(d.issueDate)}`, M, M + 16, { width: CONTENT, align: 'right' });
  let y = M + 34;
  if (!d.qualified) {
    doc.fillColor('#a00000').fontSize(8.5).text(NOT_QUALIFIED_NOTE, M, y, { width: CONTENT, align: 'center' });
  }
  y = M + 56;
  // recipient (left)
  doc.fillColor(INK).font('regular').fontSize(9);
  let ry = y;
  for (const line of d.recipient.address) {
    doc.text(line, M, ry, { width: 260 });
    ry += 13;
  }
  doc.font('bold').fontSize(13).text(`${fit(doc, d.recipient.name, 220)} 御中`, M, ry + 2, { width: 270 });
  ry += 22;
  doc.moveTo(M, ry).lineTo(M + 270, ry).lineWidth(0.8).strokeColor(INK).stroke();
  if (d.recipient.contact) doc.font('regular').fontSize(9).text(`${d.recipient.contact} 様`, M, ry + 5, { width: 270 });
  // issuer (right)
  const ix = M + 300;
  const iw = CONTENT - 300;
  let iy = y;
  doc.font('bold').fontSize(11).fillColor(INK).text(fit(doc, d.issuer.name, iw), ix, iy, { width: iw });
  iy += 17;
  doc.font('regular').fontSize(8.5);
  for (const line of d.issuer.address) {
    doc.text(fit(doc, line, iw), ix, iy, { width: iw });
    iy += 12;
  }
  if (d.issuer.phone) {
    doc.text(`TEL ${d.issuer.phone}`, ix, iy, { width: iw });
    iy += 12;
  }
  doc.font('bold').text(d.issuer.registrationNumber ? `登録番号 ${d.issuer.registrationNumber}` : '登録番号 なし', ix, iy, { width: iw });

  // amount due
  y = Math.max(ry + 24, iy + 22);
  doc.font('regular').fontSize(9).fillColor(INK).text('下記のとおりご請求申し上げます。', M, y);
  y += 16;
  doc.rect(M, y, 270, 34).lineWidth(1).strokeColor(INK).stroke();
  doc.rect(M, y, 90, 34).fill(FILL);
  doc.fillColor(INK).font('bold').fontSize(10).text('ご請求金額', M, y + 11, { width: 90, align: 'center' });
  doc.fontSize(17).text(yenText(d.summary.total), M + 94, y + 8, { width: 170, align: 'right' });
  doc.font('regular').fontSize(9);
  doc.text(`お支払期限  ${longDate(d.dueDate)}`, M + 300, y + 3, { width: iw });
  doc.text(`対象期間  ${shortDate(d.periodFrom)} 〜 ${shortDate(d.periodTo)}`, M + 300, y + 19, { width: iw });
  y += 46;

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
  doc.fillColor(INK).font('bold').fontSize(11).text(`請求書(続き)  No.${d.statementNo}`, M, M);
  doc.font('regular').fontSize(9).text(`${d.recipient.name} 御中  /  請求日 ${longDate(d.issueDate)}`, M, M, { width: CONTENT, align: 'right' });
  return M + 22;
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

function footer(doc: Doc, d: StatementDocument, page: number, pages: number): void {
  doc.font('regular').fontSize(7.5).fillColor(MUTED);
  doc.text(`${d.issuer.name}  請求書 No.${d.statementNo}`, M, FOOTER_Y, { width: CONTENT / 2, lineBreak: false });
  doc.text(`${page} / ${pages}`, M, FOOTER_Y, { width: CONTENT, align: 'right', lineBreak: false });
}

/** Draws one statement from a new page; returns how many pages it took. */
function drawStatement(doc: Doc, d: StatementDocument, first: boolean): number {
  if (!first) doc.addPage();
  let pages = 1;
  let y = tableHeader(doc, firstPageHeader(doc, d));
  let carried = 0;
  const totalsHeight = 16 + 14 * d.rateTotals.length + (d.taxUnit === '請求単位' ? 12 : 0) + 24 + (d.hasReduced ? 12 : 0);
  for (let i = 0; i < d.rows.length; i++) {
    if (y + ROW_H > BOTTOM - ROW_H) {
      carriedRow(doc, y, '次頁へ繰越', carried);
      doc.addPage();
      pages++;
      y = tableHeader(doc, continuationHeader(doc, d));
      y = carriedRow(doc, y, '前頁より繰越', carried);
    }
    const row = d.rows[i]!;
    y = detailRow(doc, row, y);
    if (row.type === 'item') carried += row.amount;
  }
  if (d.rows.length === 0) {
    doc.font('regular').fontSize(8.5).fillColor(MUTED).text('今回のお取引はありません。', M + 6, y + 4);
    y += ROW_H + 4;
  }
  if (y + 8 + totalsHeight > BOTTOM) {
    if (d.rows.length > 0) carriedRow(doc, y, '次頁へ繰越', carried);
    doc.addPage();
    pages++;
    y = continuationHeader(doc, d) + 4;
  }
  totalsBlock(doc, d, y + 8);
  return pages;
}

/** Renders statements into one PDF (each statement numbered "n / N" on its own pages). */
export async function renderStatementsPdf(documents: readonly StatementDocument[], createdAt: Date, title: string): Promise<RenderedPdf> {
  // Loaded on first use, from node_modules at run time: PDFKit and its font engine (≈2.5 MB of
  // JavaScript) stay out of every bundle of the core and out of the start-up of every CLI command,
  // test child and app start that never makes a PDF.
  const PDFDocument = createRequire(__filename)('pdfkit') as typeof PDFKitDocument;
  const fonts = loadPdfFonts();
  const doc = new PDFDocument({
    size: [A4.width, A4.height],
    // a small bottom margin lets the footer sit low without PDFKit breaking to a new page
    margins: { top: M, left: M, right: M, bottom: 20 },
    bufferPages: true,
    // no built-in Helvetica: its metrics file lives beside PDFKit's sources, which a bundled app does not ship
    font: null as unknown as string,
    info: { Title: title, Author: documents[0]?.issuer.name ?? '', Creator: 'BCart Desk', Producer: 'BCart Desk (PDFKit)', CreationDate: createdAt },
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
      footer(doc, s.doc, p + 1, s.pages);
    }
  }
  const total = doc.bufferedPageRange().count;
  doc.end();
  return { bytes: await done, pages: total };
}
