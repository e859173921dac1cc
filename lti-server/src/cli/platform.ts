import { parseArgs } from 'node:util';
import { AppError } from '../../../shared/errors';
import { InviteExpirySchema } from '../../../shared/registration';
import { COACH_ROLE_OPTIONS } from '../../../shared/settings';
import { loadConfig, resolveLtiKey } from '../config';
import { openDatabase } from '../db/database';
import { LtijsStore } from '../db/ltijs-store';
import {
  createDistrictAsOperator,
  districtsForOperator,
  inviteDeploymentAsOperator,
  removeDeploymentAsOperator,
} from '../domain/districts';
import { listPlatforms, registerPlatform, removePlatform } from '../domain/platforms';
import { createRegistrationInvite, listPendingInvites } from '../domain/registration';
import { operatorCoachRoles } from '../domain/settings';
import { createLtiTool } from '../lti/tool';

/**
 * `npm run platform -- add|list|remove|rotate-key|invite`: registers LMS platforms (Canvas, Schoology, …) in the database named by
 * DATABASE_URL, the same one the server uses.
 */
const USAGE = `Usage:
  npm run platform -- add --issuer URL --client-id ID --auth-url URL --token-url URL --jwks-url URL --deployment ID [--deployment ID…] [--name TEXT]
  npm run platform -- list
  npm run platform -- remove --issuer URL --client-id ID
  npm run platform -- rotate-key --issuer URL --client-id ID [--grace-days 7]
  npm run platform -- invite [--expires 7d]   (a single-use code for LTI Dynamic Registration)
  npm run platform -- coach-roles --issuer URL --client-id ID --deployment ID [--role ROLE…]
    roles: ${COACH_ROLE_OPTIONS.map((o) => o.role).join(', ')}
  npm run platform -- district-create --name TEXT   (a district network across schools)
  npm run platform -- district-add --district ID --issuer URL --client-id ID --deployment ID
    (invites that school; its coach accepts on the District page)
  npm run platform -- district-remove --district ID --issuer URL --client-id ID --deployment ID
    (that school leaves the district: its future visits across schools are canceled)
  npm run platform -- districts`;

const FLAGS: Record<string, string> = {
  issuer: '--issuer',
  clientId: '--client-id',
  name: '--name',
  authUrl: '--auth-url',
  tokenUrl: '--token-url',
  jwksUrl: '--jwks-url',
  deploymentIds: '--deployment',
  coachRoles: '--role',
};
const POLICY = { learn: 'learn on first launch', registered: 'registered deployments only' } as const;
const flagOf = (path: string) => FLAGS[path.split('.')[0] ?? ''] ?? path;

export async function runPlatformCli(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const [command, ...rest] = argv;
  if (
    !command ||
    ![
      'add',
      'list',
      'remove',
      'rotate-key',
      'invite',
      'coach-roles',
      'district-create',
      'district-add',
      'district-remove',
      'districts',
    ].includes(command)
  ) {
    console.error(command ? `Unknown command "${command}".\n${USAGE}` : USAGE);
    return 2;
  }
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        issuer: { type: 'string' },
        'client-id': { type: 'string' },
        'auth-url': { type: 'string' },
        'token-url': { type: 'string' },
        'jwks-url': { type: 'string' },
        deployment: { type: 'string', multiple: true },
        role: { type: 'string', multiple: true },
        'grace-days': { type: 'string' },
        expires: { type: 'string' },
        name: { type: 'string' },
        district: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }

  const config = loadConfig(env);
  const database = openDatabase(config.database);
  try {
    await database.migrate();
    const lti = createLtiTool({
      key: resolveLtiKey(config),
      publicUrl: config.publicUrl,
      store: new LtijsStore(database.db),
      db: database.db,
      launchDb: database.ephemeral,
      secureCookies: false,
      guard: { deploymentsOf: async () => [], learnsDeployments: async () => false, now: () => Date.now() },
      onLaunch: async () => {},
      onRefused: () => {},
      databaseAvailable: async () => true,
      onUnavailable: () => {},
    });
    const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);

    if (command === 'add') {
      const issuer = str('issuer') ?? '';
      let defaultName = issuer;
      try {
        defaultName = new URL(issuer).hostname;
      } catch {
        // validation below reports the bad issuer
      }
      const saved = await registerPlatform(database.db, lti, {
        issuer,
        clientId: str('client-id') ?? '',
        name: str('name') ?? defaultName,
        authUrl: str('auth-url') ?? '',
        tokenUrl: str('token-url') ?? '',
        jwksUrl: str('jwks-url') ?? '',
        deploymentIds: (values.deployment as string[] | undefined) ?? [],
      });
      console.log(
        `Registered ${saved.name}: issuer ${saved.issuer}, client id ${saved.clientId}, deployments ${saved.deploymentIds.join(', ')}.`,
      );
      console.log(
        `Tool URLs for this platform: login ${config.publicUrl}/lti/login, launch ${config.publicUrl}/lti/launch, keys ${config.publicUrl}/lti/keys`,
      );
      return 0;
    }
    if (command === 'invite') {
      const expiry = InviteExpirySchema.safeParse(str('expires') ?? '7d');
      if (!expiry.success) {
        console.error(`--expires ${expiry.error.issues[0]?.message}.`);
        return 2;
      }
      const invite = await createRegistrationInvite(database.db, new Date(), expiry.data);
      console.log(`Registration code: ${invite.code}`);
      console.log(
        `It registers one LMS through ${config.publicUrl}/lti/register and expires at ${invite.expiresAt}. It is shown only this once.`,
      );
      return 0;
    }
    if (command === 'list') {
      const platforms = await listPlatforms(database.db, lti);
      if (platforms.length === 0)
        console.log('No platforms registered. Add one with: npm run platform -- add …');
      for (const p of platforms) {
        console.log(
          `${p.name}\n  issuer:      ${p.issuer}\n  client id:   ${p.clientId}\n  deployments: ${p.deploymentIds.join(', ') || '(none yet)'} (${POLICY[p.deploymentPolicy]})\n  auth URL:    ${p.authUrl}\n  token URL:   ${p.tokenUrl}\n  JWKS URL:    ${p.jwksUrl}`,
        );
      }
      const invites = await listPendingInvites(database.db, new Date());
      if (invites.length > 0) {
        console.log('Unused registration codes (only their hashes are stored):');
        for (const i of invites)
          console.log(`  ${i.id.slice(0, 8)}  created ${i.createdAt}, expires ${i.expiresAt}`);
      }
      return 0;
    }
    if (command === 'district-create') {
      const name = str('name')?.trim();
      if (!name) {
        console.error(`district-create needs --name.\n${USAGE}`);
        return 2;
      }
      const district = await createDistrictAsOperator(database.db, name, new Date());
      console.log(`District network ${district.name}: id ${district.id}. Add schools with district-add.`);
      return 0;
    }
    if (command === 'districts') {
      const districts = await districtsForOperator(database.db);
      if (districts.length === 0)
        console.log('No district networks. Create one with: npm run platform -- district-create …');
      for (const d of districts)
        console.log(
          `${d.name} (${d.id})\n${d.schools.map((s) => `  ${s.name}: ${s.status}`).join('\n') || '  (no schools yet)'}`,
        );
      return 0;
    }
    const issuer = str('issuer');
    const clientId = str('client-id');
    if (!issuer || !clientId) {
      console.error(`${command} needs --issuer and --client-id.\n${USAGE}`);
      return 2;
    }
    if (command === 'coach-roles') {
      const deployments = (values.deployment as string[] | undefined) ?? [];
      if (deployments.length !== 1) {
        console.error(`coach-roles needs exactly one --deployment.\n${USAGE}`);
        return 2;
      }
      const roles = values.role as string[] | undefined;
      const settings = await operatorCoachRoles(
        database.db,
        database.kind,
        { issuer, clientId, deploymentId: deployments[0] ?? '' },
        roles,
        new Date(),
      );
      const names = settings.coachRoles.map(
        (role) => `${role} (${COACH_ROLE_OPTIONS.find((o) => o.role === role)?.label ?? role})`,
      );
      console.log(
        `${roles ? 'Coaches are now' : 'Coaches are'}, from each person's next launch: ${names.join(', ')}.`,
      );
      return 0;
    }
    if (command === 'district-add') {
      const deployments = (values.deployment as string[] | undefined) ?? [];
      const district = str('district');
      if (deployments.length !== 1 || !district) {
        console.error(`district-add needs --district and exactly one --deployment.\n${USAGE}`);
        return 2;
      }
      const school = await inviteDeploymentAsOperator(
        database.db,
        district,
        { issuer, clientId, deploymentId: deployments[0] ?? '' },
        new Date(),
      );
      console.log(`Invited ${school.name}: it becomes a member once one of its coaches accepts.`);
      return 0;
    }
    if (command === 'district-remove') {
      const deployments = (values.deployment as string[] | undefined) ?? [];
      const district = str('district');
      if (deployments.length !== 1 || !district) {
        console.error(`district-remove needs --district and exactly one --deployment.\n${USAGE}`);
        return 2;
      }
      const removed = await removeDeploymentAsOperator(
        database.db,
        database.kind,
        district,
        { issuer, clientId, deploymentId: deployments[0] ?? '' },
        new Date(),
      );
      console.log(
        `Removed ${removed.tenant.schoolName ?? removed.tenant.name} from the district network; ${removed.canceledVisits} visit(s) across schools that had not started were canceled, each with a notice to the round's coach.`,
      );
      return 0;
    }
    if (command === 'rotate-key') {
      const grace = str('grace-days') ?? '7';
      if (!/^\d+$/.test(grace) || Number(grace) < 1 || Number(grace) > 90) {
        console.error('--grace-days must be a whole number from 1 to 90.');
        return 2;
      }
      const rotated = await lti.rotateKey(issuer, clientId, new Date(), Number(grace));
      console.log(
        `New signing key ${rotated.newKid} for ${issuer} (${clientId}). The old key ${rotated.oldKid} stays in /lti/keys until ${rotated.oldKeyExpiresAt}.`,
      );
      return 0;
    }
    await removePlatform(database.db, lti, issuer, clientId);
    console.log(`Removed the platform with issuer ${issuer} and client id ${clientId}.`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(
        error.fields?.length
          ? `Not registered:\n${error.fields.map((f) => `  ${flagOf(f.path)} ${f.message}`).join('\n')}`
          : error.message,
      );
      if (error.fields?.length) console.error(USAGE);
      return error.code === 'NOT_FOUND' ? 1 : 2;
    }
    throw error;
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '')) {
  runPlatformCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(
        error instanceof AppError
          ? error.message
          : `platform: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    },
  );
}
