import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * One run, several projects: pure unit tests in node, UI component tests in happy-dom, integration tests against
 * the real server on SQLite and on PostgreSQL (the same files twice), and end-to-end tests in real Chromium.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts', './tests/support/stall-reporter.ts'],
    globalSetup: ['./tests/support/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/extension/**'],
          environment: 'node',
        },
      },
      {
        plugins: [preact()],
        test: {
          name: 'ui',
          include: ['tests/unit/**/*.test.tsx'],
          exclude: ['tests/unit/extension/**'],
          environment: 'happy-dom',
          setupFiles: ['tests/support/browser/dom-cleanup.ts'],
        },
      },
      {
        // WXT's plugin swaps `wxt/browser` for its in-memory fakeBrowser and applies wxt.config.ts (Preact).
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'extension',
          include: ['tests/unit/extension/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['fake-indexeddb/auto', 'tests/support/browser/dom-cleanup.ts'],
        },
      },
      {
        test: {
          name: 'integration-sqlite',
          include: ['tests/integration/**/*.test.ts'],
          // Files named *.postgres.test.ts test what exists only on PostgreSQL.
          exclude: ['tests/integration/**/*.postgres.test.ts'],
          environment: 'node',
          env: { TEST_DB: 'sqlite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'integration-postgres',
          include: ['tests/integration/**/*.test.ts'],
          // Files named *.sqlite.test.ts test what exists only on SQLite.
          exclude: ['tests/integration/**/*.sqlite.test.ts'],
          environment: 'node',
          env: { TEST_DB: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // A browser on a loaded 2-core CI machine: polled state (a field the server rewrites) gets 15 s, not 1 s.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
