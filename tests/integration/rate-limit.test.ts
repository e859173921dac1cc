import { describe, expect, it } from 'vitest';
import { ErrorBodySchema } from '../../shared/errors';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
useTestServer({ config: { ltiRateLimit: 5 } }, (s) => {
  server = s;
});
describe('rate limits on the LTI endpoints', () => {
  it('when one address floods /lti/login, then it gets 429 after the limit and other routes still answer', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await fetch(`${server.url}/lti/login?iss=x&login_hint=y&target_link_uri=z`, {
        redirect: 'manual',
      });
      statuses.push(res.status);
      if (res.status === 429) expect(ErrorBodySchema.parse(await res.json()).error.code).toBe('RATE_LIMITED');
      else await res.arrayBuffer();
    }
    expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
