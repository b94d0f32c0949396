// The management console's build: root admin/, served by the platform at /admin/.
// @vitejs/plugin-react cannot be installed next to Cube's babel, so Vite 8's own
// Oxc transform compiles JSX (automatic runtime) and Vite's HMR reloads modules.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.CONSOLE_API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root,
  base: '/admin/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      // MUI marks modules 'use client' (for React Server Components); meaningless in this SPA bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    // Same-origin in dev as in production: the API and Cube sit behind the dev server.
    proxy: {
      '/graphql': { target: api, changeOrigin: true },
      '/cubejs-api': { target: api, changeOrigin: true },
    },
    // The console imports the kernel (../kernel: identifiers, dates, labels, money) and the
    // root node_modules, so the dev server may serve the repository root.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
