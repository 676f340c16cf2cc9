/**
 * The detail table of the app's documents (請求書, 納品書): a shaded header, one ruled row per line,
 * and pages that continue — when the next row would pass the bottom, a new page starts with the
 * document's continuation heading and the header again. With `carry`, each page ends with
 * 次頁へ繰越 and the next starts with 前頁より繰越, the running sum of the rows' amounts. What follows
 * the table (the totals) moves to a new page when it does not fit below it.
 */
import { BOTTOM, cell, CONTENT, FILL, INK, M, MUTED, ROW_H, RULE, type Doc } from './pdf-page';

export interface Column<K extends string> {
  key: K;
  title: string;
  w: number;
  align: 'left' | 'right' | 'center';
}

/** Where the columns sit, for rows drawn across several of them. */
export interface TableGeometry<K extends string> {
  /** left edge of column `key` */
  x(key: K): number;
  /** width from the left of `from` to the right of `to` */
  span(from: K, to: K): number;
}

export interface TableSpec<K extends string, R> {
  columns: readonly Column<K>[];
  rows: readonly R[];
  /** the cell texts of an ordinary row; null when `drawOther` draws it */
  cells(row: R): Record<K, string> | null;
  /** draws a row that is not one cell per column (a subtotal, a note) */
  drawOther?(doc: Doc, row: R, y: number, g: TableGeometry<K>): void;
  /** draws the heading of a continuation page; returns where the table header goes */
  continuation(doc: Doc): number;
  /** 繰越: the label spans from column `labelFrom` to the one before `amountKey` */
  carry?: { amount(row: R): number; labelFrom: K; amountKey: K; text(amount: number): string };
  /** printed in place of rows when there are none */
  empty?: string;
  /** height of what follows the table (its totals), kept on one page */
  after: number;
}

export interface TableResult {
  /** where what follows the table starts */
  y: number;
  /** pages the table and what follows added after its first */
  addedPages: number;
}

export function geometry<K extends string>(columns: readonly Column<K>[]): TableGeometry<K> {
  const left = (key: K) => {
    const i = columns.findIndex((c) => c.key === key);
    if (i < 0) throw new RangeError(`no column ${key}`);
    return i;
  };
  const xs = columns.map((_, i) => M + columns.slice(0, i).reduce((s, c) => s + c.w, 0));
  return {
    x: (key) => xs[left(key)]!,
    span: (from, to) => columns.slice(left(from), left(to) + 1).reduce((s, c) => s + c.w, 0),
  };
}

function header<K extends string>(doc: Doc, columns: readonly Column<K>[], y: number): number {
  doc.rect(M, y, CONTENT, ROW_H + 2).fill(FILL);
  doc.fillColor(INK).font('bold').fontSize(8.5);
  let x = M;
  for (const c of columns) {
    cell(doc, c.title, x, y + 4, c.w, c.align);
    x += c.w;
  }
  doc.moveTo(M, y + ROW_H + 2).lineTo(M + CONTENT, y + ROW_H + 2).lineWidth(0.6).strokeColor(RULE).stroke();
  return y + ROW_H + 4;
}

/** Draws the table from `top` (page one's header ends there); returns where what follows goes. */
export function drawTable<K extends string, R>(doc: Doc, spec: TableSpec<K, R>, top: number): TableResult {
  const g = geometry(spec.columns);
  const carry = spec.carry;
  const carriedRow = (y: number, label: string, amount: number): number => {
    if (!carry) return y;
    doc.font('bold').fontSize(8.5).fillColor(INK);
    cell(doc, label, g.x(carry.labelFrom), y + 2, g.x(carry.amountKey) - g.x(carry.labelFrom), 'right');
    cell(doc, carry.text(amount), g.x(carry.amountKey), y + 2, g.span(carry.amountKey, carry.amountKey), 'right');
    doc.moveTo(M, y + ROW_H).lineTo(M + CONTENT, y + ROW_H).lineWidth(0.3).strokeColor(RULE).stroke();
    return y + ROW_H;
  };
  let addedPages = 0;
  let carried = 0;
  let y = header(doc, spec.columns, top);
  // with 繰越 the last row of a page is kept for 次頁へ繰越
  const last = carry ? BOTTOM - ROW_H : BOTTOM;
  for (const row of spec.rows) {
    if (y + ROW_H > last) {
      carriedRow(y, '次頁へ繰越', carried);
      doc.addPage();
      addedPages++;
      y = carriedRow(header(doc, spec.columns, spec.continuation(doc)), '前頁より繰越', carried);
    }
    doc.fillColor(INK).font('regular').fontSize(8.5);
    const values = spec.cells(row);
    if (values) {
      for (const c of spec.columns) cell(doc, values[c.key], g.x(c.key), y + 3, c.w, c.align);
    } else {
      spec.drawOther?.(doc, row, y, g);
    }
    doc.moveTo(M, y + ROW_H).lineTo(M + CONTENT, y + ROW_H).lineWidth(0.2).strokeColor('#d0d0d0').stroke();
    y += ROW_H;
    if (carry) carried += carry.amount(row);
  }
  if (spec.rows.length === 0 && spec.empty !== undefined) {
    doc.font('regular').fontSize(8.5).fillColor(MUTED).text(spec.empty, M + 6, y + 4);
    y += ROW_H + 4;
  }
  if (y + 8 + spec.after > BOTTOM) {
    if (spec.rows.length > 0) carriedRow(y, '次頁へ繰越', carried);
    doc.addPage();
    addedPages++;
    y = spec.continuation(doc) + 4;
  }
  return { y: y + 8, addedPages };
}
