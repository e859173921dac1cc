import { importJWK, jwtVerify } from 'jose';
import { describe, expect, it, vi } from 'vitest';
import { runPlatformCli } from '../../lti-server/src/cli/platform';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
useTestServer({}, (s) => {
  server = s;
});
const keySet = async () =>
  (await (await fetch(`${server.url}/lti/keys`)).json()) as { keys: Array<{ kid: string; d?: string }> };

describe("rotating the tool's signing key", () => {
  it('when a key is rotated, then new tokens use the new key and the old key is served until its grace period ends', async () => {
    const before = await keySet();
    expect(before.keys).toHaveLength(1);
    const oldKid = before.keys[0]!.kid;
    const { issuer, clientId } = server.sandbox!;
    const rotated = await server.lti.rotateKey(issuer, clientId, new Date(), 7);
    expect(rotated.oldKid).toBe(oldKid);

    const after = await keySet();
    expect(after.keys.map((k) => k.kid).sort()).toEqual([oldKid, rotated.newKid].sort());
    expect(after.keys.every((k) => k.d === undefined)).toBe(true);

    // What the tool signs now (a deep-linking answer) carries the new kid and verifies with the published key.
    const jwt = await server.lti.deepLinkingResponse(
      { issuer, clientId, deploymentId: server.sandbox!.deploymentId },
      { returnUrl: `${issuer}/deep-link-return`, acceptTypes: ['html'], acceptMultiple: false },
      [{ type: 'html', html: '<p>x</p>' }],
      'Added from Tasting Menu',
    );
    const header = JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()) as { kid: string };
    expect(header.kid).toBe(rotated.newKid);
    const jwk = after.keys.find((k) => k.kid === rotated.newKid)!;
    await expect(jwtVerify(jwt, await importJWK(jwk as never, 'RS256'))).resolves.toBeTruthy();

    // After the grace period the old key is gone.
    await server.database.db
      .updateTable('retired_tool_keys')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .execute();
    expect((await keySet()).keys.map((k) => k.kid)).toEqual([rotated.newKid]);
  });

  it('when rotating from the command line for an unknown platform or with a bad grace period, then it says so', async () => {
    const env = {
      DATABASE_URL: server.config.database.kind === 'sqlite' ? `sqlite:${server.config.database.file}` : '',
      DATA_DIR: server.config.dataDir,
      LTI_KEY: server.config.ltiKey!,
    };
    if (server.config.database.kind === 'postgres') {
      env.DATABASE_URL = `${server.config.database.url}?schema=${server.config.database.schema}`;
    }
    const err: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...a) => void err.push(a.join(' ')));
    try {
      expect(
        await runPlatformCli(['rotate-key', '--issuer', 'https://nope.example', '--client-id', 'x'], env),
      ).toBe(1);
      expect(
        await runPlatformCli(
          ['rotate-key', '--issuer', 'https://nope.example', '--client-id', 'x', '--grace-days', '0'],
          env,
        ),
      ).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(err.join('\n')).toContain('No platform is registered');
    expect(err.join('\n')).toContain('--grace-days must be');
  });
});
