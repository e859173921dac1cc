import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
useTestServer({}, (s) => {
  server = s;
});
describe('/lti/canvas.json', () => {
  it('when Canvas reads the developer key, then every URL points at this tool and placements are staff-only', async () => {
    const res = await fetch(`${server.url}/lti/canvas.json`);
    expect(res.status).toBe(200);
    const key = await res.json();
    const u = server.config.publicUrl;
    expect(key).toMatchObject({
      title: 'Tasting Menu',
      oidc_initiation_url: `${u}/lti/login`,
      target_link_uri: `${u}/lti/launch`,
      public_jwk_url: `${u}/lti/keys`,
    });
    const ext = key.extensions[0];
    expect(ext.privacy_level).toBe('name_only');
    expect(ext.settings.placements).toEqual([
      expect.objectContaining({
        placement: 'course_navigation',
        visibility: 'admins',
        message_type: 'LtiResourceLinkRequest',
      }),
      expect.objectContaining({ placement: 'editor_button', message_type: 'LtiDeepLinkingRequest' }),
      expect.objectContaining({ placement: 'link_selection', message_type: 'LtiDeepLinkingRequest' }),
    ]);
    // Canvas substitutes these at each launch: the person's time zone, and their role names (a role named Coach).
    expect(key.custom_fields).toEqual({
      timezone: '$Person.address.timezone',
      coach: '$Canvas.membership.roles',
    });
    const icon = await fetch(ext.settings.icon_url);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    const jwks = await (await fetch(key.public_jwk_url)).json();
    expect(jwks.keys.length).toBeGreaterThan(0);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });
});
