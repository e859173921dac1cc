import { createHash, randomBytes, randomUUID } from 'node:crypto';
import express from 'express';
import { createRemoteJWKSet, jwtVerify, SignJWT } from 'jose';
import { CLAIM } from '../../../shared/lti';
import { CANVAS_ROLES } from '../../fixtures/canvas-roles';
import { storageConfigOf, storageLaunchFormOf } from './forged-launch';
import { FormBrowser } from './form-browser';
import { type LoopbackPlatform, type NrpsMember, queryOf, startLoopbackPlatform } from './lms-platform';
import type { TestServer } from './test-server';

/**
 * A Canvas-shaped test platform: a loopback server that sends what canvas-lms sends. Its shapes, by source file in
 * instructure/canvas-lms:
 * - openid-configuration: `app/controllers/security_controller.rb#openid_configuration` (endpoints, scopes,
 *   `https://purl.imsglobal.org/spec/lti-platform-configuration` with product_family_code "canvas", version,
 *   messages_supported with placements, variables, `https://canvas.instructure.com/lti/account_name` and
 *   `…/account_lti_guid`); the registration token as a Bearer token on the GET and the POST: `doc/api/registration.md`.
 * - registration: `doc/api/registration.md` (the created registration echoed with `client_id`, no deployment) and
 *   `app/models/lti/ims/registration.rb` (what it validates: application_type "web", grant_types client_credentials +
 *   implicit, response_types id_token, token_endpoint_auth_method private_key_jwt, redirect_uris, scopes among its LTI
 *   scopes, the tool configuration with domain, target_link_uri, messages and claims; placement names, unknown ones
 *   dropped; `https://canvas.instructure.com/lti/visibility`); refusals are 422 with the errors by field.
 * - login initiation: `app/models/lti/lti_advantage_adapter.rb#login_request` (iss, login_hint, client_id,
 *   lti_deployment_id, target_link_uri, lti_message_hint, canvas_environment, canvas_region, and
 *   lti_storage_target=post_message_forwarding, `Lti::PlatformStorage::FORWARDING_TARGET`).
 * - id_token: `lib/lti/messages/jwt_message.rb` and `resource_link_request.rb` / `deep_linking_request.rb` (message
 *   type, version, deployment id `<tool id>:<context lti hash>`, roles from `Lti::SubstitutionsHelper#all_roles`
 *   (tests/fixtures/canvas-roles.ts), context with its type, resource_link, tool_platform, launch_presentation with
 *   document_target iframe, return_url on the school's domain and locale, custom with variables substituted
 *   (`lib/lti/variable_expander.rb`: `$Canvas.membership.roles`, `$Person.address.timezone`; unknown ones sent as
 *   written), lis, the Names and Roles claim (its service pages at most 50 members:
 *   `app/controllers/lti/ims/providers/memberships_provider.rb`, MAX_PAGE_SIZE), `https://www.instructure.com/placement`, lti11_legacy_user_id, lti1p1,
 *   name/given_name/family_name for privacy "name_only", locale, and the empty `errors` Canvas adds to each part).
 * The issuer is this server's own origin, not https://canvas.instructure.com: the tool requires the configuration URL
 * to sit at the issuer's origin, and here one origin plays Canvas's issuer, its sso host and the school's domain.
 */
export interface CanvasPerson {
  /** Canvas's numeric user id, and its LTI id (a UUID, the `sub`). */
  id: string;
  ltiId: string;
  name: string;
  givenName: string;
  familyName: string;
  roles: readonly string[];
  /** `$Canvas.membership.roles`: the course enrollment types and account role names. */
  membershipRoles: string;
  timeZone: string;
  locale: string;
}

const person = (
  id: string,
  name: string,
  roles: readonly string[],
  membershipRoles: string,
  timeZone = 'America/Denver',
  locale = 'en',
): CanvasPerson => {
  const { givenName, familyName } = canvasNameParts(name);
  return {
    id,
    ltiId: randomUUID(),
    name,
    givenName,
    familyName,
    roles,
    membershipRoles,
    timeZone,
    locale,
  };
};

/**
 * `User#first_name` and `#last_name` as Canvas sends them (`given_name`, `family_name`): parts of the sortable name,
 * which Canvas makes from the full name with its last word as the surname (`User.name_parts`) unless an SIS import
 * set it. So "María José Pérez de la Cruz" goes as given "María José Pérez de la", family "Cruz"; `name` is whole.
 */
function canvasNameParts(name: string): { givenName: string; familyName: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { givenName: name.trim(), familyName: '' };
  return { givenName: parts.slice(0, -1).join(' '), familyName: parts.at(-1)! };
}

/** The people of the test school, with the roles Canvas sends for each. */
export const CANVAS_PEOPLE = {
  teacher: person(
    '101',
    'Teresa Alvarez',
    CANVAS_ROLES.teacher,
    'TeacherEnrollment',
    'America/Chicago',
    'es',
  ),
  designer: person('102', 'Dev Patel', CANVAS_ROLES.designer, 'DesignerEnrollment'),
  coachTeacher: person('103', 'Cora Lindqvist', CANVAS_ROLES.teacher, 'TeacherEnrollment,Coach'),
  accountAdmin: person('104', 'Adele Brooks', CANVAS_ROLES.accountAdmin, 'Account Admin'),
  student: person('105', 'Sam Ortiz', CANVAS_ROLES.student, 'StudentEnrollment'),
} as const;

/**
 * Staff on the course roster who have not opened the tool: a compound Spanish name with particles, and names that are
 * everyday words (Will, Rosa, Hope) beside family names that end like one (Almquist, Rogers).
 */
export const CANVAS_STAFF = {
  compound: person('106', 'María José Pérez de la Cruz', CANVAS_ROLES.teacher, 'TeacherEnrollment'),
  will: person('107', 'Will Brandt', CANVAS_ROLES.teacher, 'TeacherEnrollment'),
  rosa: person('108', 'Rosa Almquist', CANVAS_ROLES.ta, 'TaEnrollment'),
  hope: person('109', 'Hope Rogers', CANVAS_ROLES.teacher, 'TeacherEnrollment'),
} as const;

/**
 * The course's enrollments as Names and Roles lists them (context roles only; the account admin has none): the
 * people above, the staff who never launched, and 54 more students, so that Canvas's 50-a-page limit splits the roster.
 */
export const CANVAS_ROSTER: NrpsMember[] = [
  ...[...Object.values(CANVAS_PEOPLE), ...Object.values(CANVAS_STAFF)].map((p) => ({
    ...p,
    roles: p.roles.filter((r) => r.includes('/membership')),
  })),
  ...Array.from({ length: 54 }, (_, i) =>
    person(
      String(200 + i),
      `Student${String(i).padStart(2, '0')} Ortiz`,
      CANVAS_ROLES.student,
      'StudentEnrollment',
    ),
  ).map((p) => ({ ...p, roles: p.roles.filter((r) => r.includes('/membership')) })),
]
  .filter((p) => p.roles.length > 0)
  .map(
    (p): NrpsMember => ({
      status: 'Active',
      user_id: p.ltiId,
      name: p.name,
      given_name: p.givenName,
      family_name: p.familyName,
      roles: p.roles,
    }),
  );

export interface CanvasCourse {
  id: string;
  label: string;
  title: string;
}
export const CANVAS_COURSE: CanvasCourse = { id: '2217', label: 'SCI-7', title: 'Science 7' };

/** Canvas's LTI scopes (`TokenScopes::LTI_SCOPES`), those a registration may ask for. */
const LTI_SCOPES = [
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
  'https://canvas.instructure.com/lti/public_jwk/scope/update',
  'https://canvas.instructure.com/lti/account_lookup/scope/show',
  'https://canvas.instructure.com/lti-ags/progress/scope/show',
];

/** `Lti::ResourcePlacement::PLACEMENTS_BY_MESSAGE_TYPE`, the part a tool like ours meets. */
const PLACEMENTS = {
  LtiResourceLinkRequest: [
    'account_navigation',
    'assignment_menu',
    'course_navigation',
    'global_navigation',
    'link_selection',
    'module_menu',
    'user_navigation',
  ],
  LtiDeepLinkingRequest: [
    'assignment_selection',
    'collaboration',
    'course_assignments_menu',
    'editor_button',
    'homework_submission',
    'link_selection',
    'migration_selection',
    'submission_type_selection',
  ],
} as const;

const VARIABLES = [
  'ResourceLink.id',
  'Context.id',
  'Canvas.course.id',
  'Canvas.user.id',
  'Canvas.membership.roles',
  'Person.address.timezone',
  'Person.name.full',
  'Message.locale',
  'com.instructure.User.allRoles',
];

/** Canvas adds these to each part of its messages. */
const NO_ERRORS = { validation_context: null, errors: { errors: {} } };

type Json = Record<string, unknown>;

export interface CanvasRegistration {
  clientId: string;
  body: Json;
  toolConfiguration: Json;
  /** The placements Canvas made of it (`Lti::IMS::Registration#placements`). */
  placements: Array<{
    placement: string;
    message_type: string;
    target_link_uri: string;
    visibility?: string;
  }>;
}

export interface CanvasPlatform {
  origin: string;
  issuer: string;
  accountName: string;
  /** The address an administrator's "Install via dynamic registration" hands the tool, and its token. */
  configurationUrl: string;
  registrationToken: string;
  /** Requests to the registration endpoints: path, method, Authorization header. */
  seen: Array<{ path: string; method: string; authorization: string | undefined }>;
  registration: CanvasRegistration | undefined;
  /** 422 answers, as Canvas sends them. */
  refusals: Json[];
  /** Scopes this instance accepts (a test narrows it to play a Canvas that refuses the tool). */
  scopes: string[];
  /** What the post_message_forwarding frame keeps (`lti.put_data`), by `${origin} ${key}`. */
  storage: Map<string, string>;
  /** Deep-linking responses Canvas received, verified with the tool's key set. */
  deepLinks: Json[];
  /** An administrator installs the registered key in the account: a deployment `<tool id>:<context hash>`. */
  install(context: string): string;
  /** The login Canvas starts for `who` from a course placement. */
  loginRequest(options: LaunchOptions): Promise<Record<string, string>>;
  platform: LoopbackPlatform;
  close(): Promise<void>;
}

export interface LaunchOptions {
  person: CanvasPerson;
  deploymentId: string;
  course?: CanvasCourse;
  placement?: 'course_navigation' | 'editor_button';
}

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

export async function startCanvasPlatform(
  accountName = 'Springfield Public Schools',
): Promise<CanvasPlatform> {
  const platform = await startLoopbackPlatform(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const { app, origin } = platform;
  const tokenSecret = randomBytes(32);
  const accountGlobalId = '10000000000001';
  const accountLtiGuid = `${randomBytes(20).toString('base64url')}:canvas-lms`;
  const pending = new Map<string, { options: LaunchOptions; loginHint: string }>();
  let installs = 0;

  const registrationToken = await new SignJWT({
    initiated_at: new Date().toISOString(),
    user_id: '1',
    root_account_global_id: accountGlobalId,
    uuid: randomUUID(),
    unified_tool_id: null,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setExpirationTime('1h')
    .sign(tokenSecret);

  const canvas: CanvasPlatform = {
    origin,
    issuer: origin,
    accountName,
    // Canvas puts the token in the configuration URL too (DynamicRegistrationController#oidc_configuration_url).
    configurationUrl: `${origin}/api/lti/security/openid-configuration?${new URLSearchParams({ registration_token: registrationToken })}`,
    registrationToken,
    seen: [],
    registration: undefined,
    refusals: [],
    scopes: [...LTI_SCOPES],
    storage: new Map(),
    deepLinks: [],
    platform,
    install(context) {
      installs++;
      return `${installs + 26}:${sha1(`${accountGlobalId}/${context}`)}`;
    },
    async loginRequest(options) {
      const reg = canvas.registration;
      if (!reg) throw new Error('Nothing is registered with this Canvas.');
      const placement = reg.placements.find(
        (p) => p.placement === (options.placement ?? 'course_navigation'),
      );
      if (!placement) throw new Error(`The tool has no ${options.placement} placement.`);
      const verifier = randomBytes(16).toString('hex');
      const loginHint = options.person.ltiId;
      pending.set(verifier, { options, loginHint });
      return {
        iss: canvas.issuer,
        login_hint: loginHint,
        client_id: reg.clientId,
        lti_deployment_id: options.deploymentId,
        target_link_uri: placement.target_link_uri,
        // A short-lived JWT only Canvas can read back: which cached launch this login is for.
        lti_message_hint: await new SignJWT({
          verifier,
          canvas_domain: new URL(origin).host,
          context_type: 'Course',
          canvas_locale: options.person.locale,
        })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setExpirationTime('5m')
          .sign(tokenSecret),
        canvas_environment: 'prod',
        canvas_region: 'us-east-1',
        lti_storage_target: 'post_message_forwarding',
      };
    },
    close: () => platform.close(),
  };

  // The registration token, as Canvas checks it: its own JWT, with exactly the keys it put in.
  const bearerOk = async (authorization: string | undefined) => {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token) return false;
    try {
      const { payload } = await jwtVerify(token, tokenSecret, { algorithms: ['HS256'] });
      return (
        Object.keys(payload).sort().join() ===
        'exp,initiated_at,root_account_global_id,unified_tool_id,user_id,uuid'
      );
    } catch {
      return false;
    }
  };

  app.use('/api/lti', (req, _res, next) => {
    if (req.path.startsWith('/security/openid') || req.path.startsWith('/registrations')) {
      canvas.seen.push({
        path: req.baseUrl + req.path,
        method: req.method,
        authorization: req.get('authorization'),
      });
    }
    next();
  });

  app.get('/api/lti/security/openid-configuration', async (req, res) => {
    if (!(await bearerOk(req.get('authorization')))) {
      return res.status(401).json({ error: 'Access token missing or invalid.' });
    }
    res.json({
      issuer: canvas.issuer,
      authorization_endpoint: `${origin}/api/lti/authorize_redirect`,
      registration_endpoint: `${origin}/api/lti/registrations`,
      jwks_uri: `${origin}/api/lti/security/jwks`,
      token_endpoint: `${origin}/login/oauth2/token`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
      scopes_supported: canvas.scopes,
      response_types_supported: ['id_token'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: ['sub', 'picture', 'email', 'name', 'given_name', 'family_name', 'locale'],
      subject_types_supported: ['public'],
      authorization_server: new URL(origin).host,
      'https://purl.imsglobal.org/spec/lti-platform-configuration': {
        product_family_code: 'canvas',
        version: 'vCloud',
        messages_supported: Object.entries(PLACEMENTS).map(([type, placements]) => ({ type, placements })),
        notice_types_supported: ['LtiHelloWorldNotice'],
        variables: VARIABLES,
        'https://canvas.instructure.com/lti/account_name': accountName,
        'https://canvas.instructure.com/lti/account_lti_guid': accountLtiGuid,
      },
    });
  });

  app.post('/api/lti/registrations', express.json(), async (req, res) => {
    if (!(await bearerOk(req.get('authorization')))) {
      return res.status(401).json({ errors: [{ message: 'Invalid access token' }] });
    }
    const body = permitted(req.body as Json);
    const errors = registrationErrors(body, canvas.scopes);
    if (errors.length > 0) {
      canvas.refusals.push({ errors });
      return res.status(422).json({ errors });
    }
    const toolConfiguration = body['https://purl.imsglobal.org/spec/lti-tool-configuration'] as Json;
    const clientId = `1000000000${String(Math.floor(Math.random() * 9000) + 1000)}`;
    canvas.registration = { clientId, body, toolConfiguration, placements: placementsOf(toolConfiguration) };
    // `render_registration`: the registration as kept, with its client id (a string); no deployment until an
    // administrator installs the key.
    res.json({
      client_id: clientId,
      application_type: 'web',
      grant_types: ['client_credentials', 'implicit'],
      initiate_login_uri: body.initiate_login_uri,
      redirect_uris: body.redirect_uris,
      response_types: ['id_token'],
      client_name: body.client_name,
      jwks_uri: body.jwks_uri,
      logo_uri: body.logo_uri,
      token_endpoint_auth_method: 'private_key_jwt',
      scope: body.scope,
      'https://purl.imsglobal.org/spec/lti-tool-configuration': {
        ...toolConfiguration,
        'https://canvas.instructure.com/lti/registration_config_url': `${origin}/api/lti/registrations/${clientId}/view`,
      },
    });
  });

  app.get('/api/lti/security/jwks', (_req, res) => res.json(platform.jwks));

  app.get('/api/lti/authorize_redirect', async (req, res) => {
    const q = queryOf(req.query);
    const reg = canvas.registration;
    const redirectUri = q?.redirect_uri ?? '';
    // Canvas refuses a redirect_uri the developer key does not list, before anything is posted anywhere.
    if (!q || !reg || !(reg.body.redirect_uris as string[]).includes(redirectUri)) {
      return res.status(400).json({ error: 'invalid_redirect_uri' });
    }
    const fail = (error: string, description: string) =>
      res
        .type('html')
        .send(
          platform.autoPost(redirectUri, { error, error_description: description, state: q.state ?? '' }),
        );
    if (
      q.scope !== 'openid' ||
      q.response_type !== 'id_token' ||
      q.response_mode !== 'form_post' ||
      q.prompt !== 'none'
    )
      return fail('invalid_request_object', 'The request is not a valid OIDC authentication request');
    if (q.client_id !== reg.clientId) return fail('unauthorized_client', 'Client not authorized');
    if (!q.nonce || !q.state) return fail('invalid_request_object', 'nonce and state are required');
    const verifier = await jwtVerify(q.lti_message_hint ?? '', tokenSecret, { algorithms: ['HS256'] }).then(
      ({ payload }) => String(payload.verifier),
      () => '',
    );
    const launch = pending.get(verifier);
    if (!launch || launch.loginHint !== q.login_hint)
      return fail('login_required', 'Must have an active user session');
    pending.delete(verifier);
    const claims = idTokenClaims(canvas, launch.options, q.nonce, reg);
    res
      .type('html')
      .send(platform.autoPost(redirectUri, { id_token: await platform.sign(claims), state: q.state }));
  });

  platform.serveTokenEndpoint('/login/oauth2/token', () =>
    canvas.registration
      ? { clientId: canvas.registration.clientId, toolJwksUrl: String(canvas.registration.body.jwks_uri) }
      : undefined,
  );
  platform.serveMemberships('/api/lti/courses/:context/names_and_roles', 50, (context) =>
    context === CANVAS_COURSE.id
      ? {
          context: { id: sha1(context), label: CANVAS_COURSE.label, title: CANVAS_COURSE.title },
          members: CANVAS_ROSTER,
        }
      : undefined,
  );

  app.post(
    '/courses/:course/deep_linking_response',
    express.urlencoded({ extended: false }),
    async (req, res) => {
      const reg = canvas.registration;
      try {
        const { payload } = await jwtVerify(
          String((req.body as Json).JWT ?? ''),
          createRemoteJWKSet(new URL(String(reg?.body.jwks_uri))),
          { issuer: reg?.clientId, audience: canvas.issuer, algorithms: ['RS256'] },
        );
        canvas.deepLinks.push(payload as Json);
        res.type('html').send('<p>Content added.</p>');
      } catch (error) {
        res.status(400).json({ errors: [{ message: (error as Error).message }] });
      }
    },
  );

  return canvas;
}

/**
 * What Canvas keeps of a registration request (`expected_registration_params`): anything else, such as the tool
 * configuration's `description`, is dropped.
 */
function permitted(body: Json): Json {
  const pick = (o: unknown, keys: string[]) =>
    Object.fromEntries(Object.entries((o ?? {}) as Json).filter(([k]) => keys.includes(k)));
  const config = body['https://purl.imsglobal.org/spec/lti-tool-configuration'];
  const kept = pick(body, [
    'application_type',
    'grant_types',
    'response_types',
    'redirect_uris',
    'initiate_login_uri',
    'client_name',
    'jwks_uri',
    'scope',
    'token_endpoint_auth_method',
    'client_uri',
    'logo_uri',
    'tos_uri',
    'policy_uri',
  ]);
  if (!config || typeof config !== 'object') return kept;
  const c = pick(config, [
    'domain',
    'messages',
    'claims',
    'target_link_uri',
    'custom_parameters',
    'https://canvas.instructure.com/lti/privacy_level',
    'https://canvas.instructure.com/lti/tool_id',
  ]);
  if (Array.isArray(c.messages)) {
    c.messages = c.messages.map((m) =>
      pick(m, [
        'type',
        'target_link_uri',
        'label',
        'icon_uri',
        'custom_parameters',
        'roles',
        'placements',
        'https://canvas.instructure.com/lti/course_navigation/default_enabled',
        'https://canvas.instructure.com/lti/visibility',
      ]),
    );
  }
  return { ...kept, 'https://purl.imsglobal.org/spec/lti-tool-configuration': c };
}

/**
 * What Canvas refuses with 422 `{ errors: [{ field, message }] }`: the controller's own checks
 * (`validate_registration_params`) and the model's (`Lti::IMS::Registration` validations).
 */
function registrationErrors(
  body: Json,
  scopes: readonly string[],
): Array<{ field: string; message: string }> {
  const errors: Array<{ field: string; message: string }> = [];
  const add = (field: string, message: string) => {
    errors.push({ field, message });
  };
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const isUri = (v: unknown) => typeof v === 'string' && /^https?:\/\/[^\s]+$/.test(v);
  for (const field of [
    'application_type',
    'grant_types',
    'response_types',
    'redirect_uris',
    'initiate_login_uri',
    'client_name',
    'jwks_uri',
    'token_endpoint_auth_method',
  ]) {
    if (
      body[field] === undefined ||
      body[field] === '' ||
      (Array.isArray(body[field]) && !list(body[field]).length)
    )
      add(field, "can't be blank");
  }
  if (!['client_credentials', 'implicit'].every((g) => list(body.grant_types).includes(g)))
    add('grant_types', 'Must include client_credentials, implicit');
  if (!list(body.response_types).includes('id_token')) add('response_types', 'Must include id_token');
  if (body.token_endpoint_auth_method !== 'private_key_jwt')
    add('token_endpoint_auth_method', "Must be 'private_key_jwt'");
  if (body.application_type !== 'web') add('application_type', "Must be 'web'");
  if (!list(body.redirect_uris).every(isUri)) add('redirect_uris', 'Must only contain valid URIs');
  for (const field of ['initiate_login_uri', 'jwks_uri', 'logo_uri']) {
    if (body[field] !== undefined && !isUri(body[field])) add(field, 'is invalid');
  }
  const invalid = String(body.scope ?? '')
    .split(' ')
    .filter((s) => s && !scopes.includes(s));
  if (invalid.length) add('scopes', `Invalid scopes: ${invalid.join(', ')}`);
  const config = body['https://purl.imsglobal.org/spec/lti-tool-configuration'];
  if (!config || typeof config !== 'object') {
    add('lti_tool_configuration', "can't be blank");
    return errors;
  }
  const c = config as Json;
  for (const field of ['domain', 'target_link_uri', 'messages', 'claims']) {
    if (c[field] === undefined)
      add('lti_tool_configuration', `The property '#/' did not contain a required property of '${field}'`);
  }
  if (c.messages !== undefined && !Array.isArray(c.messages))
    add('lti_tool_configuration', "'#/messages' must be an array");
  for (const m of Array.isArray(c.messages) ? (c.messages as Json[]) : []) {
    if (!['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'].includes(String(m.type)))
      add('lti_tool_configuration', `'#/messages' has an unknown type ${String(m.type)}`);
    if (m.placements !== undefined && !Array.isArray(m.placements))
      add('lti_tool_configuration', "'#/messages/placements' must be an array");
  }
  return errors;
}

/** `Lti::IMS::Registration#placements`: Canvas placement names, unsupported ones dropped, first message wins. */
function placementsOf(config: Json): CanvasRegistration['placements'] {
  const out: CanvasRegistration['placements'] = [];
  for (const m of config.messages as Json[]) {
    const type = String(m.type) as keyof typeof PLACEMENTS;
    for (const raw of (m.placements as string[] | undefined) ?? ['link_selection']) {
      const name =
        raw === 'ContentArea'
          ? 'link_selection'
          : raw === 'RichTextEditor'
            ? 'editor_button'
            : raw.replace('https://canvas.instructure.com/lti/', '');
      if (!(PLACEMENTS[type] as readonly string[]).includes(name) || out.some((p) => p.placement === name))
        continue;
      const visibility = m['https://canvas.instructure.com/lti/visibility'];
      out.push({
        placement: name,
        message_type: type,
        target_link_uri: String(m.target_link_uri ?? config.target_link_uri),
        ...(typeof visibility === 'string' && ['admins', 'members', 'public'].includes(visibility)
          ? { visibility }
          : {}),
      });
    }
  }
  return out;
}

/** `Lti::IMS::Registration#privacy_level`: set explicitly, or inferred from the claims the tool asked for. */
function privacyLevel(config: Json): string {
  const set = config['https://canvas.instructure.com/lti/privacy_level'];
  if (typeof set === 'string') return set;
  const claims = Array.isArray(config.claims) ? config.claims.map(String) : [];
  const name = ['name', 'given_name', 'family_name', 'https://purl.imsglobal.org/spec/lti/claim/lis'].some(
    (c) => claims.includes(c),
  );
  const email = claims.includes('email');
  if (claims.includes('picture') || (name && email)) return 'public';
  return name ? 'name_only' : email ? 'email_only' : 'anonymous';
}

/** `Lti::VariableExpander` for the variables this platform knows; any other `$Variable` is sent as written. */
function expand(
  custom: Record<string, string>,
  who: CanvasPerson,
  course: CanvasCourse,
): Record<string, string> {
  const known: Record<string, string> = {
    '$Canvas.membership.roles': who.membershipRoles,
    '$Person.address.timezone': who.timeZone,
    '$Canvas.user.id': who.id,
    '$Canvas.course.id': course.id,
    '$Person.name.full': who.name,
    '$Message.locale': who.locale,
  };
  return Object.fromEntries(Object.entries(custom).map(([k, v]) => [k, known[v] ?? v]));
}

function idTokenClaims(
  canvas: CanvasPlatform,
  o: LaunchOptions,
  nonce: string,
  reg: CanvasRegistration,
): Json {
  const course = o.course ?? CANVAS_COURSE;
  const placement = reg.placements.find((p) => p.placement === (o.placement ?? 'course_navigation'))!;
  const message = (reg.toolConfiguration.messages as Json[]).find((m) => m.type === placement.message_type);
  const custom = expand(
    {
      ...((reg.toolConfiguration.custom_parameters as Record<string, string> | undefined) ?? {}),
      ...((message?.custom_parameters as Record<string, string> | undefined) ?? {}),
    },
    o.person,
    course,
  );
  const now = Math.floor(Date.now() / 1000);
  const contextId = sha1(`course/${course.id}`);
  const school = canvas.origin;
  const common: Json = {
    iss: canvas.issuer,
    aud: reg.clientId,
    azp: reg.clientId,
    iat: now,
    exp: now + 3600,
    nonce,
    sub: o.person.ltiId,
    [CLAIM.messageType]: placement.message_type,
    [CLAIM.version]: '1.3.0',
    [CLAIM.deploymentId]: o.deploymentId,
    [CLAIM.targetLinkUri]: placement.target_link_uri,
    [CLAIM.roles]: [...o.person.roles],
    [CLAIM.context]: {
      id: contextId,
      label: course.label,
      title: course.title,
      type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'],
      ...NO_ERRORS,
    },
    [CLAIM.toolPlatform]: {
      guid: `${randomBytes(20).toString('base64url')}:canvas-lms`,
      name: canvas.accountName,
      version: 'cloud',
      product_family_code: 'canvas',
      ...NO_ERRORS,
    },
    [CLAIM.launchPresentation]: {
      document_target: 'iframe',
      return_url: `${school}/courses/${course.id}/external_content/success/external_tool_redirect`,
      locale: o.person.locale,
      height: 400,
      width: 800,
      ...NO_ERRORS,
    },
    locale: o.person.locale,
    [CLAIM.custom]: custom,
    'https://purl.imsglobal.org/spec/lti/claim/lis': {
      person_sourcedid: null,
      course_offering_sourcedid: `SIS-${course.label}`,
      ...NO_ERRORS,
    },
    [CLAIM.namesRoleService]: {
      context_memberships_url: `${school}/api/lti/courses/${course.id}/names_and_roles`,
      service_versions: ['2.0'],
      ...NO_ERRORS,
    },
    'https://purl.imsglobal.org/spec/lti/claim/lti11_legacy_user_id': sha1(`user/${o.person.id}`),
    'https://purl.imsglobal.org/spec/lti/claim/lti1p1': {
      user_id: sha1(`user/${o.person.id}`),
      ...NO_ERRORS,
    },
    'https://www.instructure.com/placement': placement.placement,
    errors: { errors: {} },
    // Names only when the privacy level the tool's claims asked for allows them.
    ...(privacyLevel(reg.toolConfiguration) === 'anonymous'
      ? {}
      : { name: o.person.name, given_name: o.person.givenName, family_name: o.person.familyName }),
  };
  if (placement.message_type === 'LtiDeepLinkingRequest') {
    return {
      ...common,
      [CLAIM.deepLinkingSettings]: {
        deep_link_return_url: `${school}/courses/${course.id}/deep_linking_response?modal=true`,
        accept_types: ['link', 'file', 'html', 'ltiResourceLink', 'image'],
        accept_presentation_document_targets: ['embed', 'iframe', 'window'],
        accept_media_types: 'image/*,text/html,application/vnd.ims.lti.v1.ltilink,*/*',
        auto_create: false,
        accept_multiple: true,
        ...NO_ERRORS,
      },
    };
  }
  return {
    ...common,
    [CLAIM.resourceLink]: {
      id: sha1(`course_navigation/${course.id}`),
      description: null,
      title: course.title,
      ...NO_ERRORS,
    },
  };
}

/**
 * A launch from Canvas, driven as a browser does it: Canvas posts the login to the tool; the tool's answer (its page
 * that keeps a secret in Canvas's post_message_forwarding frame, then goes on) leads to Canvas's authorization
 * endpoint, whose form posts the id_token to the tool. `cookies: false` plays a browser that blocks the tool's cookies
 * in Canvas's iframe: the launch then needs what the frame kept.
 */
export async function launchFromCanvas(
  server: TestServer,
  canvas: CanvasPlatform,
  options: LaunchOptions & { cookies?: boolean; login?: string },
) {
  const browser = new FormBrowser();
  const stopAt = (u: string) => new URL(u).pathname.startsWith('/app/');
  const login = await browser.request(options.login ?? `${server.url}/lti/login`, {
    form: await canvas.loginRequest(options),
  });
  let next: string;
  let storage: Record<string, string> | undefined;
  if (login.status === 302) {
    next = login.headers.get('location') ?? '';
  } else {
    const html = await login.text();
    storage = storageConfigOf(html);
    if (login.status !== 200 || storage?.mode !== 'save') {
      return { ...outcome(login.status, html, undefined), storage, usedStorage: false, browser };
    }
    // What the page's script does: lti.put_data to the named frame, which only answers its own origin.
    if (
      storage.target === 'post_message_forwarding' &&
      storage.origin === new URL(`${canvas.origin}/`).origin
    ) {
      canvas.storage.set(`${storage.origin} ${storage.key}`, storage.value ?? '');
    }
    next = storage.next ?? '';
  }
  if (options.cookies === false) browser.cookies.clear();
  let result = await browser.follow(next, {}, { stopAt });
  const load = storageLaunchFormOf(result.html);
  const loadConfig = storageConfigOf(result.html);
  if (load && loadConfig?.mode === 'load') {
    const kept = canvas.storage.get(`${loadConfig.origin} ${loadConfig.key}`) ?? '';
    result = await browser.follow(
      new URL(load.action, server.url).toString(),
      { method: 'POST', form: { ...load.fields, lti_storage_value: kept } },
      { stopAt },
    );
  }
  return {
    ...outcome(result.status, result.html, result.location),
    storage,
    usedStorage: Boolean(load),
    browser,
  };
}

/** Where a launch ended: the app's address carries the session (and a deep-linking request's pick), or a page why not. */
function outcome(status: number, html: string, location: string | undefined) {
  const hash = new URLSearchParams(location ? new URL(location).hash.slice(1) : '');
  return {
    status,
    html,
    location,
    token: hash.get('session') ?? undefined,
    pick: hash.get('pick') ?? undefined,
    reason: /<code data-reason>([A-Z_]+)<\/code>/.exec(html)?.[1],
  };
}
