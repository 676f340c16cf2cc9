/**
 * One A4 PDF from a drawing function, in plain Node, so the CLI, the tests and the app make the same
 * bytes from the same data: the creation date is the caller's (a statement's or slip's own time) and
 * PDFKit's file id is derived from it. Pages are buffered so footers can say "n / N" at the end.
 */
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';
import { loadPdfFonts } from './pdf-font';
import { A4, M, type Doc } from './pdf-page';

export interface RenderedPdf {
  bytes: Buffer;
  pages: number;
}

export interface PdfInfo {
  title: string;
  author: string;
  createdAt: Date;
}

export async function renderPdf(info: PdfInfo, draw: (doc: Doc) => void): Promise<RenderedPdf> {
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
    info: { Title: info.title, Author: info.author, Creator: 'BCart Desk', Producer: 'BCart Desk (PDFKit)', CreationDate: info.createdAt },
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
  draw(doc);
  const pages = doc.bufferedPageRange().count;
  doc.end();
  return { bytes: await done, pages };
}
