/**
 * One measured server of the API bench in a process of its own (issue #20), so the load client, the seeding and the
 * other instance do not share its event loop or its memory. Started by `startServerProcess` (tests/bench/processes.ts)
 * with `--import tsx` and one argument, a JSON `ServerSpec`: the real server with the Config startTestServer builds,
 * or the bare Express "hello" app. Listens on 127.0.0.1, port 0; sends `{ type: 'ready', url }` over IPC, answers
 * `{ type: 'rss' }` with its resident memory, and closes on `{ type: 'close' }`, SIGTERM or when the bench's IPC
 * channel goes away (so it never outlives the bench).
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { ChildMessage, ParentMessage, ServerSpec } from './processes';

const send = (message: ChildMessage) => process.send?.(message);

async function start(spec: ServerSpec): Promise<{ url: string; close(): Promise<void> }> {
  if (spec.kind === 'server') {
    // Imported only here, so the hello process holds Express alone, as a bare app would.
    const { createLogger } = await import('../../lti-server/src/logger');
    const { startServer } = await import('../../lti-server/src/server');
    return startServer(spec.config, createLogger(spec.config.logLevel));
  }
  const app = express();
  app.get('/hello', (_req, res) => {
    res.json({ hello: 'world' });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const spec = JSON.parse(process.argv[2] ?? '') as ServerSpec;
const running = await start(spec);
let closing = false;
async function shutdown() {
  if (closing) return;
  closing = true;
  // Never hang on a request still in flight: the bench is over either way.
  setTimeout(() => process.exit(0), 5_000).unref();
  try {
    await running.close();
  } finally {
    process.exit(0);
  }
}
process.on('message', (message: ParentMessage) => {
  if (message.type === 'rss') send({ type: 'rss', bytes: process.memoryUsage().rss });
  else if (message.type === 'close') void shutdown();
});
process.on('SIGTERM', () => void shutdown());
process.on('disconnect', () => void shutdown());
send({ type: 'ready', url: running.url });
