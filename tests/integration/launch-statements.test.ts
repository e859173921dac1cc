import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitingLaunches } from '../../lti-server/src/lti/verified-claims';
import { launchAs } from '../support/server/api-client';
import { statementsDuring } from '../support/server/statement-count';
import { testDbKind } from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';

/**
 * Statements of one LTI launch, login included (issue #20: launch on PostgreSQL ≥ 0.9× bare ltijs). Bare ltijs sends
 * 11 for a launch with its `?ltik=` request. Ours, on a launch that changes nothing (the teacher's second), sends 11
 * besides the rate limit's counts (one for the login and one for the launch of a quiet client; a busy client's are
 * taken a few at a time, http/rate-limit.ts):
 *  - login: the platform and its status (ltijs), the nonce bound to the login's state;
 *  - launch: the nonce binding used up, the platform and its status, the saved state and the id token and context
 *    written (ltijs), the launch's rows read, the session written.
 * Not sent: ltijs's own nonce record (a read and a write; the binding checks more), nor a read back of the id token and
 * context ltijs just wrote (the launch is taken from the payload ltijs verified).
 */
const EXPECTED = 11;
/** The rate limit's counts: one each for the login and the launch of a quiet client, fewer for a busy one. */
const isCount = (text: string) => text.startsWith('insert into "rate_limits"');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await launchAs(server, 'sandbox-ana-rivera');
  // What the server still does in the background (the retention job's first run, a transaction ending) is not the
  // launch's: wait until a tenth of a second goes by without a statement.
  for (let i = 0; i < 50; i++) {
    const sent = await statementsDuring(() => new Promise((resolve) => setTimeout(resolve, 100)));
    if (sent.length === 0) break;
  }
});
afterAll(async () => {
  await server?.close();
});

describe(`statements of a launch on ${testDbKind()}`, () => {
  it(`when a teacher launches again, then the login and launch send ${EXPECTED} statements and at most two counts`, async () => {
    const sent = await statementsDuring(() => launchAs(server, 'sandbox-ana-rivera'));
    expect(sent.filter(isCount).length).toBeLessThanOrEqual(2);
    const rest = sent.filter((text) => !isCount(text));
    expect(rest, rest.join('\n')).toHaveLength(EXPECTED);
    expect(sent.filter((text) => /"lti_nonce"/.test(text))).toEqual([]);
    expect(sent.filter((text) => /^select .* from "lti_(idtoken|contexttoken)"/.test(text))).toEqual([]);
    expect(sent.filter((text) => text.startsWith('update "lti_launch_nonces"'))).toHaveLength(1);
  });

  it('when a school launches many times a second, then its rate-limit counts are taken a few at a time', async () => {
    const sent = await statementsDuring(async () => {
      for (let i = 0; i < 6; i++) await launchAs(server, 'sandbox-ana-rivera');
    });
    const counts = sent.filter(isCount);
    // Twelve requests, counted in leases that double (1, 2, 4, 8…) while they come within a second of each other.
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.length).toBeLessThanOrEqual(4);
  });

  it('when launches are done, then none is left waiting for its verified payload', async () => {
    await Promise.all([
      launchAs(server, 'sandbox-ana-rivera'),
      launchAs(server, 'sandbox-dana-kim'),
      launchAs(server, 'sandbox-ana-rivera'),
    ]);
    expect(waitingLaunches()).toBe(0);
  });
});
