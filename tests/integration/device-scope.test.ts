import { beforeAll, describe, expect, it } from 'vitest';
import { apiRouter, DEVICE_SCOPE } from '../../lti-server/src/http/api-routes';
import { MeSchema } from '../../shared/api';
import { PairingClaimResultSchema, PairingStartedSchema } from '../../shared/pairing';
import { StrategyCardPageSchema, StrategyPageSchema, StrategySchema } from '../../shared/strategy';
import { type ApiClient, apiClient, launchAs } from '../support/server/api-client';
import { routesOf } from '../support/server/route-table';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

/**
 * A coach's paired extension holds a 180-day token: it must reach only what the extension does (DEVICE_SCOPE in
 * api-routes.ts). The routes come from Express's own routing table, so a route added later is checked here too.
 */
interface Route {
  method: string;
  /** The path under /api, without a trailing slash. */
  path: string;
}

let server: TestServer;
let device: ApiClient;
let routes: Route[];

async function call(method: string, path: string, token?: string) {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }),
    },
    body: method === 'GET' || method === 'DELETE' ? undefined : '{}',
  });
  const body = (await res.json().catch(() => undefined)) as { error?: { code?: string } } | undefined;
  return { status: res.status, code: body?.error?.code };
}

/** Pairs a browser for `user` the way the extension does: start, the person confirms the code, claim. */
async function pairDevice(user: string): Promise<ApiClient> {
  const post = async (path: string, body: unknown) =>
    (
      await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
    ).json();
  const started = PairingStartedSchema.parse(await post('/api/pairings', { label: 'Coach laptop' }));
  await (await launchAs(server, user)).post('/api/pairings/confirm', { code: started.code });
  const claim = PairingClaimResultSchema.parse(
    await post('/api/pairings/claim', { pairingId: started.pairingId, claimSecret: started.claimSecret }),
  );
  if (claim.state !== 'paired') throw new Error('not paired');
  return apiClient(server, claim.token);
}

const allowance = (route: Route) =>
  DEVICE_SCOPE.find((a) => a.method === route.method && a.path === route.path);
const withParams = (path: string) => path.replace(/:\w+/g, 'some-id');
const name = (route: Route) => `${route.method} ${route.path}`;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  device = await pairDevice('sandbox-dana-kim');
  routes = routesOf(apiRouter(server.database, server.lti, server.config.publicUrl)).map((r) => {
    const [method = '', path = ''] = r.split(' ');
    return { method, path: path.length > 1 ? path.replace(/\/$/, '') : path };
  });
}, 60_000);
describe('what a paired device token may call', () => {
  it('when the allow-list names a route, then the API has that route', () => {
    expect(routes.length).toBeGreaterThan(40);
    for (const allowed of DEVICE_SCOPE) expect(routes.map(name)).toContain(name(allowed));
  });

  it("when a coach's device token calls any API route, then only the extension's routes answer and every other one is 403 DEVICE_SCOPE", async () => {
    const wrong: string[] = [];
    let open = 0;
    let refused = 0;
    for (const route of routes) {
      // Pairing itself answers before any token is read (POST /pairings, /pairings/claim): no session, no scope.
      if ((await call(route.method, withParams(route.path))).status !== 401) {
        open++;
        continue;
      }
      const allowed = allowance(route);
      const query = allowed?.query ? `?${new URLSearchParams(allowed.query)}` : '';
      const res = await call(route.method, `${withParams(route.path)}${query}`, device.token);
      if (allowed) {
        if (res.status === 401 || res.status === 403 || res.status >= 500)
          wrong.push(`${name(route)}${query} answered ${res.status} ${res.code}`);
        if (query) {
          const bare = await call(route.method, withParams(route.path), device.token);
          if (bare.status !== 403 || bare.code !== 'DEVICE_SCOPE')
            wrong.push(`${name(route)} without ${query} answered ${bare.status} ${bare.code}`);
        }
      } else if (res.status !== 403 || res.code !== 'DEVICE_SCOPE') {
        wrong.push(`${name(route)} answered ${res.status} ${res.code}`);
      } else {
        refused++;
      }
    }
    expect(wrong).toEqual([]);
    expect(open).toBeLessThan(5);
    expect(refused).toBe(routes.length - open - routes.filter(allowance).length);
  });

  it('when the device token is sent to a near miss of an allowed route, then it is refused too', async () => {
    for (const path of [
      '/strategies/',
      '/STRATEGIES?status=mine',
      '/strategies?status=approved',
      '/nowhere',
    ]) {
      const res = await call('GET', path, device.token);
      expect({ path, status: res.status, code: res.code }).toEqual({
        path,
        status: 403,
        code: 'DEVICE_SCOPE',
      });
    }
  });

  it('when the extension pairs, uploads a clip and reads its status, then each step works with the device token', async () => {
    expect(MeSchema.parse((await device.get('/api/me')).body).person.name).toBe('Dana Kim');
    const created = await device.post('/api/strategies', {
      title: 'Clipped from a blog',
      purpose: 'Everyone answers before anyone is called on.',
      steps: ['Ask', 'Wait', 'Call on three'],
      minutes: 5,
      subject: 'Any',
      gradeBand: 'Any',
    });
    expect(created.status).toBe(201);
    const id = StrategySchema.parse(created.body).id;
    const mine = StrategyPageSchema.parse((await device.get('/api/strategies?status=mine&limit=100')).body);
    expect(mine.items.map((s) => s.id)).toContain(id);
    // As the extension asks for them (extension/lib/server-api.ts): cards, whose status is all it shows.
    const cards = StrategyCardPageSchema.parse(
      (await device.get('/api/strategies?status=mine&limit=100&view=card')).body,
    );
    const whole = mine.items.find((s) => s.id === id)!;
    expect(cards.items.find((s) => s.id === id)).toMatchObject({
      status: whole.status,
      displayStatus: whole.displayStatus,
    });
  });

  it('when a launch session calls any API route, then none answers DEVICE_SCOPE', async () => {
    const coach = await launchAs(server, 'sandbox-dana-kim');
    // Ending the session goes last, so every other route still sees a live session.
    const ordered = [...routes].sort((a, b) => Number(a.path === '/session') - Number(b.path === '/session'));
    const scoped: string[] = [];
    for (const route of ordered) {
      const res = await call(route.method, withParams(route.path), coach.token);
      if (res.status === 401 || res.code === 'DEVICE_SCOPE')
        scoped.push(`${name(route)} answered ${res.status}`);
    }
    expect(scoped).toEqual([]);
  });
});
