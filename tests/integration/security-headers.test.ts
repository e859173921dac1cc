import { describe, expect, it } from 'vitest';
import { registerPlatform } from '../../lti-server/src/domain/platforms';
import {
  beginLogin,
  postLaunch,
  signWithSandboxKey,
  signWithStrangerKey,
} from '../support/server/forged-launch';
import { builtAppAssets } from '../support/server/built-app';
import { FormBrowser } from '../support/server/form-browser';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;

useTestServer({}, (s) => {
  server = s;
});
const RETURN_CLAIM = 'https://purl.imsglobal.org/spec/lti/claim/launch_presentation';

/** The app's policy as a map of directive → sources. */
async function appPolicy(path = '/app/'): Promise<Map<string, string[]>> {
  const res = await fetch(`${server.url}${path}`);
  const header = res.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

/** A verified launch from the sandbox whose signed claims name `returnUrl` as the LMS page. */
async function launchFrom(returnUrl: string, sign = signWithSandboxKey) {
  const login = await beginLogin(server);
  const claims = { ...login.claims, [RETURN_CLAIM]: { document_target: 'iframe', return_url: returnUrl } };
  return postLaunch(server, login, await sign(server, claims));
}

describe('the app in the LMS iframe', () => {
  it('when the app is served, then its policy allows only its own scripts and styles and no plugins or base', async () => {
    const policy = await appPolicy();
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toContain("'self'");
    expect(policy.get('frame-ancestors')).not.toContain('*');
  });

  it('when a platform is registered, then its issuer and auth origins may frame the app and receive its form', async () => {
    await registerPlatform(server.database.db, server.lti, {
      issuer: 'https://canvas.instructure.com',
      clientId: '10000000000001',
      name: 'Canvas',
      authUrl: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
      tokenUrl: 'https://school.instructure.com/login/oauth2/token',
      jwksUrl: 'https://sso.canvaslms.com/api/lti/security/jwks',
      deploymentIds: ['1:abc'],
    });
    // The registration happened on this instance's database but not through a launch: the cache is refreshed.
    const policy = await appPolicy('/app/?new-frame-origin');
    for (const directive of ['frame-ancestors', 'form-action']) {
      expect(policy.get(directive)).toEqual(
        expect.arrayContaining(["'self'", 'https://canvas.instructure.com', 'https://sso.canvaslms.com']),
      );
    }
    expect(policy.get('frame-ancestors')).not.toContain('https://school.instructure.com');
  });

  it("when a verified launch names its LMS page, then that page's origin may frame the app at once", async () => {
    const first = await launchFrom('https://school.example.edu/courses/7/external_content/success');
    expect(first.token).toBeTruthy();
    // The redirect asks whichever instance serves the app for a fresh policy.
    const target = new URL(first.location ?? '', server.url);
    expect(target.search).toBe('?new-frame-origin');
    const policy = await appPolicy(`${target.pathname}${target.search}`);
    expect(policy.get('frame-ancestors')).toContain('https://school.example.edu');
    expect(policy.get('form-action')).toContain('https://school.example.edu');

    const again = await launchFrom('https://school.example.edu/courses/8/external_content/success');
    expect(again.token).toBeTruthy();
    expect(new URL(again.location ?? '', server.url).search).toBe('');
  });

  it('when a launch is not verified, then the origin it names is not learned', async () => {
    const forged = await launchFrom('https://evil.example/frame', (_s, claims) =>
      signWithStrangerKey(claims),
    );
    expect(forged.token).toBeUndefined();
    expect(forged.reason).toBe('SIGNATURE_INVALID');
    const policy = await appPolicy('/app/?new-frame-origin');
    expect(policy.get('frame-ancestors')).not.toContain('https://evil.example');
  });

  it('when a launch names a return URL that is no web address, then the launch works and nothing is learned', async () => {
    const launch = await launchFrom('javascript:alert(1)');
    expect(launch.token).toBeTruthy();
    const policy = await appPolicy('/app/?new-frame-origin');
    expect(policy.get('frame-ancestors')?.join(' ')).not.toMatch(/javascript|null/);
  });
});

describe('the room note mode, an installable web app', () => {
  it('when the LMS app is served, then it may register no service worker and load no web manifest', async () => {
    const policy = await appPolicy();
    expect(policy.get('worker-src')).toEqual(["'none'"]);
    expect(policy.get('manifest-src')).toEqual(["'none'"]);
  });

  it('when a room page is served, then its own service worker and manifest are allowed, from this origin only', async () => {
    for (const path of ['/room/', '/room/visit/abc']) {
      const policy = await appPolicy(path);
      expect(policy.get('worker-src'), path).toEqual(["'self'"]);
      expect(policy.get('manifest-src'), path).toEqual(["'self'"]);
      expect(policy.get('script-src'), path).toEqual(["'self'"]);
      expect(policy.get('connect-src'), path).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors'), path).toEqual(["'none'"]);
      const every = [...policy.values()].flat();
      expect(
        every.filter((s) => /^(\*|blob:|https?:|'unsafe-)/.test(s)),
        path,
      ).toEqual([]);
    }
  });

  it('when the worker and the manifest are asked for, then only /room/ serves them, revalidated on every load', async () => {
    await builtAppAssets();
    const worker = await fetch(`${server.url}/room/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toContain('text/javascript');
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    expect(worker.headers.get('content-security-policy')).toContain("worker-src 'self'");
    const code = await worker.text();
    // It precaches the room page and answers /room/ navigations with it, and loads no script from anywhere.
    expect(code).toContain('url:"/room/"');
    expect(code).not.toContain('importScripts');
    expect(code).not.toMatch(/\/app\/assets\/main-/);
    const manifest = await fetch(`${server.url}/room/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toContain('application/manifest+json');
    const body = await manifest.json();
    expect(body).toMatchObject({ scope: '/room/', start_url: '/room/', display: 'standalone' });
    // Under /app/ its scope would be the LMS app's: not served there.
    expect((await fetch(`${server.url}/app/room-sw.js`)).status).toBe(404);
  });
});

describe('the JSON API', () => {
  it('when the API answers, with or without a session, then nothing may keep a copy', async () => {
    const refused = await fetch(`${server.url}/api/strategies`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('cache-control')).toBe('no-store');

    const launch = await launchFrom('https://school.example.edu/courses/7');
    const ok = await fetch(`${server.url}/api/strategies`, {
      headers: { authorization: `Bearer ${decodeURIComponent(launch.token ?? '')}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
  });
});

describe('server-rendered pages', () => {
  const inline = (html: string) => ({
    scripts: [...html.matchAll(/<script(?![^>]*\b(?:src=|type="application\/json"))[^>]*>/g)].length,
    styles: /<style|\sstyle="/.test(html),
  });

  it('when the sandbox launches the tool, then every page on the way has a strict policy and no inline script or style', async () => {
    const browser = new FormBrowser();
    const pages = [
      '/sandbox',
      '/sandbox/courses/sandbox-course-7sci',
      '/sandbox/courses/sandbox-course-7sci/launch?user=sandbox-ana-rivera',
      '/sandbox/courses/sandbox-course-7sci/launch?user=sandbox-ana-rivera&storage=1',
      '/sandbox/storage-frame',
      '/sandbox/courses/sandbox-course-7sci/initiate?user=sandbox-ana-rivera',
    ];
    for (const path of pages) {
      const res = await browser.request(`${server.url}${path}`);
      const policy = res.headers.get('content-security-policy') ?? '';
      expect(policy, path).toContain("script-src 'self'");
      expect(policy, path).toContain("style-src 'self'");
      expect(policy, path).toContain("object-src 'none'");
      // The sandbox LMS frames the tool and posts the launch steps to it: only to the tool's own origin.
      expect(policy, path).toContain(`frame-src 'self' ${server.url}`);
      expect(policy, path).toMatch(new RegExp(`form-action 'self' ${server.url}(;|$)`));
      expect(inline(await res.text()), path).toEqual({ scripts: 0, styles: false });
    }
    // The whole flow still reaches the app (the auto-posting forms now use /static/autopost.js).
    const flow = await browser.follow(
      `${server.url}/sandbox/courses/sandbox-course-7sci/initiate?user=sandbox-ana-rivera`,
      {},
      { stopAt: (u) => new URL(u).pathname.startsWith('/app/') },
    );
    expect(flow.location).toMatch(/\/app\/.*#session=/);
    expect(flow.steps.every((s) => s.status < 400)).toBe(true);
  });

  it('when a page asks for its stylesheet and scripts, then /static serves them with their types', async () => {
    const cases = [
      ['/static/page.css', 'text/css'],
      ['/static/autopost.js', 'text/javascript'],
      ['/static/platform-storage.js', 'text/javascript'],
      ['/static/registration-close.js', 'text/javascript'],
      ['/sandbox/static/lms-page.js', 'text/javascript'],
      ['/sandbox/static/storage-frame.js', 'text/javascript'],
    ];
    for (const [path, type] of cases) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain(type);
      expect((await res.text()).length, path).toBeGreaterThan(10);
    }
    expect((await fetch(`${server.url}/static/constructor`)).status).toBe(404);
  });
});
