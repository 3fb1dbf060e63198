import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The embeddable widget: one self-contained script (no imports, no CSS file) that any shop page can load with a
// <script> tag, so a library build in IIFE form, written beside the dashboard as /widget.js.
export default defineConfig({
  build: {
    outDir: resolve(__dirname, '../target/classes/static'),
    emptyOutDir: false,
    lib: {
      entry: resolve(__dirname, 'src/widget/widget.ts'),
      name: 'CustographWidget',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
  },
});
