import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from './test-server';

export type TestServerOptions = Parameters<typeof startTestServer>[0];

/**
 * One test server for the file: started before its first test, closed after its last. `onStart` hands the running
 * server to the file (most keep a module-level `server`); hooks the file registers after this call run after the
 * start and, being afterAll hooks, before the close.
 */
export function useTestServer(
  options: TestServerOptions = {},
  onStart?: (server: TestServer) => void,
): { readonly server: TestServer } {
  let running: TestServer | undefined;
  beforeAll(async () => {
    running = await startTestServer(options);
    onStart?.(running);
  });
  afterAll(async () => {
    await running?.close();
  });
  return {
    get server() {
      if (!running) throw new Error('the test server is not running (use it inside a test or a hook)');
      return running;
    },
  };
}
