import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RosterSchema } from '../../shared/roster';
import { type ApiClient, apiClient } from '../support/server/api-client';
import {
  CANVAS_PEOPLE,
  CANVAS_STAFF,
  type CanvasPerson,
  type CanvasPlatform,
  launchFromCanvas,
  startCanvasPlatform,
} from '../support/server/canvas-platform';
import { daysFromNow } from '../support/server/colleagues';
import { approvedStrategy } from '../support/server/menu';
import { platformCliOn } from '../support/server/platform-cli';
import { inviteCode, registerThroughPage, registrationLinkFor } from '../support/server/registration';
import {
  launchFromSchoology,
  SCHOOLOGY_PEOPLE,
  type SchoologyPerson,
  type SchoologyPlatform,
  startSchoologyPlatform,
} from '../support/server/schoology-platform';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { visitHappened } from '../support/server/visit-happened';

/**
 * Roster names as a Canvas-shaped and a Schoology-shaped platform send them (tests/support/server/*-platform.ts) reach
 * the note check: a coach reads the course roster, and a note that names anyone on it, however it is typed, is refused.
 * Each school (tenant) has its own roster: another school's names are not used. And the launch's locale, as Canvas
 * sends it, picks the interface language.
 */
let server: TestServer;
let canvas: CanvasPlatform;
let schoology: SchoologyPlatform;
let deploymentId: string;
let counter = 0;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  canvas = await startCanvasPlatform();
  const registered = await registerThroughPage(
    registrationLinkFor(server, canvas.configurationUrl, canvas.registrationToken),
    await inviteCode(server),
    '192.0.2.20',
  );
  expect(registered.status, registered.html).toBe(200);
  deploymentId = canvas.install('account/1');

  schoology = await startSchoologyPlatform({
    domainUrl: `${server.url}/lti/launch`,
    loginUrl: `${server.url}/lti/login`,
    redirectUrls: [`${server.url}/lti/launch`],
    jwksUrl: `${server.url}/lti/keys`,
  });
  const key = [
    '--issuer',
    schoology.issuer,
    '--client-id',
    schoology.clientId,
    '--deployment',
    schoology.deploymentId,
  ];
  const added = await platformCliOn(
    server,
    'add',
    ...key,
    '--name',
    'Schoology',
    '--auth-url',
    schoology.authUrl,
    '--token-url',
    schoology.tokenUrl,
    '--jwks-url',
    schoology.jwksUrl,
  );
  expect(added.code, added.out).toBe(0);
  // A course administrator (who also teaches) is the section's coach.
  const coaches = await platformCliOn(server, 'coach-roles', ...key, '--role', 'membership#Administrator');
  expect(coaches.code, coaches.out).toBe(0);
}, 90_000);
afterAll(async () => {
  await canvas?.close();
  await schoology?.close();
});

async function fromCanvas(person: CanvasPerson): Promise<ApiClient> {
  const launch = await launchFromCanvas(server, canvas, { person, deploymentId });
  expect(launch.reason, launch.html).toBeUndefined();
  return apiClient(server, decodeURIComponent(launch.token!));
}

async function fromSchoology(person: SchoologyPerson): Promise<ApiClient> {
  const launch = await launchFromSchoology(schoology, person);
  expect(launch.reason, launch.html).toBeUndefined();
  return apiClient(server, launch.token!);
}

/** `host` opens a door for a strategy `coach` approved, `visitor` books it, and the visit happens: its id. */
async function visit(coach: ApiClient, host: ApiClient, visitor: ApiClient): Promise<string> {
  counter++;
  const strategyId = await approvedStrategy(host, coach, { title: `Roster strategy ${counter}` });
  const door = await host.post('/api/doors', {
    strategyId,
    date: daysFromNow(20 + counter),
    start: '09:00',
    timeZone: 'UTC',
    location: 'Room 4',
  });
  expect(door.status, JSON.stringify(door.body)).toBe(201);
  const booked = await visitor.post('/api/visits', { doorId: door.body.items[0].id });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  await visitHappened(server, door.body.items[0].id);
  return booked.body.id as string;
}

/** What the server makes of a note: the names it refused (their excerpts), or "saved". */
async function write(writer: ApiClient, visitId: string, text: string): Promise<string[] | 'saved'> {
  const res = await writer.post('/api/notes', { visitId, prompt: 'students', text, confirmFlags: true });
  if (res.status === 201) return 'saved';
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.error.code).toBe('NOTE_FLAGGED');
  return (res.body.error.fields as Array<{ message: string }>).map((f) => f.message);
}

/** The refused names of a note, as the excerpts its refusal quotes (“Will”: …, or «Will»: … in Spanish). */
const excerpts = (fields: string[] | 'saved') =>
  fields === 'saved' ? 'saved' : fields.map((m) => /^[“«](.+?)[”»]:/.exec(m)?.[1] ?? m);

describe('roster names from the LMS in the note check', () => {
  it('when a Canvas coach has read the course roster, then a note naming staff who never opened the tool is refused however the name is typed', async () => {
    const coach = await fromCanvas(CANVAS_PEOPLE.designer);
    const roster = RosterSchema.parse((await coach.get('/api/roster')).body);
    expect(roster.colleagues.map((c) => c.name)).toEqual(
      expect.arrayContaining(Object.values(CANVAS_STAFF).map((p) => p.name)),
    );
    // Canvas sends the whole name, and parts cut at its last word (`User.name_parts`): the whole name is what counts.
    expect(CANVAS_STAFF.compound).toMatchObject({ givenName: 'María José Pérez de la', familyName: 'Cruz' });

    const host = await fromCanvas(CANVAS_PEOPLE.teacher);
    const visitor = await fromCanvas(CANVAS_PEOPLE.coachTeacher);
    const visitId = await visit(coach, host, visitor);
    const cases: Array<[string, string[]]> = [
      ['María José modeled the first step.', ['María José']],
      ['maria jose modeled the first step.', ['maria', 'jose']],
      ['La maestra Pérez de la Cruz modeló el primer paso.', ['maestra Pérez', 'Cruz']],
      ['los alumnos revisaron con perez de la cruz las respuestas.', ['perez', 'cruz']],
      ['Will handed out the cards.', ['Will']],
      ["Students gathered at Will's table.", ['Will']],
      ['rosa asked each group to compare.', ['rosa']],
      ['Hope counted the tiles aloud.', ['Hope']],
      // Family names that end like everyday words (-ist, -ers), typed in lower case, in mid-sentence.
      ['Students compared answers with almquist.', ['almquist']],
      ['The cards went to rogers first.', ['rogers']],
    ];
    const seen = [];
    for (const [text] of cases) seen.push([text, excerpts(await write(visitor, visitId, text))]);
    expect(seen).toEqual(cases);
    // The same everyday words, not standing for anyone, are no names.
    expect(await write(visitor, visitId, 'Students will compare answers; we hope to see the models.')).toBe(
      'saved',
    );
  });

  it('when a Schoology coach has read the section roster, then its names are refused and the Canvas school’s names are not used', async () => {
    const coach = await fromSchoology(SCHOOLOGY_PEOPLE.adminTeacher);
    const roster = RosterSchema.parse((await coach.get('/api/roster')).body);
    expect(roster.colleagues.map((c) => c.name)).toEqual(
      expect.arrayContaining(['Rosa Elena Ahlquist', 'Mrs. Hope Jennings']),
    );
    const host = await fromSchoology(SCHOOLOGY_PEOPLE.teacher);
    const visitId = await visit(coach, host, coach);
    expect(excerpts(await write(coach, visitId, 'Students compared answers with ahlquist.'))).toEqual([
      'ahlquist',
    ]);
    expect(excerpts(await write(coach, visitId, 'The cards went to jennings first.'))).toEqual(['jennings']);
    // Canvas's roster belongs to another school: its names mean nothing here.
    expect(await write(coach, visitId, 'Students compared answers with almquist and Brandt.')).toBe('saved');
  });
});

describe('the interface language from the launch locale', () => {
  /** The 404 message for a missing strategy, in the language the person's launch locale gives (no browser language). */
  async function messageFor(locale: string): Promise<string> {
    const api = await fromCanvas({ ...CANVAS_PEOPLE.teacher, locale });
    const res = await api.get('/api/strategies/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    return res.body.error.message as string;
  }

  it('when Canvas launches with a Spanish locale in any form, then the answers are Spanish; with pt-BR they are English', async () => {
    for (const locale of ['es', 'es-MX', 'es-419', 'ES'])
      expect([locale, await messageFor(locale)]).toEqual([locale, 'No se encontró la estrategia.']);
    expect(await messageFor('pt-BR')).toBe('Strategy was not found.');
  });

  it('when Schoology launches without a locale, then none is stored and the browser decides', async () => {
    await fromSchoology(SCHOOLOGY_PEOPLE.teacher);
    const row = await server.database.db
      .selectFrom('people')
      .select('locale')
      .where('subject', '=', schoology.subjectOf(SCHOOLOGY_PEOPLE.teacher))
      .executeTakeFirstOrThrow();
    expect(row.locale).toBeNull();
  });
});
