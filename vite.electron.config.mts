import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// Bundles one Electron entry (ELECTRON_ENTRY=main|preload) into a single CommonJS file in
// dist/main. Built separately so the sandboxed preload is self-contained (a sandboxed preload
// cannot require our own chunks). Native and Electron-only packages stay external, and so do PDFKit
// and the 請求書 font: the core loads them from node_modules on first use (createRequire), so the
// bundle does not carry 2.5 MB of PDF code and 9 MB of TTF that every start would read.
const entry = process.env.ELECTRON_ENTRY === 'preload' ? 'preload' : 'main';
const input = entry === 'preload' ? 'src-main/preload/preload.ts' : 'src-main/shell/main.ts';

export default defineConfig({
  build: {
    ssr: input,
    outDir: 'dist/main',
    emptyOutDir: false,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      external: ['electron', 'better-sqlite3', 'electron-log', 'electron-log/main', 'pdfkit', '@expo-google-fonts/biz-udpgothic', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'cjs', entryFileNames: `${entry}.cjs`, codeSplitting: false },
    },
  },
  ssr: { noExternal: true, external: ['electron', 'better-sqlite3', 'electron-log', 'pdfkit', '@expo-google-fonts/biz-udpgothic'] },
});
