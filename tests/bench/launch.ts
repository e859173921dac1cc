import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { type LtijsProvider, Provider as ltijsSingleton } from 'ltijs';
import { openDatabase } from '../../lti-server/src/db/database';
import { LtijsStore } from '../../lti-server/src/db/ltijs-store';
import { findSandboxCourse, findSandboxUser } from '../../lti-server/src/sandbox/roster';
import { CLAIM } from '../../shared/lti';
import { FormBrowser } from '../support/server/form-browser';
import { createTestDatabase, type TestDbKind } from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';
import { type Figure, percentile } from './report';

/**
 * LTI 1.3 launches per second through our tool, against a bare ltijs app with the same storage (our Kysely plugin on
 * a fresh database of the same kind), measured in one run with the same client: login → signed id_token → launch →
 * ltik redirect → the app's answer. The sandbox LMS of the tool server signs for both.
 */
interface App {
  loginUrl: string;
  launchUrl: string;
  issuer: string;
  clientId: string;
  deploymentId: string;
  close(): Promise<void>;
}

async function bareLtijs(kind: TestDbKind, tool: TestServer): Promise<App> {
  const test = await createTestDatabase(kind);
  const handle = openDatabase(test.target);
  await handle.migrate();
  const Ctor = ltijsSingleton.constructor as new () => LtijsProvider;
  const provider = new Ctor();
  provider.setup(
    'bench-key-0123456789abcdef0123456789abcdef',
    { plugin: new LtijsStore(handle.db) },
    {
      appRoute: '/launch',
      loginRoute: '/login',
      keysetRoute: '/keys',
      cookies: { secure: false, sameSite: 'Lax' },
      devMode: false,
      tokenMaxAge: 10,
      cors: false,
    },
  );
  provider.onConnect(async (_token, _req, res) => {
    res.status(200).send('ok');
  });
  const app = express();
  app.use('/lti', provider.app);
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const reg = tool.sandbox!.registration;
  await provider.registerPlatform({
    url: reg.issuer,
    name: reg.name,
    clientId: reg.clientId,
    authenticationEndpoint: reg.authUrl,
    accesstokenEndpoint: reg.tokenUrl,
    authConfig: { method: 'JWK_SET', key: reg.jwksUrl },
  });
  return {
    loginUrl: `${url}/lti/login`,
    launchUrl: `${url}/lti/launch`,
    issuer: reg.issuer,
    clientId: reg.clientId,
    deploymentId: reg.deploymentIds[0]!,
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await handle.close();
      await test.drop();
    },
  };
}

/** One full launch; returns its duration in ms. Throws if the launch did not succeed. */
async function launch(app: App, tool: TestServer): Promise<number> {
  const start = performance.now();
  const browser = new FormBrowser();
  const user = findSandboxUser('sandbox-ana-rivera')!;
  const course = findSandboxCourse('sandbox-course-7sci')!;
  const login = await browser.request(app.loginUrl, {
    form: {
      iss: app.issuer,
      login_hint: user.id,
      target_link_uri: app.launchUrl,
      client_id: app.clientId,
      lti_deployment_id: app.deploymentId,
    },
  });
  const auth = new URL(login.headers.get('location') ?? '');
  const claims = {
    ...tool.sandbox!.idTokenClaims({ user, course, nonce: auth.searchParams.get('nonce') ?? '' }),
    [CLAIM.targetLinkUri]: app.launchUrl,
  };
  const idToken = await tool.sandbox!.signIdToken(claims);
  const result = await browser.follow(
    app.launchUrl,
    { method: 'POST', form: { id_token: idToken, state: auth.searchParams.get('state') ?? '' } },
    { stopAt: (u) => new URL(u).pathname.startsWith('/app/') },
  );
  const ok = result.location?.includes('#session=') || (result.status === 200 && result.html === 'ok');
  if (!ok) throw new Error(`launch failed: ${result.status} ${result.html.slice(0, 200)}`);
  return performance.now() - start;
}

/** Launches through each app before the clock starts. */
const LAUNCH_WARMUP = 200;
/**
 * Launches in a timed block. With two blocks of 500 per app the ratio moved by a fifth from run to run: the machine's
 * speed drifts within a run by more than that, and halves do not cancel it as ten short blocks each do (2026-12-08).
 */
const LAUNCH_BLOCK = 100;

async function rounds(
  app: App,
  tool: TestServer,
  total: number,
  concurrency: number,
): Promise<{ ms: number[]; seconds: number }> {
  const ms: number[] = [];
  const start = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        ms.push(await launch(app, tool));
      }
    }),
  );
  return { ms, seconds: (performance.now() - start) / 1000 };
}

export async function launchFigures(kind: TestDbKind, total: number, concurrency: number): Promise<Figure[]> {
  const tool = await startTestServer({ db: kind });
  const bare = await bareLtijs(kind, tool);
  const ours: App = {
    loginUrl: tool.sandbox!.loginUrl,
    launchUrl: tool.sandbox!.launchUrl,
    issuer: tool.sandbox!.issuer,
    clientId: tool.sandbox!.clientId,
    deploymentId: tool.sandbox!.deploymentId,
    close: async () => {},
  };
  try {
    // Untimed warm-up. With 20 launches each, the first timed block of ours ran 20–30% slower than its last in every
    // run (its code and statements still warming up), which ABBA's order does not cancel.
    await rounds(ours, tool, LAUNCH_WARMUP, concurrency);
    await rounds(bare, tool, LAUNCH_WARMUP, concurrency);
    // Blocks of LAUNCH_BLOCK in ABBA order (ours, bare, bare, ours, …) so drift on the machine hits both alike.
    const oursMs: number[] = [];
    const bareMs: number[] = [];
    let oursSeconds = 0;
    let bareSeconds = 0;
    const blocks = Math.max(1, Math.round(total / LAUNCH_BLOCK));
    for (let block = 0; block < 2 * blocks; block++) {
      const isOurs = block % 4 === 0 || block % 4 === 3;
      const run = await rounds(isOurs ? ours : bare, tool, Math.ceil(total / blocks), concurrency);
      if (isOurs) {
        oursMs.push(...run.ms);
        oursSeconds += run.seconds;
      } else {
        bareMs.push(...run.ms);
        bareSeconds += run.seconds;
      }
    }
    const oursRate = oursMs.length / oursSeconds;
    const bareRate = bareMs.length / bareSeconds;
    const label = `launch.${kind}`;
    return [
      {
        name: `${label}.throughput`,
        value: oursRate,
        unit: 'launches/s',
        baseline: { label: 'bare ltijs', value: bareRate },
      },
      {
        name: `${label}.p50`,
        value: percentile(oursMs, 50),
        unit: 'ms',
        baseline: { label: 'bare ltijs', value: percentile(bareMs, 50) },
      },
      {
        name: `${label}.p95`,
        value: percentile(oursMs, 95),
        unit: 'ms',
        baseline: { label: 'bare ltijs', value: percentile(bareMs, 95) },
      },
    ];
  } finally {
    await bare.close();
    await tool.close();
  }
}
