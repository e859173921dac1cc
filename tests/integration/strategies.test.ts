import { beforeAll, describe, expect, it } from 'vitest';
import { StrategyCardPageSchema, StrategyPageSchema, StrategySchema } from '../../shared/strategy';
import { type ApiClient, launchAs } from '../support/server/api-client';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
let ana: ApiClient; // teacher, contributor
let ben: ApiClient; // teacher
let dana: ApiClient; // coach

const strategy = (over: Record<string, unknown> = {}) => ({
  title: 'Think–Pair–Share with a data card',
  purpose: 'Every student talks about evidence before the lesson starts.',
  steps: ['Project a data card', 'Think for two minutes', 'Pair for four minutes', 'Share for four minutes'],
  minutes: 10,
  subject: 'Science',
  gradeBand: '6-8',
  tags: ['Discussion', ' #warm-up ', 'discussion'],
  sourceUrl: 'https://blog.example.org/tps?utm_source=x',
  sourceTitle: 'A teacher blog',
  ...over,
});

useTestServer({}, (s) => {
  server = s;
});
beforeAll(async () => {
  ana = await launchAs(server, 'sandbox-ana-rivera');
  ben = await launchAs(server, 'sandbox-ben-okafor');
  dana = await launchAs(server, 'sandbox-dana-kim');
}, 60_000);
async function approved(over: Record<string, unknown> = {}) {
  const created = await ana.post('/api/strategies', strategy(over));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const ok = await dana.post(`/api/strategies/${created.body.id}/curation`, { action: 'approve' });
  expect(ok.status).toBe(200);
  return created.body.id as string;
}

describe('adding a strategy', () => {
  it('when a teacher adds a strategy, then it is pending, normalised, credited to them and not yet on the menu', async () => {
    const res = await ana.post('/api/strategies', strategy({ title: 'Pending one' }));
    expect(res.status).toBe(201);
    const s = StrategySchema.parse(res.body);
    expect(s.status).toBe('pending');
    expect(s.tags).toEqual(['discussion', 'warm-up']);
    expect(s.contributors.map((c) => c.name)).toEqual(['Ana Rivera']);
    const menu = StrategyPageSchema.parse((await ben.get('/api/strategies')).body);
    expect(menu.items.map((i) => i.id)).not.toContain(s.id);
    const mine = StrategyPageSchema.parse((await ana.get('/api/strategies?status=mine')).body);
    expect(mine.items.map((i) => i.id)).toContain(s.id);
    expect((await ben.get(`/api/strategies/${s.id}`)).status).toBe(404);
  });

  it('when the input is bad, then the answer is 400 with a message per field and nothing is stored', async () => {
    const res = await ana.post('/api/strategies', {
      title: '',
      steps: [],
      minutes: 40,
      gradeBand: ' ',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['title', 'purpose', 'steps', 'minutes', 'subject', 'gradeBand']),
    );
  });

  it('when the same clip is uploaded twice with one clientId, then there is one strategy', async () => {
    const clientId = '7d8c1b62-1f0e-4a4b-9d1e-0c7f5a3b2a10';
    const first = await ana.post('/api/strategies', strategy({ title: 'Idempotent', clientId }));
    const again = await ana.post('/api/strategies', strategy({ title: 'Idempotent', clientId }));
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
  });

  it('when the excerpt carries scripts, handlers and images, then only safe structure and links are stored', async () => {
    const res = await ana.post(
      '/api/strategies',
      strategy({
        title: 'Sanitized',
        excerptHtml:
          '<p onclick="x()">Hi <script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">bad</a> <a href="https://ok.example">ok</a></p>',
      }),
    );
    expect(res.body.excerptHtml).toBe(
      '<p>Hi <span>bad</span> <a href="https://ok.example" rel="noopener noreferrer nofollow" target="_blank">ok</a></p>',
    );
  });
});

describe('curation', () => {
  it('when a coach approves and features a strategy, then it is on the menu, featured first', async () => {
    const plain = await approved({ title: 'Exit ticket traffic light' });
    const star = await approved({ title: 'Sentence frames for academic talk' });
    expect((await dana.post(`/api/strategies/${star}/curation`, { action: 'feature' })).body.status).toBe(
      'featured',
    );
    const menu = StrategyPageSchema.parse((await ben.get('/api/strategies')).body);
    expect(menu.items[0]?.id).toBe(star);
    expect(menu.items.map((i) => i.id)).toContain(plain);
  });

  it('when a teacher tries to curate, then it is forbidden', async () => {
    const id = (await ana.post('/api/strategies', strategy({ title: 'Not by teachers' }))).body.id;
    const res = await ben.post(`/api/strategies/${id}/curation`, { action: 'approve' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });

  it('when a coach requests changes, then the contributor sees "needs changes" with the message and can revise', async () => {
    const id = (await ana.post('/api/strategies', strategy({ title: 'Needs work' }))).body.id;
    expect((await dana.post(`/api/strategies/${id}/curation`, { action: 'request-changes' })).status).toBe(
      400,
    );
    const req = await dana.post(`/api/strategies/${id}/curation`, {
      action: 'request-changes',
      message: 'Add the timing of each step.',
    });
    expect(req.body.displayStatus).toBe('needs-changes');
    const mine = await ana.get(`/api/strategies/${id}`);
    expect(mine.body.changeRequest.message).toBe('Add the timing of each step.');
    const edited = await ana.patch(`/api/strategies/${id}`, {
      steps: ['Think (2 min)', 'Pair (4 min)', 'Share (4 min)'],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.displayStatus).toBe('pending');
    const queue = StrategyPageSchema.parse((await dana.get('/api/strategies?status=pending')).body);
    expect(queue.items.map((i) => i.id)).toContain(id);
  });

  it('when the coach changes a strategy, then the audit trail says who did what', async () => {
    const id = await approved({ title: 'Audited' });
    await dana.post(`/api/strategies/${id}/curation`, { action: 'retire' });
    const audit = await dana.get(`/api/strategies/${id}/audit`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'retire',
      'approve',
      'created',
    ]);
    expect(audit.body.items[0].actor).toBe('Dana Kim');
    expect((await ana.get(`/api/strategies/${id}/audit`)).status).toBe(403);
  });

  it('when two duplicates are merged, then both contributors are credited and the old id redirects', async () => {
    const a = await approved({ title: 'Cold call with wait time', sourceUrl: 'https://x.example/cold' });
    const dupRes = await ben.post(
      '/api/strategies',
      strategy({ title: 'Cold-call, with wait time!', sourceUrl: 'https://www.x.example/cold/' }),
    );
    const b = dupRes.body.id as string;
    const suggestions = await dana.get(`/api/strategies/${b}/duplicates`);
    expect(suggestions.body.items.map((s: { id: string }) => s.id)).toContain(a);
    const merged = await dana.post(`/api/strategies/${b}/merge`, { intoId: a });
    expect(merged.status).toBe(200);
    expect(merged.body.contributors.map((c: { name: string }) => c.name).sort()).toEqual([
      'Ana Rivera',
      'Ben Okafor',
    ]);
    const old = await ben.get(`/api/strategies/${b}`);
    expect(old.status).toBe(200);
    expect(old.body.id).toBe(a);
  });
});

describe('search', () => {
  it('when a teacher searches by a word prefix, then matching strategies come back and others do not', async () => {
    const id = await approved({
      title: 'Whiteboard retrieval practice',
      purpose: 'Quick recall of last lesson.',
      tags: ['retrieval'],
    });
    const hit = StrategyPageSchema.parse((await ben.get('/api/strategies?q=retriev')).body);
    expect(hit.items.map((i) => i.id)).toContain(id);
    const miss = StrategyPageSchema.parse((await ben.get('/api/strategies?q=photosynthesis')).body);
    expect(miss.items).toEqual([]);
  });

  it('when the query contains search syntax, then it is treated as words, not as a query language', async () => {
    const res = await ben.get(`/api/strategies?q=${encodeURIComponent('"retrieval* OR NEAR( -x AND :*')}`);
    expect(res.status).toBe(200);
  });

  it('when filters are given, then only matching strategies come back', async () => {
    const short = await approved({
      title: 'Two-minute stretch',
      minutes: 2,
      gradeBand: 'K-2',
      tags: ['movement'],
      subject: 'PE',
    });
    const byTag = StrategyPageSchema.parse((await ben.get('/api/strategies?tags=movement')).body);
    expect(byTag.items.map((i) => i.id)).toEqual([short]);
    const byMinutes = StrategyPageSchema.parse((await ben.get('/api/strategies?maxMinutes=3')).body);
    expect(byMinutes.items.every((i) => i.minutes <= 3)).toBe(true);
    expect(byMinutes.items.map((i) => i.id)).toContain(short);
    const byBand = StrategyPageSchema.parse((await ben.get('/api/strategies?gradeBand=K-2&subject=pe')).body);
    expect(byBand.items.map((i) => i.id)).toEqual([short]);
  });

  it('when there are more results than a page, then the cursor walks all of them exactly once', async () => {
    for (let i = 0; i < 5; i++) await approved({ title: `Paged strategy ${i}`, tags: ['paged'] });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = StrategyPageSchema.parse(
        (await ben.get(`/api/strategies?tags=paged&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body,
      );
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('when a list asks for cards, then each item is what a card shows, in the order and pages of whole strategies', async () => {
    for (let i = 0; i < 3; i++) await approved({ title: `Carded strategy ${i}`, tags: ['carded'] });
    const whole = StrategyPageSchema.parse((await ben.get('/api/strategies?tags=carded&limit=100')).body);
    const res = await ben.get('/api/strategies?tags=carded&view=card&limit=2');
    expect(res.status).toBe(200);
    const first = StrategyCardPageSchema.parse(res.body);
    // Nothing beyond the card: no steps, source, excerpt, credits or dates.
    expect(Object.keys(res.body.items[0]).sort()).toEqual(
      ['displayStatus', 'gradeBand', 'id', 'minutes', 'purpose', 'status', 'subject', 'tags', 'title'].sort(),
    );
    const next = StrategyCardPageSchema.parse(
      (await ben.get(`/api/strategies?tags=carded&view=card&limit=2&cursor=${first.nextCursor}`)).body,
    );
    expect(next.nextCursor).toBeNull();
    const cards = [...first.items, ...next.items];
    expect(cards.map((c) => c.id)).toEqual(whole.items.map((s) => s.id));
    for (const [i, card] of cards.entries()) {
      const { id, title, purpose, minutes, subject, gradeBand, tags, status, displayStatus } =
        whole.items[i]!;
      expect(card).toEqual({ id, title, purpose, minutes, subject, gradeBand, tags, status, displayStatus });
    }
  });

  it('when a search asks for cards, then it finds what the whole search finds, ranked alike', async () => {
    await approved({
      title: 'Cardinal directions walk',
      purpose: 'Orienteering in the yard.',
      tags: ['map'],
    });
    await approved({ title: 'Map sketch', purpose: 'Cardinal points from memory.', tags: ['map'] });
    const whole = StrategyPageSchema.parse((await ben.get('/api/strategies?q=cardinal')).body);
    const cards = StrategyCardPageSchema.parse((await ben.get('/api/strategies?q=cardinal&view=card')).body);
    expect(whole.items.length).toBeGreaterThanOrEqual(2);
    expect(cards.items.map((c) => c.id)).toEqual(whole.items.map((s) => s.id));
  });

  it('when a contributor lists their own as cards, then a strategy sent back for changes says so', async () => {
    const created = await ana.post('/api/strategies', strategy({ title: 'Card sent back' }));
    expect(created.status).toBe(201);
    const back = await dana.post(`/api/strategies/${created.body.id}/curation`, {
      action: 'request-changes',
      message: 'Add how long each step takes.',
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    const mine = StrategyCardPageSchema.parse(
      (await ana.get('/api/strategies?status=mine&view=card&limit=100')).body,
    );
    const card = mine.items.find((c) => c.id === created.body.id);
    expect(card).toMatchObject({ status: 'pending', displayStatus: 'needs-changes' });
  });

  it('when the view is neither card nor full, then the answer is 400 naming the field', async () => {
    const res = await ben.get('/api/strategies?view=everything');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['view']);
  });

  it('when a teacher asks for the pending queue, then it is forbidden', async () => {
    expect((await ben.get('/api/strategies?status=pending')).status).toBe(403);
  });
});

describe("I'll try it", () => {
  it('when colleagues try a strategy, then the contributor sees counts and only shared reflections', async () => {
    const id = await approved({ title: 'Try me' });
    expect((await ben.put(`/api/strategies/${id}/try`, { state: 'trying' })).body.state).toBe('trying');
    const tried = await ben.put(`/api/strategies/${id}/try`, {
      state: 'tried',
      reflection: 'Quiet students spoke first.',
      shareWithContributor: true,
    });
    expect(tried.body).toMatchObject({ state: 'tried', shareWithContributor: true });
    await dana.put(`/api/strategies/${id}/try`, { state: 'tried', reflection: 'Private thought.' });
    const own = await ana.get(`/api/strategies/${id}`);
    expect(own.body.trying).toMatchObject({ trying: 0, tried: 2 });
    expect(own.body.trying.sharedReflections).toEqual([
      expect.objectContaining({ name: 'Ben Okafor', reflection: 'Quiet students spoke first.' }),
    ]);
    const other = await ben.get(`/api/strategies/${id}`);
    expect(other.body.trying).toBeNull();
    expect(other.body.myTry.reflection).toBe('Quiet students spoke first.');
    expect((await ben.delete(`/api/strategies/${id}/try`)).status).toBe(204);
    expect((await ben.get(`/api/strategies/${id}`)).body.myTry).toBeNull();
  });
});

describe('isolation', () => {
  it('when a teacher of another tenant searches, then they never see this tenant’s strategies', async () => {
    const id = await approved({ title: 'Tenant secret strategy', tags: ['isolation'] });
    const other = await launchAs(server, 'sandbox-ana-rivera', { deploymentId: 'another-school' });
    const menu = StrategyPageSchema.parse((await other.get('/api/strategies?q=tenant')).body);
    expect(menu.items.map((i) => i.id)).not.toContain(id);
    expect((await other.get(`/api/strategies/${id}`)).status).toBe(404);
    expect((await other.patch(`/api/strategies/${id}`, { title: 'x' })).status).toBe(404);
    expect((await other.put(`/api/strategies/${id}/try`, { state: 'trying' })).status).toBe(404);
  });

  it('when a teacher launches from another course, then that course’s menu is separate', async () => {
    const id = await approved({ title: 'Course-only strategy' });
    const elsewhere = await launchAs(server, 'sandbox-ben-okafor', { course: 'sandbox-course-9eng' });
    const menu = StrategyPageSchema.parse((await elsewhere.get('/api/strategies')).body);
    expect(menu.items.map((i) => i.id)).not.toContain(id);
  });
});

describe('exports', () => {
  it('when a coach exports the menu, then the CSV has the menu and formula-like cells are defused', async () => {
    await approved({ title: '=HYPERLINK("http://evil")', purpose: 'Looks like a formula.' });
    const res = await fetch(`${server.url}/api/strategies/export.csv`, {
      headers: { authorization: `Bearer ${dana.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // a BOM, so spreadsheets read UTF-8
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe(
      'title,purpose,steps,minutes,subject,grade band,tags,source,offered by,status',
    );
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).not.toContain('Pending one');
  });

  it('when a teacher asks for the CSV export, then it is forbidden', async () => {
    expect((await ben.get('/api/strategies/export.csv')).status).toBe(403);
  });
});

describe('coaches fix typos', () => {
  it('when a coach fixes a typo in a strategy on the menu, then it stays on the menu, the audit trail names the coach and fields, and the contributor sees it was edited by a coach', async () => {
    const id = await approved({ title: 'Retreival grid', tags: ['retrieval', 'warm-up'] });
    const fixed = await dana.patch(`/api/strategies/${id}`, { title: 'Retrieval grid' });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body).toMatchObject({ title: 'Retrieval grid', status: 'approved' });
    // Leaving the tags out of an edit keeps them.
    expect(fixed.body.tags).toEqual(['retrieval', 'warm-up']);
    const audit = await dana.get(`/api/strategies/${id}/audit`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'coach-edited',
      actor: 'Dana Kim',
      details: { fields: ['title'] },
    });
    // The app's form sends every field: the trail still names only what changed.
    const whole = strategy({
      title: 'Retrieval grid!',
      tags: ['retrieval', 'warm-up'],
    });
    expect((await dana.patch(`/api/strategies/${id}`, whole)).status).toBe(200);
    const again = await dana.get(`/api/strategies/${id}/audit`);
    expect(again.body.items[0]).toMatchObject({ action: 'coach-edited', details: { fields: ['title'] } });
    const own = await ana.get(`/api/strategies/${id}`);
    expect(own.body.editedByCoach).toEqual({ at: expect.any(String) });
    expect((await ben.get(`/api/strategies/${id}`)).body.editedByCoach).toBeNull();
    // The contributor's own edits are plain edits, and a teacher still cannot change a strategy on the menu.
    expect((await ana.patch(`/api/strategies/${id}`, { title: 'Mine now' })).status).toBe(403);
    expect((await ben.patch(`/api/strategies/${id}`, { title: 'Not mine' })).status).toBe(403);
  });

  it('when a contributor edits their pending strategy, then no coach edit is reported', async () => {
    const id = (await ana.post('/api/strategies', strategy({ title: 'Own revision' }))).body.id;
    expect((await ana.patch(`/api/strategies/${id}`, { purpose: 'Sharper purpose.' })).status).toBe(200);
    const audit = await dana.get(`/api/strategies/${id}/audit`);
    expect(audit.body.items[0]).toMatchObject({ action: 'edited', details: { fields: ['purpose'] } });
    expect((await ana.get(`/api/strategies/${id}`)).body.editedByCoach).toBeNull();
  });

  it('when a strategy is retired, then it is restored, not approved, and only a retired one can be restored', async () => {
    const id = await approved({ title: 'Retire and restore' });
    expect((await dana.post(`/api/strategies/${id}/curation`, { action: 'restore' })).status).toBe(409);
    expect((await dana.post(`/api/strategies/${id}/curation`, { action: 'retire' })).body.status).toBe(
      'retired',
    );
    const approve = await dana.post(`/api/strategies/${id}/curation`, { action: 'approve' });
    expect(approve.status).toBe(409);
    expect(approve.body.error.message).toMatch(/restore/);
    const restored = await dana.post(`/api/strategies/${id}/curation`, { action: 'restore' });
    expect(restored.body.status).toBe('approved');
    const menu = StrategyPageSchema.parse((await ben.get('/api/strategies?limit=100')).body);
    expect(menu.items.map((i) => i.id)).toContain(id);
  });

  it('when strategies wait for review, then the coach gets their count and a teacher may not', async () => {
    const queue = async () =>
      StrategyPageSchema.parse((await dana.get('/api/strategies?status=pending&limit=100')).body).items
        .length;
    const before = await dana.get('/api/strategies/review-count');
    expect(before.status).toBe(200);
    expect(before.body.pending).toBe(await queue());
    await ben.post('/api/strategies', strategy({ title: 'Counted in the queue' }));
    expect((await dana.get('/api/strategies/review-count')).body.pending).toBe(before.body.pending + 1);
    expect((await ben.get('/api/strategies/review-count')).status).toBe(403);
  });
});

describe('duplicates', () => {
  const steps = (...s: string[]) => ({ steps: s });
  const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((i) => i.id);

  it('when two strategies look alike despite a typo, then each finds the other, whatever their status, and unrelated ones are not found', async () => {
    const a = await approved({
      title: 'Quadrat sampling gallery walk',
      ...steps('Lay out quadrats', 'Count species in each', 'Walk the gallery of results'),
    });
    const b = (
      await ben.post(
        '/api/strategies',
        strategy({ title: 'Quadrat samplng gallery-walk', ...steps('Sample a square metre', 'Compare') }),
      )
    ).body.id as string;
    const c = await approved({
      title: 'Quadrat sampling, gallery walk version',
      ...steps('Lay out quadrats', 'Count species', 'Share'),
    });
    await dana.post(`/api/strategies/${c}/curation`, { action: 'retire' });
    const unrelated = await approved({
      title: 'Quiet quadratic equations quiz',
      ...steps('Solve three equations', 'Swap and check'),
    });
    for (const [from, to] of [
      [a, b],
      [b, a],
      [a, c],
      [c, a],
      [b, c],
      [c, b],
    ] as const) {
      const found = await dana.get(`/api/strategies/${from}/duplicates`);
      expect(found.status).toBe(200);
      expect(ids(found), `${from} should find ${to}`).toContain(to);
      expect(ids(found)).not.toContain(unrelated);
      expect(ids(found)).not.toContain(from);
    }
    expect(ids(await dana.get(`/api/strategies/${unrelated}/duplicates`))).not.toContain(a);
  });

  it('when a duplicate is merged, then it is found no more, it has no duplicates of its own and cannot be merged again', async () => {
    const a = await approved({
      title: 'Mystery bag vocabulary',
      ...steps('Hide an object in a bag', 'Students ask yes/no questions', 'Name it with the word'),
    });
    const b = (
      await ben.post(
        '/api/strategies',
        strategy({ title: 'Mystery-bag vocabluary', ...steps('Bag', 'Questions') }),
      )
    ).body.id as string;
    expect(ids(await dana.get(`/api/strategies/${a}/duplicates`))).toContain(b);
    expect((await dana.post(`/api/strategies/${b}/merge`, { intoId: a })).status).toBe(200);
    expect(ids(await dana.get(`/api/strategies/${a}/duplicates`))).not.toContain(b);
    expect(ids(await dana.get(`/api/strategies/${b}/duplicates`))).toEqual([]);
    expect((await dana.post(`/api/strategies/${b}/merge`, { intoId: a })).status).toBe(409);
  });

  it('when a teacher is about to submit a strategy again, then the check names the one they already have; others’ pending ones stay hidden', async () => {
    const pending = (
      await ana.post(
        '/api/strategies',
        strategy({ title: 'Fishbowl seminar roles', ...steps('Inner circle talks', 'Outer circle notes') }),
      )
    ).body.id as string;
    const again = await ana.post('/api/strategies/similar', {
      title: 'Fishbowl seminar rolls',
      steps: ['Inner circle talks'],
    });
    expect(again.status).toBe(200);
    expect(ids(again)).toEqual([pending]);
    // Ana's strategy is not on the menu yet: Ben is not told it exists.
    const other = await ben.post('/api/strategies/similar', { title: 'Fishbowl seminar roles', steps: [] });
    expect(ids(other)).not.toContain(pending);
    // Once it is on the menu, everyone is pointed to it.
    await dana.post(`/api/strategies/${pending}/curation`, { action: 'approve' });
    const onMenu = await ben.post('/api/strategies/similar', { title: 'fish-bowl seminar roles', steps: [] });
    expect(ids(onMenu)).toContain(pending);
    const unrelated = await ben.post('/api/strategies/similar', { title: 'Gallery of exit tickets' });
    expect(ids(unrelated)).not.toContain(pending);
    expect((await ben.post('/api/strategies/similar', { title: 'x'.repeat(500) })).status).toBe(400);
  });
});
