/**
 * The A4 page the app's documents share (請求書, 納品書): margins, colours, fitting text into a cell,
 * and the two parties at the top — the recipient 御中 on the left, the issuer with its 登録番号 on
 * the right — so every document of the company looks the same.
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
