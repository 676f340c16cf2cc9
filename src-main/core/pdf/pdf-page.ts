/**
 * The A4 page the app's documents share (請求書, 納品書): margins, colours, fitting text into a cell,
 * the title with its references, the two parties at the top — the recipient 御中 on the left, the
 * issuer with its 登録番号 on the right — the boxed amount, the heading of a continuation page and
 * the "n / N" footer, so every document of the company looks the same.
 */
export const A4 = { width: 595.28, height: 841.89 };
export const M = 40;
export const CONTENT = A4.width - 2 * M;
export const ROW_H = 15;
export const FOOTER_Y = A4.height - 34;
export const BOTTOM = A4.height - 62;
export const INK = '#1a1a1a';
export const MUTED = '#555555';
export const RULE = '#9a9a9a';
export const FILL = '#eef1f5';

export type Doc = PDFKit.PDFDocument;

/** Fits text into a width, cutting with … when needed. */
export function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let t = text;
  while (t.length > 0 && doc.widthOfString(`${t}…`) > width) t = t.slice(0, -1);
  return `${t}…`;
}

export function cell(doc: Doc, text: string, x: number, y: number, w: number, align: 'left' | 'right' | 'center', pad = 3): void {
  const t = fit(doc, text, w - 2 * pad);
  doc.text(t, x + pad, y, { width: w - 2 * pad, align, lineBreak: false });
}

export interface Parties {
  recipient: { name: string; address: readonly string[]; contact: string | null };
  issuer: { name: string; address: readonly string[]; phone: string | null; registrationNumber: string | null };
}

/**
 * Draws the recipient (left) and the issuer (right) from `y`; returns where the text below them
 * starts. `noRegistration` is printed when the issuer has no 登録番号 (null: print nothing).
 */
export function drawParties(doc: Doc, p: Parties, y: number, noRegistration: string | null): number {
  doc.fillColor(INK).font('regular').fontSize(9);
  let ry = y;
  for (const line of p.recipient.address) {
    doc.text(line, M, ry, { width: 260 });
    ry += 13;
  }
  doc.font('bold').fontSize(13).text(`${fit(doc, p.recipient.name, 220)} 御中`, M, ry + 2, { width: 270 });
  ry += 22;
  doc.moveTo(M, ry).lineTo(M + 270, ry).lineWidth(0.8).strokeColor(INK).stroke();
  if (p.recipient.contact) doc.font('regular').fontSize(9).text(`${p.recipient.contact} 様`, M, ry + 5, { width: 270 });
  const ix = M + 300;
  const iw = CONTENT - 300;
  let iy = y;
  doc.font('bold').fontSize(11).fillColor(INK).text(fit(doc, p.issuer.name, iw), ix, iy, { width: iw });
  iy += 17;
  doc.font('regular').fontSize(8.5);
  for (const line of p.issuer.address) {
    doc.text(fit(doc, line, iw), ix, iy, { width: iw });
    iy += 12;
  }
  if (p.issuer.phone) {
    doc.text(`TEL ${p.issuer.phone}`, ix, iy, { width: iw });
    iy += 12;
  }
  const registration = p.issuer.registrationNumber ? `登録番号 ${p.issuer.registrationNumber}` : noRegistration;
  if (registration) doc.font('bold').text(registration, ix, iy, { width: iw });
  return Math.max(ry + 24, iy + 22);
}

/** The title centred at the top and two references (番号, 日付) at the right. */
export function drawTitle(doc: Doc, title: string, refs: readonly [string, string]): void {
  doc.fillColor(INK).font('bold').fontSize(22).text(title, M, M, { width: CONTENT, align: 'center', characterSpacing: 6 });
  doc.font('regular').fontSize(8.5).fillColor(MUTED);
  doc.text(refs[0], M, M + 4, { width: CONTENT, align: 'right' });
  doc.text(refs[1], M, M + 16, { width: CONTENT, align: 'right' });
}

/**
 * The lead sentence and the boxed amount under the parties (ご請求金額, 合計金額), with one or two
 * notes at its right. Returns where the text below starts.
 */
export function drawAmountBox(doc: Doc, box: { lead: string; label: string; amount: string; notes: readonly string[] }, y: number): number {
  doc.font('regular').fontSize(9).fillColor(INK).text(box.lead, M, y);
  y += 16;
  doc.rect(M, y, 270, 34).lineWidth(1).strokeColor(INK).stroke();
  doc.rect(M, y, 90, 34).fill(FILL);
  doc.fillColor(INK).font('bold').fontSize(10).text(box.label, M, y + 11, { width: 90, align: 'center' });
  doc.fontSize(17).text(box.amount, M + 94, y + 8, { width: 170, align: 'right' });
  doc.font('regular').fontSize(9);
  // one note sits level with the label; two share the box's height
  box.notes.forEach((note, i) => doc.text(note, M + 300, y + (box.notes.length === 1 ? 11 : 3 + 16 * i), { width: CONTENT - 300 }));
  return y + 46;
}

/** The heading of a continuation page: the title at the left, an optional reference at the right. Returns where the table starts. */
export function drawContinuationHeading(doc: Doc, title: string, right: string | null): number {
  doc.fillColor(INK).font('bold').fontSize(11).text(title, M, M);
  if (right !== null) doc.font('regular').fontSize(9).text(right, M, M, { width: CONTENT, align: 'right' });
  return M + 22;
}

/** The footer of page `page` of `pages`: what the document is at the left, "n / N" at the right. */
export function drawFooter(doc: Doc, label: string, page: number, pages: number): void {
  doc.font('regular').fontSize(7.5).fillColor(MUTED);
  doc.text(label, M, FOOTER_Y, { width: CONTENT / 2, lineBreak: false });
  doc.text(`${page} / ${pages}`, M, FOOTER_Y, { width: CONTENT, align: 'right', lineBreak: false });
}
