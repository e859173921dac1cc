import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/**
 * The in-LMS app (index.html) and the room note mode (room.html): built to dist/app and served by the server at /app/. Every asset name carries its content hash
 * (the server caches assets/ for a year on that promise, see lti-server/src/http/compression.ts), and each text asset
 * gets a brotli and a gzip copy beside it, so the server never compresses them per request.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [preact(), compression({ algorithms: ['brotliCompress', 'gzip'], logLevel: 'silent' })],
  build: {
    outDir: fileURLToPath(new URL('../../dist/app', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: {
      // Two entry pages: the app in the LMS frame, and the room note mode (/room/…, a phone or a new tab), kept
      // separate so a service worker can later serve the room page alone.
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        room: fileURLToPath(new URL('room.html', import.meta.url)),
      },
      output: {
        entryFileNames: 'assets/[name]-[hash].js',
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
