import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// GraphiQL, bundled (no CDN), into the jar's graphiql/ folder rather than static/: the server serves it at /graphiql
// only where custograph.graphiql.enabled is true (not in the prod profile).
export default defineConfig({
  root: resolve(__dirname, 'graphiql'),
  base: '/graphiql/',
  publicDir: false,
  build: {
    outDir: resolve(__dirname, '../target/classes/graphiql'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
