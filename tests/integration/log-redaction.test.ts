import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../lti-server/src/logger';
import { CalendarFeedSchema } from '../../shared/visits';
import { launchAs } from '../support/server/api-client';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

/** The server's own logger (its redaction included) writing into a buffer: what an operator's log would hold. */
let server: TestServer;
let output = '';
const sink = new Writable({
  write(chunk, _enc, done) {
    output += String(chunk);
    done();
  },
});

useTestServer({ logger: createLogger('info', sink) }, (s) => {
  server = s;
});

describe('secrets in the request log', () => {
  it('when a calendar app fetches a private feed, then the log names the feed but never its secret', async () => {
    const ben = await launchAs(server, 'sandbox-ben-okafor');
    const feed = CalendarFeedSchema.parse((await ben.post('/api/calendar')).body);
    const path = new URL(feed.url!).pathname;
    const secret = /^\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(path)?.[1];
    expect(secret?.length).toBeGreaterThanOrEqual(20);

    expect((await fetch(`${server.url}${path}`)).status).toBe(200);
    expect((await fetch(`${server.url}${path.toUpperCase().replace('.ICS', '.ics')}`)).status).toBe(404);

    await vi.waitFor(() => expect(output).toContain('"path":"/calendar/[redacted].ics","status":200'));
    expect(output).toContain('"path":"/CALENDAR/[redacted].ics","status":404');
    expect(output).not.toContain(secret);
    expect(output.toLowerCase()).not.toContain(secret!.toLowerCase());
  });

  it('when a long token appears in any other path, then it is redacted, while record ids stay readable', async () => {
    const token = 'Zk3_9a-QwErTy0123456789abcdefXYZ';
    const id = '7b0e4f8a-6a47-4e0b-9d8e-2f9b3c1d5e6a';
    await fetch(`${server.url}/api/strategies/${token}`, { headers: { authorization: `Bearer ${token}` } });
    await fetch(`${server.url}/api/strategies/${id}`);
    await vi.waitFor(() => expect(output).toContain(`"path":"/api/strategies/${id}"`));
    expect(output).toContain('"path":"/api/strategies/[redacted]"');
    expect(output).not.toContain(token);
  });
});
