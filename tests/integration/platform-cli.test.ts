import { describe, expect, it } from 'vitest';
import { usePlatformCli } from '../support/server/platform-cli';

const { run } = usePlatformCli();

const canvas = [
  '--issuer',
  'https://canvas.instructure.com',
  '--client-id',
  '10000000000001',
  '--auth-url',
  'https://sso.canvaslms.com/api/lti/authorize_redirect',
  '--token-url',
  'https://springfield.instructure.com/login/oauth2/token',
  '--jwks-url',
  'https://sso.canvaslms.com/api/lti/security/jwks',
];

describe('npm run platform', () => {
  it('when a Canvas platform is added with two deployments, then list shows it with both', async () => {
    const add = await run(
      'add',
      ...canvas,
      '--deployment',
      '1:a',
      '--deployment',
      '2:b',
      '--name',
      'Springfield Canvas',
    );
    expect(add.code).toBe(0);
    expect(add.out).toContain('Registered Springfield Canvas');
    const list = await run('list');
    expect(list.out).toContain('https://canvas.instructure.com');
    expect(list.out).toContain('deployments: 1:a, 2:b (registered deployments only)');
  });

  it('when the input is bad, then each problem is named by its flag and nothing is saved', async () => {
    const bad = await run(
      'add',
      '--issuer',
      'not a url',
      '--client-id',
      '',
      '--jwks-url',
      'http://example.com/jwks',
    );
    expect(bad.code, `stdout: ${bad.out}\nstderr: ${bad.err}`).toBe(2);
    expect(bad.err, bad.err).toContain('--issuer must be an https:// address');
    expect(bad.err).toContain('--client-id must not be empty');
    expect(bad.err).toContain('--jwks-url must be an https:// address');
    expect(bad.err).toContain('--deployment at least one deployment id is required');
    expect((await run('list')).out).not.toContain('not a url');
  });

  it('when an unknown flag or command is given, then usage is printed', async () => {
    expect((await run('add', '--colour', 'blue')).code).toBe(2);
    expect((await run('frobnicate')).err).toContain('Unknown command "frobnicate"');
  });

  it('when the operator creates a registration code, then it is printed once and list shows it pending without the code', async () => {
    const invite = await run('invite', '--expires', '2d');
    expect(invite.code, invite.err).toBe(0);
    const code = /Registration code: ([A-Z0-9-]+)/.exec(invite.out)?.[1];
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const expires = /expires at (\S+)\./.exec(invite.out)?.[1] ?? '';
    expect(Date.parse(expires) - Date.now()).toBeGreaterThan(2 * 86_400_000 - 60_000);
    const list = await run('list');
    expect(list.out).toContain('Unused registration codes');
    expect(list.out).toContain(`expires ${expires}`);
    expect(list.out).not.toContain(code!);
    expect(list.out).not.toContain(code!.replaceAll('-', ''));
  });

  it('when --expires is not a duration, then invite refuses it and makes no code', async () => {
    const before = (await run('list')).out;
    for (const bad of ['forever', '0d', '91d']) {
      const res = await run('invite', '--expires', bad);
      expect(res.code, bad).toBe(2);
      expect(res.err).toContain('--expires');
    }
    expect((await run('list')).out).toBe(before);
  });

  it('when a platform is removed, then it is gone and removing it again says so', async () => {
    const args = ['--issuer', 'https://canvas.instructure.com', '--client-id', '10000000000001'];
    expect((await run('remove', ...args)).code).toBe(0);
    expect((await run('list')).out).not.toContain('10000000000001');
    const again = await run('remove', ...args);
    expect(again.code).toBe(1);
    expect(again.err).toContain('No platform is registered');
  });
});
