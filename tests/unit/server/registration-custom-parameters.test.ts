import { describe, expect, it } from 'vitest';
import { registerDynamically } from '../../../lti-server/src/lti/dynamic-registration';

describe('the tool configuration sent at dynamic registration', () => {
  it('when the tool registers, then it asks the LMS for the time zone and the role names as custom parameters', async () => {
    const issuer = 'https://canvas.example.edu';
    let registration: Record<string, unknown> | undefined;
    const fakeFetch = (async (input: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        registration = JSON.parse(String(init.body)) as Record<string, unknown>;
        return Response.json({
          client_id: '10000000000001',
          'https://purl.imsglobal.org/spec/lti-tool-configuration': { deployment_id: '1:abc' },
        });
      }
      expect(input).toBe(`${issuer}/.well-known/openid-configuration`);
      return Response.json({
        issuer,
        authorization_endpoint: `${issuer}/api/lti/authorize_redirect`,
        token_endpoint: `${issuer}/login/oauth2/token`,
        jwks_uri: `${issuer}/api/lti/security/jwks`,
        registration_endpoint: `${issuer}/api/lti/registrations`,
      });
    }) as typeof fetch;

    await registerDynamically(
      'https://tm.example.org',
      `${issuer}/.well-known/openid-configuration`,
      'token',
      fakeFetch,
    );
    const config = registration?.['https://purl.imsglobal.org/spec/lti-tool-configuration'] as {
      custom_parameters?: Record<string, string>;
    };
    expect(config.custom_parameters).toEqual({
      timezone: '$Person.address.timezone',
      coach: '$Canvas.membership.roles',
    });
  });
});
