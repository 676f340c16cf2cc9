/**
 * The Japanese font of the app's PDFs (請求書, 納品書): BIZ UDPGothic (SIL Open Font License 1.1), TrueType, from the
 * npm package @expo-google-fonts/biz-udpgothic. A Universal Design face made for business documents
 * (distinct 0/O, 1/l, clear small kana) and a plain glyf TrueType, which PDFKit subsets reliably.
 * The files are read once per process; PDFKit embeds only the glyphs used.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: PdfFonts | null = null;

/** Paths of the two TTF files inside the package. */
export function pdfFontFiles(): { regular: string; bold: string } {
  // resolved in node_modules at run time (bundles of the core do not carry the 9 MB of TTF)
  const { resolve } = createRequire(__filename);
  return {
    regular: resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'),
    bold: resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf'),
  };
}

export function loadPdfFonts(): PdfFonts {
  if (cached === null) {
    const files = pdfFontFiles();
    cached = { regular: readFileSync(files.regular), bold: readFileSync(files.bold) };
  }
  return cached;
}
