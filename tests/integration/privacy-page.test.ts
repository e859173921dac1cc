import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;

useTestServer({}, (s) => {
  server = s;
});

describe('the privacy page', () => {
  it('when anyone opens /privacy, then it shows docs/privacy.md as a page, with no session and no script', async () => {
    const res = await fetch(`${server.url}/privacy`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).toContain('<h1>Privacy: what Tasting Menu stores, for how long, and who can read it</h1>');
    expect(html).toContain('<table>');
    expect(html).not.toMatch(/<script|style=/i);
  });
});
