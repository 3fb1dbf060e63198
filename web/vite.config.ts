import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The dashboard (index.html) and the widget's demo host page, built into the jar's static resources, which Spring
// Boot serves at / (see pom.xml: npm runs in generate-resources). No CDN: everything is bundled.
export default defineConfig({
  // `npx vite` serves the sources with instant reload; the API comes from a `serve` running on port 8080.
  server: {
    proxy: { '/graphql': 'http://localhost:8080' },
  },
  build: {
    outDir: resolve(__dirname, '../target/classes/static'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: {
        dashboard: resolve(__dirname, 'index.html'),
        widgetDemo: resolve(__dirname, 'widget-demo.html'),
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
  },
});
