import { describe, expect, it } from 'vitest';
import {
  cachedDeployments,
  guardIdToken,
  reasonFromLtijs,
  unstorableParam,
} from '../../../lti-server/src/lti/launch-guard';
import { LtiLaunchError } from '../../../shared/errors';
import { CLAIM } from '../../../shared/lti';

const NOW = 1_800_000_000_000;
const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const token = (payload: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256' }) =>
  `${part(header)}.${part(payload)}.sig`;
const valid = {
  iss: 'https://canvas.instructure.com',
  aud: 'client-1',
  iat: NOW / 1000,
  exp: NOW / 1000 + 300,
  [CLAIM.messageType]: 'LtiResourceLinkRequest',
  [CLAIM.version]: '1.3.0',
  [CLAIM.deploymentId]: 'dep-1',
};
const deps = {
  deploymentsOf: async (iss: string, client: string) =>
    iss === 'https://canvas.instructure.com' && client === 'client-1' ? ['dep-1'] : [],
  learnsDeployments: async (iss: string, client: string) =>
    iss === 'https://canvas.instructure.com' && client === 'learning-client',
  now: () => NOW,
};

async function reasonOf(promise: Promise<void>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(LtiLaunchError);
    return (error as LtiLaunchError).reason;
  }
}

describe('guardIdToken', () => {
  it('when everything it checks is right, then it lets the token through to ltijs', async () => {
    expect(await reasonOf(guardIdToken(token(valid), deps))).toBeUndefined();
  });

  it.each([
    ['not a JWT', 'abc', 'TOKEN_MALFORMED'],
    ['HS256', token(valid, { alg: 'HS256' }), 'ALG_NOT_ALLOWED'],
    ['alg none', token(valid, { alg: 'none' }), 'ALG_NOT_ALLOWED'],
    ['no exp', token({ ...valid, exp: undefined }), 'EXP_MISSING'],
    ['iat an hour ahead', token({ ...valid, iat: NOW / 1000 + 3600 }), 'IAT_IN_FUTURE'],
    ['no deployment', token({ ...valid, [CLAIM.deploymentId]: undefined }), 'DEPLOYMENT_MISSING'],
    ['an unknown deployment', token({ ...valid, [CLAIM.deploymentId]: 'dep-2' }), 'DEPLOYMENT_UNKNOWN'],
    ['an unknown client', token({ ...valid, aud: 'client-2' }), 'PLATFORM_UNKNOWN'],
    ['no version', token({ ...valid, [CLAIM.version]: undefined }), 'VERSION_INVALID'],
  ])('when the token has %s, then it is refused', async (_name, jwt, reason) => {
    expect(await reasonOf(guardIdToken(jwt, deps))).toBe(reason);
  });

  it('when iat is a few seconds ahead (clock skew), then it is tolerated', async () => {
    expect(await reasonOf(guardIdToken(token({ ...valid, iat: NOW / 1000 + 3 }), deps))).toBeUndefined();
  });

  it('when a platform that learns its deployments sends a new one, then it passes on to ltijs (but its checks still run)', async () => {
    const learning = { ...valid, aud: 'learning-client', [CLAIM.deploymentId]: 'brand-new' };
    expect(await reasonOf(guardIdToken(token(learning), deps))).toBeUndefined();
    expect(await reasonOf(guardIdToken(token({ ...learning, exp: undefined }), deps))).toBe('EXP_MISSING');
  });

  it('when aud lists several clients, then azp picks the one checked', async () => {
    const jwt = token({ ...valid, aud: ['other', 'client-1'], azp: 'client-1' });
    expect(await reasonOf(guardIdToken(jwt, deps))).toBeUndefined();
  });
});

describe('reasonFromLtijs', () => {
  it('when ltijs reports a replayed nonce or a unique violation on nonces, then the reason is NONCE_REPLAYED', () => {
    expect(reasonFromLtijs('NONCE_ALREADY_RECEIVED').reason).toBe('NONCE_REPLAYED');
    expect(reasonFromLtijs('duplicate key value violates unique constraint "lti_nonce_pkey"').reason).toBe(
      'NONCE_REPLAYED',
    );
  });

  it('when ltijs reports something unknown, then the reason is the generic TOKEN_INVALID', () => {
    expect(reasonFromLtijs('weird').reason).toBe('TOKEN_INVALID');
  });
});

describe('cachedDeployments', () => {
  function counting(lists: Record<string, string[]>) {
    const calls: string[] = [];
    const load = async (issuer: string, clientId: string) => {
      calls.push(`${issuer} ${clientId}`);
      return lists[`${issuer} ${clientId}`] ?? [];
    };
    return { calls, load };
  }

  it('when a registered platform launches again within the time, then the list comes from memory', async () => {
    let clock = 0;
    const { calls, load } = counting({ 'iss c1': ['dep-1'] });
    const deploymentsOf = cachedDeployments(load, 1000, () => clock);
    expect(await deploymentsOf('iss', 'c1')).toEqual(['dep-1']);
    clock = 999;
    expect(await deploymentsOf('iss', 'c1')).toEqual(['dep-1']);
    expect(calls).toHaveLength(1);
    clock = 1000;
    expect(await deploymentsOf('iss', 'c1')).toEqual(['dep-1']);
    expect(calls).toHaveLength(2);
  });

  it('when the guard asks for a fresh list, then the database is read even within the time', async () => {
    const lists = { 'iss c1': ['dep-1'] };
    const { calls, load } = counting(lists);
    const deploymentsOf = cachedDeployments(load, 60_000, () => 0);
    await deploymentsOf('iss', 'c1');
    lists['iss c1'] = ['dep-1', 'dep-2'];
    expect(await deploymentsOf('iss', 'c1', { fresh: true })).toEqual(['dep-1', 'dep-2']);
    expect(await deploymentsOf('iss', 'c1')).toEqual(['dep-1', 'dep-2']);
    expect(calls).toHaveLength(2);
  });

  it('when a platform is unknown, then nothing is remembered for it (forged issuers cannot fill memory)', async () => {
    const { calls, load } = counting({});
    const deploymentsOf = cachedDeployments(load, 60_000, () => 0);
    expect(await deploymentsOf('https://forged.example', 'x')).toEqual([]);
    expect(await deploymentsOf('https://forged.example', 'x')).toEqual([]);
    expect(calls).toHaveLength(2);
  });

  it('when a deployment was registered after the list was remembered, then the guard still lets it through', async () => {
    const lists = { 'https://canvas.instructure.com client-1': ['dep-1'] };
    const { load } = counting(lists);
    const guardDeps = { ...deps, deploymentsOf: cachedDeployments(load, 60_000, () => 0) };
    expect(await reasonOf(guardIdToken(token(valid), guardDeps))).toBeUndefined();
    lists['https://canvas.instructure.com client-1'] = ['dep-1', 'dep-2'];
    const second = token({ ...valid, [CLAIM.deploymentId]: 'dep-2' });
    expect(await reasonOf(guardIdToken(second, guardDeps))).toBeUndefined();
  });
});

describe('login and launch parameters', () => {
  it('when a parameter, a nested value or a parameter name holds a NUL or a control character, then it is named', () => {
    expect(unstorableParam({ iss: 'https://canvas.instructure.com\u0000', login_hint: 'x' })).toBe(
      'iss contains a control character (U+0000) that cannot be stored',
    );
    expect(unstorableParam({ roles: ['Instructor', 'a\u0007'] })).toMatch(/^roles contains .*U\+0007/);
    expect(unstorableParam({ 'bad\u0000name': 'x' })).toMatch(/^a parameter name contains/);
    expect(unstorableParam({ custom: { course: 'x\u001b' } })).toMatch(
      /^custom\[course\] contains .*U\+001B/,
    );
    expect(unstorableParam({ lti_message_hint: 'half \uD800' })).toMatch(/unpaired U\+D800/);
  });

  it('when parameters are ordinary text (line ends included) or absent, then nothing is named', () => {
    expect(
      unstorableParam({ iss: 'https://canvas.instructure.com', login_hint: 'Ana\r\nRivera', n: ['é', '👍'] }),
    ).toBeUndefined();
    expect(unstorableParam(undefined)).toBeUndefined();
    expect(unstorableParam({})).toBeUndefined();
  });
});
