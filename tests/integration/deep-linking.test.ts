import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, launchAs } from '../support/server/api-client';
import { FormBrowser } from '../support/server/form-browser';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
let strategyId: string;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  const dana = await launchAs(server, 'sandbox-dana-kim');
  const created = await dana.post('/api/strategies', {
    title: 'Think <Pair> Share',
    purpose: 'Every student talks first.',
    steps: ['Think', 'Pair', 'Share'],
    minutes: 10,
    subject: 'Science',
    gradeBand: '6-8',
  });
  strategyId = created.body.id;
}, 60_000);
/** The editor button in the sandbox: a deep-linking launch that lands in the app with an open request. */
async function editorButton() {
  const browser = new FormBrowser();
  const result = await browser.follow(
    `${server.url}/sandbox/courses/sandbox-course-7sci/initiate?user=sandbox-ana-rivera&deeplink=1`,
    {},
    { stopAt: (u) => new URL(u).pathname.startsWith('/app/') },
  );
  const hash = new URL(result.location ?? '').hash;
  const params = new URLSearchParams(hash.slice(1));
  return { browser, api: apiClient(server, params.get('session') ?? ''), pick: params.get('pick') ?? '' };
}

describe('deep linking from the LMS editor', () => {
  it('when a teacher inserts a strategy as a link, then the LMS gets a signed link that opens that strategy', async () => {
    const { browser, api, pick } = await editorButton();
    expect(pick).not.toBe('');
    const answer = await api.post(`/api/deep-links/${pick}`, { strategyId, as: 'link' });
    expect(answer.status).toBe(200);
    expect(answer.body.returnUrl).toBe(`${server.sandbox!.issuer}/deep-link-return`);
    const returned = await browser.request(answer.body.returnUrl, { form: { JWT: answer.body.jwt } });
    const html = await returned.text();
    expect(returned.status).toBe(200);
    const href = /<li data-item="link">Link: <a href="([^"]+)">Think &lt;Pair&gt; Share<\/a>/.exec(html)?.[1];
    expect(href).toBeTruthy();
    // Opening the link launches the tool straight into the strategy.
    const open = await browser.follow(
      new URL(href!.replaceAll('&amp;', '&'), server.url).toString(),
      {},
      {
        stopAt: (u) => new URL(u).pathname.startsWith('/app/'),
      },
    );
    expect(open.location).toContain(`&strategy=${strategyId}`);
    // The request is single use.
    expect((await api.post(`/api/deep-links/${pick}`, { strategyId, as: 'link' })).status).toBe(404);
  });

  it('when a teacher inserts a strategy as a card, then the LMS gets escaped HTML of the card', async () => {
    const { browser, api, pick } = await editorButton();
    const answer = await api.post(`/api/deep-links/${pick}`, { strategyId, as: 'card' });
    const html = await (
      await browser.request(answer.body.returnUrl, { form: { JWT: answer.body.jwt } })
    ).text();
    expect(html).toContain('data-item="html"');
    expect(html).toContain('&amp;lt;Pair&amp;gt;'); // escaped by the tool, shown escaped by the sandbox
  });

  it('when a teacher who reads Spanish inserts a card, then the card and the LMS message are in Spanish', async () => {
    const { api, pick } = await editorButton();
    expect((await api.put('/api/me/language', { language: 'es' })).status).toBe(200);
    try {
      const answer = await api.post(`/api/deep-links/${pick}`, { strategyId, as: 'card' });
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const claims = JSON.parse(Buffer.from(answer.body.jwt.split('.')[1], 'base64url').toString());
      expect(claims['https://purl.imsglobal.org/spec/lti-dl/claim/msg']).toBe('Añadido desde Tasting Menu');
      const [card] = claims['https://purl.imsglobal.org/spec/lti-dl/claim/content_items'];
      expect(card.html).toContain('<p>10 minutos · Science · grados 6-8</p>');
    } finally {
      await api.put('/api/me/language', { language: null });
    }
  });

  it('when the answer is forged or the choice is bad, then nothing is accepted', async () => {
    const { api, pick } = await editorButton();
    expect((await api.post(`/api/deep-links/${pick}`, { strategyId, as: 'poster' })).status).toBe(400);
    expect((await api.post(`/api/deep-links/${pick}`, { strategyId: 'nope', as: 'link' })).status).toBe(404);
    const other = await launchAs(server, 'sandbox-ben-okafor');
    expect((await other.post(`/api/deep-links/${pick}`, { strategyId, as: 'link' })).status).toBe(404);
    const forged = await fetch(`${server.sandbox!.issuer}/deep-link-return`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ JWT: 'e30.e30.x' }),
    });
    expect(forged.status).toBe(400);
  });
});
