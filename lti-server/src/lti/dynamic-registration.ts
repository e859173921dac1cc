import { z } from 'zod';
import { AppError, PlatformAnswerError } from '../../../shared/errors';
import { type DynamicPlatformRegistration, httpsUrl } from '../../../shared/platform';
import { CANVAS_CUSTOM_FIELDS } from './canvas-config';

/**
 * LTI Dynamic Registration (IMS, as Canvas and others implement it): the platform opens
 * `/lti/register?openid_configuration=…&registration_token=…`; we read its configuration, register ourselves at its
 * registration endpoint, and keep the platform with the client id it gives us. Canvas answers with no deployment id:
 * the deployment exists only once an administrator installs the key, so its deployments are learned at first launch.
 */
const url = httpsUrl();

export const PlatformConfigurationSchema = z.object({
  issuer: url,
  authorization_endpoint: url,
  token_endpoint: url,
  jwks_uri: url,
  registration_endpoint: url,
  claims_supported: z.array(z.string()).optional(),
  'https://purl.imsglobal.org/spec/lti-platform-configuration': z
    .object({ product_family_code: z.string().optional() })
    .passthrough()
    .optional(),
});

const RegistrationResponseSchema = z.object({
  client_id: z.string().min(1),
  'https://purl.imsglobal.org/spec/lti-tool-configuration': z
    .object({ deployment_id: z.string().min(1).optional() })
    .passthrough()
    .optional(),
});

export interface DynamicRegistrationResult {
  registration: DynamicPlatformRegistration;
  productFamily: string;
}

async function fetchJson(fetchImpl: typeof fetch, input: string, init?: RequestInit): Promise<unknown> {
  const res = await fetchImpl(input, { ...init, signal: AbortSignal.timeout(10_000) });
  if (!res.ok)
    throw new PlatformAnswerError({
      key: 'errors.registration.lms-status',
      params: { status: res.status, path: new URL(input).pathname },
    });
  return res.json();
}

export function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}

export async function registerDynamically(
  publicUrl: string,
  openidConfiguration: string,
  registrationToken: string | undefined,
  fetchImpl: typeof fetch = fetch,
): Promise<DynamicRegistrationResult> {
  if (!url.safeParse(openidConfiguration).success) {
    throw new AppError('PLATFORM_INVALID', 'errors.registration.https');
  }
  // The registration token is the LMS's credential for this registration: Canvas expects it on both requests.
  const authorization: Record<string, string> = registrationToken
    ? { authorization: `Bearer ${registrationToken}` }
    : {};
  const parsed = PlatformConfigurationSchema.safeParse(
    await fetchJson(fetchImpl, openidConfiguration, { headers: authorization }),
  );
  if (!parsed.success) {
    throw new PlatformAnswerError('errors.registration.fields-missing');
  }
  const config = parsed.data;
  // The spec: the configuration must come from the issuer's own address. Compared as parsed origins (scheme, host,
  // port), never as text: `https://canvas.instructure.com.attacker.example/…` starts with the string
  // `https://canvas.instructure.com`, and so does `http://127.0.0.1:12345/…` with `http://127.0.0.1:1234`.
  if (!sameOrigin(openidConfiguration, config.issuer)) {
    throw new AppError('PLATFORM_INVALID', {
      key: 'errors.registration.issuer-foreign',
      params: { origin: new URL(openidConfiguration).origin, issuer: config.issuer },
    });
  }
  const host = new URL(publicUrl).host;
  const launch = `${publicUrl}/lti/launch`;
  const response = RegistrationResponseSchema.safeParse(
    await fetchJson(fetchImpl, config.registration_endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...authorization,
      },
      body: JSON.stringify({
        application_type: 'web',
        response_types: ['id_token'],
        grant_types: ['implicit', 'client_credentials'],
        initiate_login_uri: `${publicUrl}/lti/login`,
        redirect_uris: [launch],
        client_name: 'Tasting Menu',
        jwks_uri: `${publicUrl}/lti/keys`,
        logo_uri: `${publicUrl}/icon.svg`,
        token_endpoint_auth_method: 'private_key_jwt',
        scope: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
        'https://purl.imsglobal.org/spec/lti-tool-configuration': {
          domain: host,
          description: "A school's shared tasting menu of ten-minute teaching strategies.",
          target_link_uri: launch,
          claims: ['iss', 'sub', 'name', 'given_name', 'family_name'],
          custom_parameters: CANVAS_CUSTOM_FIELDS,
          messages: [
            {
              type: 'LtiResourceLinkRequest',
              target_link_uri: launch,
              label: 'Tasting Menu',
              placements: ['course_navigation'],
              // Canvas: the course menu link is for staff only (students have nothing to do in the tool).
              'https://canvas.instructure.com/lti/visibility': 'admins',
            },
            {
              type: 'LtiDeepLinkingRequest',
              target_link_uri: launch,
              label: 'Tasting Menu strategy',
              placements: ['editor_button', 'link_selection'],
            },
          ],
        },
      }),
    }),
  );
  if (!response.success) throw new PlatformAnswerError('errors.registration.no-client-id');
  const deploymentId = response.data['https://purl.imsglobal.org/spec/lti-tool-configuration']?.deployment_id;
  const productFamily =
    config['https://purl.imsglobal.org/spec/lti-platform-configuration']?.product_family_code ?? 'LMS';
  return {
    productFamily,
    registration: {
      issuer: config.issuer,
      clientId: response.data.client_id,
      name: `${productFamily} (${new URL(config.issuer).host})`,
      authUrl: config.authorization_endpoint,
      tokenUrl: config.token_endpoint,
      jwksUrl: config.jwks_uri,
      deploymentIds: deploymentId ? [deploymentId] : [],
    },
  };
}
