import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

/**
 * One run, several projects: pure unit tests in node, UI component tests in happy-dom, integration tests against
 * the real server on SQLite and on PostgreSQL (the same files twice), and end-to-end tests in real Chromium.
 */
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        plugins: [preact()],
        test: { name: 'ui', include: ['tests/unit/**/*.test.tsx'], environment: 'happy-dom' },
      },
      {
        test: {
          name: 'integration-sqlite',
          include: ['tests/integration/**/*.test.ts'],
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
          fileParallelism: false,
        },
      },
    ],
  },
});
