import { beforeAll, describe, expect, it } from 'vitest';
import { CycleSchema } from '../../shared/cycles';
import { type ApiClient, launchAs } from '../support/server/api-client';
import { colleaguesOf } from '../support/server/colleagues';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

/**
 * Someone no longer in the school still appears in what they were part of (a cycle's members, a round's people), by
 * the words the reader's language has for them, never by an English phrase (issue #18).
 */
let server: TestServer;
let dana: ApiClient; // coach
let cycleId: string;

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  dana = await launchAs(server, 'sandbox-dana-kim');
  const teachers = await colleaguesOf(server, dana, 3, 'Left teacher');
  const ids = await Promise.all(teachers.map(async (c) => (await c.get('/api/me')).body.person.id as string));
  const problem = await teachers[0]!.post('/api/problems', { title: 'Who talks in groups?' });
  expect(problem.status, JSON.stringify(problem.body)).toBe(201);
  const started = await dana.post('/api/cycles', { problemId: problem.body.id, memberIds: ids });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  cycleId = CycleSchema.parse(started.body).id;
  // The third member's record is gone from the school; the cycle still lists them.
  await server.database.db
    .updateTable('cycles')
    .set({ members: JSON.stringify([ids[0], ids[1], 'person-who-left']) })
    .where('id', '=', cycleId)
    .execute();
}, 60_000);

describe('someone who left, in the reader’s language', () => {
  it('when a coach who reads Spanish opens the cycle, then the member who left is "Alguien que se fue"', async () => {
    expect((await dana.put('/api/me/language', { language: 'es' })).status).toBe(200);
    try {
      const cycle = CycleSchema.parse((await dana.get(`/api/cycles/${cycleId}`)).body);
      expect(cycle.members.map((m) => m.name)).toEqual([
        'Left teacher 1',
        'Left teacher 2',
        'Alguien que se fue',
      ]);
    } finally {
      await dana.put('/api/me/language', { language: null });
    }
  });

  it('when a coach who reads English opens it, then the member who left is "Someone who left"', async () => {
    const cycle = CycleSchema.parse((await dana.get(`/api/cycles/${cycleId}`)).body);
    expect(cycle.members.map((m) => m.name)).toEqual([
      'Left teacher 1',
      'Left teacher 2',
      'Someone who left',
    ]);
  });
});
