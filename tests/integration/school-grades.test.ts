import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_GRADES, MenuOptionsSchema, TenantSettingsSchema } from '../../shared/settings';
import { StrategyPageSchema, StrategySchema } from '../../shared/strategy';
import { type ApiClient, launchAs } from '../support/server/api-client';
import type { TestServer } from '../support/server/test-server';
import { testDbKind } from '../support/server/test-database';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
let ana: ApiClient; // teacher, contributor
let ben: ApiClient; // teacher
let dana: ApiClient; // coach
let otherCoach: ApiClient; // coach of another school (tenant)

const strategy = (over: Record<string, unknown> = {}) => ({
  title: 'Think pair share with a data card',
  purpose: 'Every student talks about evidence before the lesson starts.',
  steps: ['Project a data card', 'Think for two minutes', 'Pair for four minutes'],
  minutes: 10,
  subject: 'Science',
  gradeBand: '6-8',
  tags: ['discussion'],
  ...over,
});

async function approved(over: Record<string, unknown>) {
  const created = await ana.post('/api/strategies', strategy(over));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  expect((await dana.post(`/api/strategies/${created.body.id}/curation`, { action: 'approve' })).status).toBe(
    200,
  );
  return StrategySchema.parse(created.body);
}

const search = async (who: ApiClient, query: string) => {
  const res = await who.get(`/api/strategies?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return StrategyPageSchema.parse(res.body);
};

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  ana = await launchAs(server, 'sandbox-ana-rivera');
  ben = await launchAs(server, 'sandbox-ben-okafor');
  dana = await launchAs(server, 'sandbox-dana-kim');
  otherCoach = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'school-grades-elsewhere' });
}, 60_000);

describe(`the school's grade list on ${testDbKind()}`, () => {
  it('when no coach set a grade list, then the K–12 bands are offered and "7th" is saved and filtered as "6-8"', async () => {
    expect(MenuOptionsSchema.parse((await ben.get('/api/settings/subjects')).body).grades).toEqual(
      DEFAULT_GRADES,
    );
    expect(DEFAULT_GRADES).toEqual(['Any', 'K-2', '3-5', '6-8', '9-12']);
    const s = await approved({ title: 'Band exit ticket', gradeBand: '7th' });
    expect(s.gradeBand).toBe('6-8');
    const page = await search(ben, 'gradeBand=Grade%207');
    expect(page.gradeBand).toBe('6-8');
    expect(page.items.map((i) => i.title)).toContain('Band exit ticket');
    expect((await search(ben, 'gradeBand=K')).items.map((i) => i.title)).not.toContain('Band exit ticket');
  });

  it('when a coach keeps single grades, then free text maps to the nearest grade, on create, edit and the filter', async () => {
    const current = TenantSettingsSchema.parse((await dana.get('/api/settings')).body);
    const grades = ['K', '1', '2', '3', '4', '5', '6', '7', '8', 'Any'];
    const saved = await dana.put('/api/settings', { ...current, grades: [' K ', ...grades.slice(1), 'k'] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.grades).toEqual(grades);
    expect(TenantSettingsSchema.parse((await dana.get('/api/settings')).body).grades).toEqual(grades);
    expect(MenuOptionsSchema.parse((await ben.get('/api/settings/subjects')).body).grades).toEqual(grades);

    for (const typed of ['7th', 'Grade 7', 'gr7', 'seventh grade', '7'])
      expect(
        (await ana.post('/api/strategies', strategy({ title: `Seven ${typed}`, gradeBand: typed }))).body
          .gradeBand,
      ).toBe('7');
    expect(
      (await ana.post('/api/strategies', strategy({ title: 'Kinder', gradeBand: 'Kindergarten' }))).body
        .gradeBand,
    ).toBe('K');
    expect(
      (await ana.post('/api/strategies', strategy({ title: 'Anyone', gradeBand: 'any' }))).body.gradeBand,
    ).toBe('Any');
    // Text that stands for no entry is kept as typed, as with subjects.
    const kept = await ana.post('/api/strategies', strategy({ title: 'Pre-K song', gradeBand: 'Pre-K' }));
    expect(kept.body.gradeBand).toBe('Pre-K');
    const edited = await ana.patch(`/api/strategies/${kept.body.id}`, { gradeBand: '1st' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.gradeBand).toBe('1');

    const seventh = await approved({ title: 'Seventh grade gallery walk', gradeBand: 'gr 7' });
    expect(seventh.gradeBand).toBe('7');
    const page = await search(ben, 'gradeBand=7th');
    expect(page.gradeBand).toBe('7');
    expect(page.items.map((i) => i.title)).toEqual(['Seventh grade gallery walk']);
  });

  it('when a grade list is invalid, then it is refused with a message, and the stored one stays', async () => {
    const current = TenantSettingsSchema.parse((await dana.get('/api/settings')).body);
    const empty = await dana.put('/api/settings', { ...current, grades: [] });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body.error.fields)).toMatch(/Keep at least one grade/);
    const long = await dana.put('/api/settings', { ...current, grades: ['x'.repeat(31)] });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body.error.fields)).toMatch(/at most 30 characters/);
    expect((await dana.put('/api/settings', { ...current, grades: 'K-12' })).status).toBe(400);
    expect((await ben.put('/api/settings', { ...current, grades: ['1'] })).status).toBe(403);
    expect(TenantSettingsSchema.parse((await dana.get('/api/settings')).body).grades).toEqual(current.grades);
    // A strategy's grades must be text, present and short.
    expect((await ana.post('/api/strategies', strategy({ gradeBand: '' }))).status).toBe(400);
    expect((await ana.post('/api/strategies', strategy({ gradeBand: 7 }))).status).toBe(400);
    expect((await ana.post('/api/strategies', strategy({ gradeBand: 'x'.repeat(31) }))).status).toBe(400);
  });

  it('when one school keeps its own grades, then another school still has the defaults', async () => {
    expect((await otherCoach.get('/api/settings/subjects')).body.grades).toEqual(DEFAULT_GRADES);
    const s = await otherCoach.post('/api/strategies', strategy({ title: 'Elsewhere', gradeBand: '7th' }));
    expect(s.body.gradeBand).toBe('6-8');
  });
});
