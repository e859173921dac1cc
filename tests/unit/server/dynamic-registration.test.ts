import { describe, expect, it } from 'vitest';
import { registerDynamically } from '../../../lti-server/src/lti/dynamic-registration';
import { AppError } from '../../../shared/errors';

/** An LMS as a fetch function: its configuration claims `issuer`; every request is recorded. */
function lmsClaiming(issuer: string) {
  const requests: string[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    requests.push(`${init?.method ?? 'GET'} ${String(input)}`);
    const body = String(input).endsWith('/register')
      ? { client_id: '10000000000001' }
      : {
          issuer,
          authorization_endpoint: `${issuer}/api/lti/authorize_redirect`,
          token_endpoint: `${issuer}/login/oauth2/token`,
          jwks_uri: `${issuer}/api/lti/security/jwks`,
          registration_endpoint: `${new URL(String(input)).origin}/register`,
        };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetchImpl, requests };
}

describe('registerDynamically: the configuration comes from its issuer’s own origin', () => {
  it.each([
    [
      'a host that only starts with the issuer',
      'https://canvas.instructure.com.attacker.example/api/lti/security/openid-configuration',
    ],
    ['a user-info trick', 'https://canvas.instructure.com@attacker.example/openid-configuration'],
    ['another port', 'https://canvas.instructure.com:8443/openid-configuration'],
    ['plain http', 'http://localhost/openid-configuration'],
  ])(
    'when the configuration is at %s, then it is refused before anything is registered',
    async (_name, url) => {
      const lms = lmsClaiming('https://canvas.instructure.com');
      const refusal = await registerDynamically('https://tm.example.org', url, 'token', lms.fetchImpl).catch(
        (e: unknown) => e,
      );
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).message).toContain('is not its own address');
      expect(lms.requests).toEqual([`GET ${url}`]);
    },
  );

  it('when the configuration is at the issuer’s origin, then the tool registers there', async () => {
    const lms = lmsClaiming('https://canvas.instructure.com');
    const url = 'https://canvas.instructure.com/api/lti/security/openid-configuration';
    const result = await registerDynamically('https://tm.example.org', url, 'token', lms.fetchImpl);
    expect(result.registration).toMatchObject({
      issuer: 'https://canvas.instructure.com',
      clientId: '10000000000001',
    });
    expect(lms.requests).toEqual([`GET ${url}`, 'POST https://canvas.instructure.com/register']);
  });
});
