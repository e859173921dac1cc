import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_GRADES,
  DEFAULT_SUBJECTS,
  MenuOptionsSchema,
  TenantSettingsSchema,
} from '../../shared/settings';
import { StrategyCardPageSchema, StrategyPageSchema, StrategySchema } from '../../shared/strategy';
import { type ApiClient, launchAs } from '../support/server/api-client';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';
import { testDbKind } from '../support/server/test-database';

let server: TestServer;
let ana: ApiClient; // teacher, contributor
let ben: ApiClient; // teacher
let dana: ApiClient; // coach
let otherCoach: ApiClient; // coach of another school (tenant)

const strategy = (over: Record<string, unknown> = {}) => ({
  title: 'Think pair share with a data card',
  purpose: 'Every student talks about evidence before the lesson starts.',
  steps: ['Project a data card', 'Think for two minutes', 'Pair for four minutes', 'Share for four minutes'],
  minutes: 10,
  subject: 'Science',
  gradeBand: '6-8',
  tags: ['discussion'],
  ...over,
});

async function approved(author: ApiClient, coach: ApiClient, over: Record<string, unknown> = {}) {
  const created = await author.post('/api/strategies', strategy(over));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const ok = await coach.post(`/api/strategies/${created.body.id}/curation`, { action: 'approve' });
  expect(ok.status).toBe(200);
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
  otherCoach = await launchAs(server, 'sandbox-dana-kim', { deploymentId: 'school-elsewhere' });
  await approved(ana, dana);
  await approved(ana, dana, {
    title: 'Gallery walk of sentence frames',
    purpose: 'Students read each other’s drafts and leave one comment.',
    steps: ['Post the drafts', 'Walk with sticky notes'],
    subject: 'English',
    tags: [],
  });
  // Another school's menu has a word this school's has not.
  await approved(otherCoach, otherCoach, {
    title: 'Fishbowl seminar',
    purpose: 'An inner circle discusses while the outer circle takes notes.',
    steps: ['Set up two circles'],
    tags: [],
  });
}, 60_000);

describe(`forgiving search on ${testDbKind()}`, () => {
  it('when a search finds nothing as typed, then it is run once with the nearest listed words and says so', async () => {
    const page = await search(ben, 'q=thnk%20pair');
    expect(page.items.map((s) => s.title)).toEqual(['Think pair share with a data card']);
    expect(page.searchedFor).toBe('think pair');
  });

  it('when a list of cards finds nothing as typed, then it is corrected the same way and says so', async () => {
    const page = StrategyCardPageSchema.parse(
      (await ben.get('/api/strategies?q=thnk%20pair&view=card')).body,
    );
    expect(page.items.map((s) => s.title)).toEqual(['Think pair share with a data card']);
    expect(page.searchedFor).toBe('think pair');
  });

  it('when a list of cards is corrected to a word only in the steps, then it says that word, as the whole list does', async () => {
    // "sticky" is only in a step of the gallery walk; a card has no steps.
    const whole = await search(ben, 'q=stiky');
    const cards = StrategyCardPageSchema.parse((await ben.get('/api/strategies?q=stiky&view=card')).body);
    expect(whole.items.map((s) => s.title)).toEqual(['Gallery walk of sentence frames']);
    expect(whole.searchedFor).toBe('sticky');
    expect(cards.items.map((s) => s.title)).toEqual(['Gallery walk of sentence frames']);
    expect(cards.searchedFor).toBe('sticky');
  });

  it('when two letters are swapped or one is missing in a longer word, then the search still finds it', async () => {
    const page = await search(ben, 'q=sentnece%20frmes');
    expect(page.items.map((s) => s.title)).toEqual(['Gallery walk of sentence frames']);
    expect(page.searchedFor).toBe('sentence frames');
  });

  it('when the first letter is mistyped, then PostgreSQL finds the word by trigrams; SQLite has no candidates for it', async () => {
    const page = await search(ben, 'q=fhink');
    if (testDbKind() === 'postgres') {
      expect(page.items.map((s) => s.title)).toEqual(['Think pair share with a data card']);
      expect(page.searchedFor).toBe('think');
    } else {
      expect(page.items).toEqual([]);
      expect(page.searchedFor).toBeNull();
    }
  });

  it('when the words as typed find something, then that is the answer and no correction is reported', async () => {
    const page = await search(ben, 'q=think%20pair');
    expect(page.items).toHaveLength(1);
    expect(page.searchedFor).toBeNull();
    // A typed prefix is a known word, not a misspelling.
    expect((await search(ben, 'q=galler')).searchedFor).toBeNull();
  });

  it('when nothing in the word list is near, then the answer is empty with no correction', async () => {
    const page = await search(ben, 'q=xylophone');
    expect(page.items).toEqual([]);
    expect(page.searchedFor).toBeNull();
  });

  it("when a word is only on another school's menu, then it is never suggested", async () => {
    const page = await search(ben, 'q=fishbowel');
    expect(page.items).toEqual([]);
    expect(page.searchedFor).toBeNull();
    // The other school's own search does correct it.
    expect((await search(otherCoach, 'q=fishbowel')).searchedFor).toBe('fishbowl');
  });

  it('when the filter is part of a subject, then it is read as the school subject it starts', async () => {
    const page = await search(ben, 'subject=Sci');
    expect(page.subject).toBe('Science');
    expect(page.items.map((s) => s.subject)).toEqual(['Science']);
    const typo = await search(ben, 'subject=englsh&q=galery');
    expect(typo.subject).toBe('English');
    expect(typo.items.map((s) => s.title)).toEqual(['Gallery walk of sentence frames']);
    expect(typo.searchedFor).toBe('gallery');
  });

  it('when a coach keeps a subject list, then every member reads it and free text is saved as the nearest subject', async () => {
    expect(MenuOptionsSchema.parse((await ben.get('/api/settings/subjects')).body).subjects).toEqual(
      DEFAULT_SUBJECTS,
    );
    const current = TenantSettingsSchema.parse((await dana.get('/api/settings')).body);
    const saved = await dana.put('/api/settings', {
      ...current,
      subjects: [' Chemistry ', 'Biology', 'chemistry', 'Science', 'English'],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await ben.get('/api/settings/subjects')).body).toEqual({
      subjects: ['Chemistry', 'Biology', 'Science', 'English'],
      grades: DEFAULT_GRADES,
    });
    const created = await ana.post(
      '/api/strategies',
      strategy({ title: 'Chemistry exit ticket', subject: 'chemstry' }),
    );
    expect(created.status).toBe(201);
    expect(created.body.subject).toBe('Chemistry');
    const kept = await ana.post('/api/strategies', strategy({ title: 'Drama warm-up', subject: 'Drama' }));
    expect(kept.body.subject).toBe('Drama');
    const edited = await ana.patch(`/api/strategies/${kept.body.id}`, { subject: 'biolgy' });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.subject).toBe('Biology');
    // The other school still has the default list.
    expect((await otherCoach.get('/api/settings/subjects')).body.subjects).toEqual(DEFAULT_SUBJECTS);
    // An empty list is refused.
    const empty = await dana.put('/api/settings', { ...current, subjects: [] });
    expect(empty.status).toBe(400);
  });
});
