import { createHash, randomBytes } from 'node:crypto';
import { CLAIM } from '../../../shared/lti';
import { FormBrowser } from './form-browser';
import { type LoopbackPlatform, type NrpsMember, queryOf, startLoopbackPlatform } from './lms-platform';

/**
 * A Schoology-shaped test platform: a loopback server that sends what Schoology sends. Its shapes, by source:
 * - endpoints under `/lti-service/` (authorize-redirect, access-token, .well-known/jwks) and the manual set-up (no
 *   dynamic registration; the admin types Domain/URL, OIDC Login Init URL, Redirect URLs and the Keyset URL; a JWT
 *   client assertion, no client secret): Schoology's LTI 1.3 developer page as PITFALLS.md and docs/lms/schoology.md
 *   summarise it, and the endpoints other tools register for `https://schoology.schoology.com`.
 * - the id_token: a real Schoology launch decoded in a public test of Atomic Jolt's Rust LTI crates (`jwks.rs`,
 *   `test_schoology`): `aud` as an array holding the client id, `sub` as `<user id>::<hash>`, deployment id
 *   `<client id>-<number>`, LIS membership roles (an administrator who teaches sends `membership#Administrator` and
 *   `membership#Instructor`). Its other claims are the LTI 1.3 core claims Schoology fills from the section.
 * - login initiation: iss, login_hint, target_link_uri (the app's Domain/URL), lti_message_hint, client_id,
 *   lti_deployment_id; no `lti_storage_target` (Schoology offers no platform storage).
 * - Names and Roles: at most 100 members a page, further pages by `Link: <…>; rel="next"` (PITFALLS.md).
 * The issuer is this server's own origin, standing in for https://schoology.schoology.com.
 */
export interface SchoologyPerson {
  uid: string;
  name: string;
  roles: string[];
}

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2';
export const SCHOOLOGY_ROLES = {
  instructor: `${LIS}/membership#Instructor`,
  learner: `${LIS}/membership#Learner`,
  courseAdmin: `${LIS}/membership#Administrator`,
  institutionAdmin: `${LIS}/institution/person#Administrator`,
} as const;

export const SCHOOLOGY_PEOPLE = {
  teacher: { uid: '63778725', name: 'Tomas Reyes', roles: [SCHOOLOGY_ROLES.instructor] },
  /** A school administrator who also teaches the section. */
  adminTeacher: {
    uid: '63778726',
    name: 'Alma Whitfield',
    roles: [SCHOOLOGY_ROLES.courseAdmin, SCHOOLOGY_ROLES.instructor, SCHOOLOGY_ROLES.institutionAdmin],
  },
  /** A school administrator with no role in the section. */
  admin: { uid: '63778727', name: 'Noor Haddad', roles: [SCHOOLOGY_ROLES.institutionAdmin] },
  learner: { uid: '63778728', name: 'Lee Park', roles: [SCHOOLOGY_ROLES.learner] },
} satisfies Record<string, SchoologyPerson>;

/**
 * Instructors of the section who have not opened the app. A Schoology name is built from the user's first, middle and
 * last names, and the title when the user shows it ("Mrs."); that Names and Roles sends it so is assumed, not checked
 * against Schoology (its NRPS responses are not public).
 */
export const SCHOOLOGY_STAFF: NrpsMember[] = [
  {
    status: 'Active',
    user_id: `63778790::${hash('staff/ahlquist').slice(0, 32)}`,
    name: 'Rosa Elena Ahlquist',
    given_name: 'Rosa Elena',
    family_name: 'Ahlquist',
    roles: [SCHOOLOGY_ROLES.instructor],
  },
  {
    status: 'Active',
    user_id: `63778791::${hash('staff/jennings').slice(0, 32)}`,
    name: 'Mrs. Hope Jennings',
    given_name: 'Hope',
    family_name: 'Jennings',
    roles: [SCHOOLOGY_ROLES.instructor],
  },
];

/** The section, and its roster: the staff above and 230 more members, every tenth an instructor, the rest learners. */
export const SCHOOLOGY_SECTION = { id: '7108233475', label: 'ENG 9-2', title: 'English 9: Section 2' };
export const SCHOOLOGY_ROSTER: NrpsMember[] = [
  ...SCHOOLOGY_STAFF,
  ...Array.from({ length: 230 }, (_, i): NrpsMember => {
    const staff = i % 10 === 0;
    const given = staff ? `Staff${String(i).padStart(3, '0')}` : `Pupil${String(i).padStart(3, '0')}`;
    return {
      status: 'Active',
      user_id: `${80000000 + i}::${hash(`member/${i}`).slice(0, 32)}`,
      name: `${given} Member`,
      given_name: given,
      family_name: 'Member',
      roles: [staff ? SCHOOLOGY_ROLES.instructor : SCHOOLOGY_ROLES.learner],
    };
  }),
];

/** What the school's administrator typed into the app's form (step 1 of docs/lms/schoology.md). */
export interface SchoologyApp {
  domainUrl: string;
  loginUrl: string;
  redirectUrls: string[];
  jwksUrl: string;
}

export interface SchoologyPlatform {
  origin: string;
  issuer: string;
  clientId: string;
  deploymentId: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  app: SchoologyApp;
  /** Logins Schoology started, as it posted them. */
  logins: Array<Record<string, string>>;
  platform: LoopbackPlatform;
  /** The section's link to the app in a browser, as `who` (a key of SCHOOLOGY_PEOPLE). */
  sectionLink(who: keyof typeof SCHOOLOGY_PEOPLE): string;
  subjectOf(person: SchoologyPerson): string;
  loginRequest(person: SchoologyPerson): Record<string, string>;
  close(): Promise<void>;
}

function hash(s: string) {
  return createHash('md5').update(s).digest('hex');
}

export async function startSchoologyPlatform(app: SchoologyApp): Promise<SchoologyPlatform> {
  const platform = await startLoopbackPlatform(randomBytes(8).toString('hex'));
  const { origin } = platform;
  const clientId = '7485393815';
  const pending = new Map<string, SchoologyPerson>();
  const schoology: SchoologyPlatform = {
    origin,
    issuer: origin,
    clientId,
    deploymentId: `${clientId}-1380426679`,
    authUrl: `${origin}/lti-service/authorize-redirect`,
    tokenUrl: `${origin}/lti-service/access-token`,
    jwksUrl: `${origin}/lti-service/.well-known/jwks`,
    app,
    logins: [],
    platform,
    sectionLink: (who) => `${origin}/section/${SCHOOLOGY_SECTION.id}/materials/tasting-menu?user=${who}`,
    subjectOf: (p) => `${p.uid}::${hash(`${clientId}/${p.uid}`)}`,
    loginRequest(person) {
      const hint = randomBytes(12).toString('hex');
      pending.set(hint, person);
      const form = {
        iss: schoology.issuer,
        login_hint: person.uid,
        target_link_uri: schoology.app.domainUrl,
        lti_message_hint: hint,
        client_id: clientId,
        lti_deployment_id: schoology.deploymentId,
      };
      schoology.logins.push(form);
      return form;
    },
    close: () => platform.close(),
  };

  platform.app.get('/lti-service/.well-known/jwks', (_req, res) => res.json(platform.jwks));
  // A section's link to the app, for a real browser: the page posts the login to the tool, as Schoology's does.
  platform.app.get('/section/:section/materials/tasting-menu', (req, res) => {
    const who = SCHOOLOGY_PEOPLE[String(req.query.user) as keyof typeof SCHOOLOGY_PEOPLE];
    if (!who || req.params.section !== SCHOOLOGY_SECTION.id) return res.status(404).send('Not found');
    res.type('html').send(platform.autoPost(schoology.app.loginUrl, schoology.loginRequest(who)));
  });
  platform.app.get('/lti-service/authorize-redirect', async (req, res) => {
    const q = queryOf(req.query);
    const redirectUri = q?.redirect_uri ?? '';
    if (!q || !schoology.app.redirectUrls.includes(redirectUri)) {
      return res
        .status(400)
        .json({ error: 'invalid_request', error_description: 'redirect_uri is not registered' });
    }
    const person = pending.get(q.lti_message_hint ?? '');
    if (
      q.client_id !== clientId ||
      q.response_type !== 'id_token' ||
      q.scope !== 'openid' ||
      !q.nonce ||
      !person ||
      person.uid !== q.login_hint
    ) {
      return res.status(400).json({ error: 'invalid_request' });
    }
    pending.delete(q.lti_message_hint ?? '');
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: schoology.issuer,
      aud: [clientId],
      sub: schoology.subjectOf(person),
      exp: now + 600,
      iat: now,
      nonce: q.nonce,
      [CLAIM.messageType]: 'LtiResourceLinkRequest',
      [CLAIM.version]: '1.3.0',
      [CLAIM.deploymentId]: schoology.deploymentId,
      [CLAIM.targetLinkUri]: schoology.app.domainUrl,
      [CLAIM.roles]: person.roles,
      [CLAIM.context]: {
        id: SCHOOLOGY_SECTION.id,
        label: SCHOOLOGY_SECTION.label,
        title: SCHOOLOGY_SECTION.title,
        type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseSection'],
      },
      [CLAIM.resourceLink]: {
        id: `${SCHOOLOGY_SECTION.id}-${hash(app.domainUrl).slice(0, 10)}`,
        title: 'Tasting Menu',
      },
      [CLAIM.toolPlatform]: {
        guid: hash(origin),
        name: 'Springfield School District',
        product_family_code: 'schoology',
        version: '1.0',
      },
      [CLAIM.launchPresentation]: { document_target: 'iframe' },
      [CLAIM.namesRoleService]: {
        context_memberships_url: `${origin}/lti-service/tool/${clientId}/services/names-roles/v2p0/membership/${SCHOOLOGY_SECTION.id}`,
        service_versions: ['2.0'],
      },
      name: person.name,
      given_name: person.name.split(' ')[0],
      family_name: person.name.split(' ').slice(1).join(' '),
    };
    res
      .type('html')
      .send(platform.autoPost(redirectUri, { id_token: await platform.sign(claims), state: q.state ?? '' }));
  });
  platform.serveTokenEndpoint('/lti-service/access-token', () => ({
    clientId,
    toolJwksUrl: schoology.app.jwksUrl,
  }));
  platform.serveMemberships(
    `/lti-service/tool/${clientId}/services/names-roles/v2p0/membership/:context`,
    100,
    (context) =>
      context === SCHOOLOGY_SECTION.id
        ? {
            context: {
              id: SCHOOLOGY_SECTION.id,
              label: SCHOOLOGY_SECTION.label,
              title: SCHOOLOGY_SECTION.title,
            },
            members: SCHOOLOGY_ROSTER,
          }
        : undefined,
  );
  return schoology;
}

/** A launch from a Schoology section, driven as the browser does it: login, authorization, the posted id_token. */
export async function launchFromSchoology(schoology: SchoologyPlatform, person: SchoologyPerson) {
  const browser = new FormBrowser();
  const result = await browser.follow(
    schoology.app.loginUrl,
    { method: 'POST', form: schoology.loginRequest(person) },
    { stopAt: (u) => new URL(u).pathname.startsWith('/app/') },
  );
  const session = result.location
    ? new URLSearchParams(new URL(result.location).hash.slice(1)).get('session')
    : null;
  return {
    ...result,
    token: session ?? undefined,
    reason: /<code data-reason>([A-Z_]+)<\/code>/.exec(result.html)?.[1],
  };
}
