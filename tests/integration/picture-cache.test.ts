import { beforeAll, describe, expect, it } from 'vitest';
import { startRetentionJob } from '../../lti-server/src/domain/retention-job';
import { hashToken } from '../../lti-server/src/domain/sessions';
import { createLogger } from '../../lti-server/src/logger';
import { type Picture, PictureSchema, shareWord } from '../../shared/notes';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf } from '../support/server/colleagues';
import { createTestDatabase, testDbKind } from '../support/server/test-database';
import { startTestServer, type TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { pastVisit } from '../support/server/visit-happened';

/**
 * The school picture is kept between reads until the network's picture version moves (issue #20): every write that
 * changes the picture's counts must show in the very next read, and no tenant ever reads another's kept picture.
 * Each test reads the picture before the change, so a kept picture is there to go stale.
 */

let server: TestServer;
let counter = 0;

useTestServer({}, (s) => {
  server = s;
});

const talk = 'Students turned to a partner and explained one step.';
const writing = 'Students wrote one question on a sticky note.';

/** A visit of `visitor` to `host`'s door for a new strategy tagged `tag`, in the past. */
async function visitOf(
  on: TestServer,
  coach: ApiClient,
  host: ApiClient,
  visitor: ApiClient,
  tag: string,
): Promise<string> {
  counter++;
  return pastVisit(
    on,
    { coach, host, visitor },
    { title: `Cached strategy ${counter}`, tags: [tag] },
    20 + counter,
  );
}

/** A school of a coach, a writer and three hosts, with one note of `text` on a visit to each host. */
async function schoolWithPicture(coach: ApiClient, text: string, tag: string, on: TestServer = server) {
  const [writer, ...hosts] = (await colleaguesOf(on, coach, 4, `Cache ${tag}`)) as [
    ApiClient,
    ApiClient,
    ApiClient,
    ApiClient,
  ];
  const visits: string[] = [];
  for (const host of hosts) {
    const visitId = await visitOf(on, coach, host, writer, tag);
    expect((await writer.post('/api/notes', { visitId, prompt: 'students', text })).status).toBe(201);
    visits.push(visitId);
  }
  return { coach, writer, visits };
}

const pictureOf = async (coach: ApiClient): Promise<Picture> => {
  const res = await coach.get('/api/picture?by=tag');
  expect(res.status).toBe(200);
  return PictureSchema.parse(res.body);
};
const schoolShare = (picture: Picture, theme: string) =>
  picture.groups.find((g) => g.kind === 'school')?.themes.find((t) => t.theme === theme)?.share;

let school: Awaited<ReturnType<typeof schoolWithPicture>>;

beforeAll(async () => {
  school = await schoolWithPicture(await launchAs(server, 'sandbox-dana-kim'), talk, 'cached');
}, 60_000);

describe('the kept school picture', () => {
  it('when a note is written, then the next picture read shows it', async () => {
    expect(schoolShare(await pictureOf(school.coach), 'writing')).toBe(shareWord(0, 3));
    const written = await school.writer.post('/api/notes', {
      visitId: school.visits[0],
      prompt: 'students',
      text: writing,
    });
    expect(written.status).toBe(201);
    expect(schoolShare(await pictureOf(school.coach), 'writing')).toBe(shareWord(1, 3));

    // Deleted: the next read drops it again.
    expect((await school.writer.delete(`/api/notes/${written.body.id}`)).status).toBe(204);
    expect(schoolShare(await pictureOf(school.coach), 'writing')).toBe(shareWord(0, 3));
  });

  it('when a note expires and the retention job deletes it, then the next picture read drops it', async () => {
    const written = await school.writer.post('/api/notes', {
      visitId: school.visits[1],
      prompt: 'students',
      text: writing,
    });
    expect(written.status).toBe(201);
    expect(schoolShare(await pictureOf(school.coach), 'writing')).toBe(shareWord(1, 3));
    await server.database.db
      .updateTable('notes')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', written.body.id)
      .execute();
    const job = startRetentionJob(server.database.db, server.database.kind, createLogger('silent'));
    await job.ready;
    job.stop();
    expect(schoolShare(await pictureOf(school.coach), 'writing')).toBe(shareWord(0, 3));
  });

  it('when two schools have pictures at the same version, then each coach reads only their own', async () => {
    // Two fresh schools written the same number of times, so their networks' picture versions are equal: only the
    // tenant and network in the kept picture's key tell them apart.
    const a = await schoolWithPicture(
      await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'cache-school-a' }),
      talk,
      'school-a',
    );
    const b = await schoolWithPicture(
      await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'cache-school-b' }),
      writing,
      'school-b',
    );
    const versionOf = async (coach: ApiClient) =>
      (
        await server.database.db
          .selectFrom('sessions')
          .innerJoin('networks', 'networks.id', 'sessions.network_id')
          .select('networks.picture_version')
          .where('sessions.token_hash', '=', hashToken(coach.token))
          .executeTakeFirstOrThrow()
      ).picture_version;
    expect(Number(await versionOf(a.coach))).toBeGreaterThan(0);
    expect(Number(await versionOf(a.coach))).toBe(Number(await versionOf(b.coach)));
    const pictureA = await pictureOf(a.coach);
    const pictureB = await pictureOf(b.coach);
    expect(pictureA.groups.map((g) => g.label)).toContain('school-a');
    expect(pictureA.groups.map((g) => g.label)).not.toContain('school-b');
    expect(pictureB.groups.map((g) => g.label)).toContain('school-b');
    expect(pictureB.groups.map((g) => g.label)).not.toContain('school-a');
    expect(schoolShare(pictureA, 'student-talk')).toBe('most');
    expect(schoolShare(pictureB, 'writing')).toBe('most');
  });

  it.runIf(testDbKind() === 'postgres')(
    'when another instance on the same PostgreSQL database writes a note, then this instance reads it next',
    async () => {
      const database = await createTestDatabase('postgres');
      const first = await startTestServer({ database });
      const second = await startTestServer({ database });
      try {
        const shared = await schoolWithPicture(
          await launchAs(first, 'sandbox-dana-kim'),
          talk,
          'two-instances',
          first,
        );
        const call = (on: TestServer, client: ApiClient, path: string, body?: unknown) =>
          fetch(`${on.url}${path}`, {
            method: body ? 'POST' : 'GET',
            headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
            body: body ? JSON.stringify(body) : undefined,
          });
        const pictureOn = async (on: TestServer) =>
          PictureSchema.parse(await (await call(on, shared.coach, '/api/picture?by=tag')).json());
        expect(schoolShare(await pictureOn(first), 'writing')).toBe(shareWord(0, 3));
        expect(schoolShare(await pictureOn(second), 'writing')).toBe(shareWord(0, 3));
        const written = await call(second, shared.writer, '/api/notes', {
          visitId: shared.visits[2],
          prompt: 'students',
          text: writing,
        });
        expect(written.status).toBe(201);
        expect(schoolShare(await pictureOn(first), 'writing')).toBe(shareWord(1, 3));
      } finally {
        await second.close();
        await first.close();
        await database.drop();
      }
    },
    60_000,
  );
});
