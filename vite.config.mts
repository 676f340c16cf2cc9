import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer. base './' so the same build loads from the Electron app (file://) and the harness.
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome130',
    chunkSizeWarningLimit: 1500,
  },
});
