import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';

const OUT_DIR = fileURLToPath(new URL('../../dist/app', import.meta.url));

/**
 * What the room page loads: room.html itself and every script, preload and stylesheet it names (Vite lists the whole
 * static import graph of an entry as modulepreload links), as paths under the build folder.
 */
function roomPageFiles(): Set<string> {
  const html = readFileSync(`${OUT_DIR}/room.html`, 'utf8');
  const files = new Set(['room.html']);
  for (const match of html.matchAll(/(?:src|href)="\/app\/([^"]+)"/g)) if (match[1]) files.add(match[1]);
  return files;
}

/**
 * The in-LMS app (index.html) and the room note mode (room.html): built to dist/app and served by the server at /app/. Every asset name carries its content hash
 * (the server caches assets/ for a year on that promise, see lti-server/src/http/compression.ts), and each text asset
 * gets a brotli and a gzip copy beside it, so the server never compresses them per request.
 *
 * The room note mode alone also gets a service worker (Workbox, through vite-plugin-pwa): room-sw.js, served by the
 * server as /room/sw.js with the scope /room/ (lti-server/src/http/room-pages.ts). It precaches the room page (as
 * /room/, the address every room page answers with the same HTML) and only the files that page loads, and answers
 * every /room/ navigation with it, so the page opens without a connection. It caches no API answer: notes waiting to
 * be sent live sealed in IndexedDB (lti-server/app/src/room/room-outbox.ts). The LMS frame app has no service worker,
 * and its security policy forbids one (worker-src 'none').
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [
    preact(),
    VitePWA({
      strategies: 'generateSW',
      filename: 'room-sw.js',
      scope: '/room/',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['room.html', 'assets/*.{js,css}', 'room-icon-*.png'],
        manifestTransforms: [
          (entries) => {
            const room = roomPageFiles();
            const manifest = entries
              .filter((e) => room.has(e.url) || /^room-icon-/.test(e.url))
              .map((e) => (e.url === 'room.html' ? { ...e, url: '/room/' } : { ...e, url: `/app/${e.url}` }));
            return { manifest, warnings: [] };
          },
        ],
        modifyURLPrefix: {},
        navigateFallback: '/room/',
        navigateFallbackAllowlist: [/^\/room\//],
        inlineWorkboxRuntime: true,
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
        cacheId: 'tasting-menu-room',
        // Hashed file names carry their version already.
        dontCacheBustURLsMatching: /^\/app\/assets\//,
      },
    }),
    compression({ algorithms: ['brotliCompress', 'gzip'], logLevel: 'silent' }),
  ],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
    rollupOptions: {
      // Two entry pages: the app in the LMS frame, and the room note mode (/room/…, a phone or a new tab), kept
      // separate so the service worker serves the room page alone.
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
