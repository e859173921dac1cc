import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/** The in-LMS app: built to dist/app and served by the server at /app/. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/app', import.meta.url)),
    emptyOutDir: true,
  },
});
