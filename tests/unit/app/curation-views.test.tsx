import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../lti-server/app/src/App';
import type { StrategyDetail } from '../../../lti-server/app/src/api';
import { StrategyForm } from '../../../lti-server/app/src/views/strategy-form';
import { StrategyView } from '../../../lti-server/app/src/views/strategy-view';
import type { Me } from '../../../shared/api';
import { setLanguage } from '../../../shared/i18n';
import type { Strategy } from '../../../shared/strategy';
import { expectNoAxeViolations } from './axe';
import { type Call, strategy as strategyItem, stubApi } from './fake-api';

const strategy = (over: Partial<Strategy> = {}): Strategy =>
  strategyItem({
    title: 'Think-Pair-Share',
    purpose: 'Everyone talks.',
    subject: 'Any',
    gradeBand: 'Any',
    tags: [],
    contributors: [{ id: 'p2', name: 'Ben Okafor' }],
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...over,
  });
const detail = (over: Partial<StrategyDetail> = {}): StrategyDetail => ({
  ...strategy(),
  myTry: null,
  trying: null,
  editedByCoach: null,
  ...over,
});

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  vi.unstubAllGlobals();
});

async function fillForm(title: string) {
  fireEvent.input(screen.getByLabelText('Title'), { target: { value: title } });
  fireEvent.input(screen.getByLabelText('What it is for'), { target: { value: 'Everyone talks.' } });
  fireEvent.input(screen.getByLabelText('Steps'), { target: { value: 'Think\nPair\nShare' } });
  fireEvent.input(screen.getByLabelText('Subject'), { target: { value: 'Any' } });
}

describe('submitting a strategy that looks like one on the menu', () => {
  function api(similar: Strategy[]): Call[] {
    return stubApi((c) => {
      if (c.url.pathname === '/api/strategies/similar') return { body: { items: similar } };
      if (c.url.pathname === '/api/strategies' && c.method === 'POST')
        return { status: 201, body: strategy({ id: 'new', status: 'pending', displayStatus: 'pending' }) };
      return undefined;
    });
  }

  it('when the check finds a look-alike, then the form asks "add to it instead?" with a link, and submits only on "Submit anyway"', async () => {
    const calls = api([strategy()]);
    render(<StrategyForm token="t" />);
    await fillForm('Thnik pair share');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the menu' }));
    const question = await screen.findByText(/This looks like/);
    expect(question.textContent).toBe('This looks like Think-Pair-Share — add to it instead?');
    expect(screen.getByRole('link', { name: 'Think-Pair-Share' }).getAttribute('href')).toBe('#/s/s1');
    expect(calls.find((c) => c.url.pathname === '/api/strategies/similar')?.body).toEqual({
      title: 'Thnik pair share',
      steps: ['Think', 'Pair', 'Share'],
    });
    expect(calls.some((c) => c.url.pathname === '/api/strategies' && c.method === 'POST')).toBe(false);
    // Focus moves to the question, so keyboard and screen-reader users meet it.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-labelledby')).toBe('similar-q'));
    await expectNoAxeViolations();
    fireEvent.click(screen.getByRole('button', { name: 'Submit anyway' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url.pathname === '/api/strategies' && c.method === 'POST')).toBe(true),
    );
    await waitFor(() => expect(window.location.hash).toBe('#/s/new'));
  });

  it('when the teacher chooses to keep editing, then the warning goes and focus returns to the title', async () => {
    api([strategy()]);
    render(<StrategyForm token="t" />);
    await fillForm('Thnik pair share');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the menu' }));
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-labelledby')).toBe('similar-q'));
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByText(/This looks like/)).toBeNull();
    expect(document.activeElement?.id).toBe('title');
  });

  it('when nothing is alike, then the strategy is submitted at once', async () => {
    const calls = api([]);
    render(<StrategyForm token="t" />);
    await fillForm('Gallery walk');
    fireEvent.click(screen.getByRole('button', { name: 'Add to the menu' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url.pathname === '/api/strategies' && c.method === 'POST')).toBe(true),
    );
    expect(screen.queryByText(/This looks like/)).toBeNull();
  });
});

describe("the strategy form offers the school's lists", () => {
  it('when the school keeps single grades, then the Grades field offers them and sends what was typed', async () => {
    const calls = stubApi((c) => {
      if (c.url.pathname === '/api/settings/subjects')
        return { body: { subjects: ['Science', 'Math'], grades: ['K', '1', '2', '7', 'Any'] } };
      if (c.url.pathname === '/api/strategies/similar') return { body: { items: [] } };
      if (c.url.pathname === '/api/strategies' && c.method === 'POST')
        return {
          status: 201,
          body: strategy({ id: 'new', gradeBand: '7', status: 'pending', displayStatus: 'pending' }),
        };
      return undefined;
    });
    render(<StrategyForm token="t" />);
    const grades = screen.getByLabelText('Grades') as HTMLInputElement;
    expect(grades.value).toBe('Any');
    const list = () => document.getElementById(grades.getAttribute('list')!);
    await waitFor(() =>
      expect([...list()!.querySelectorAll('option')].map((o) => o.value)).toEqual([
        'K',
        '1',
        '2',
        '7',
        'Any',
      ]),
    );
    const subjects = document.getElementById(screen.getByLabelText('Subject').getAttribute('list')!);
    expect([...subjects!.querySelectorAll('option')].map((o) => o.value)).toEqual(['Science', 'Math']);
    await fillForm('Gallery walk');
    fireEvent.input(grades, { target: { value: 'Grade 7' } });
    await expectNoAxeViolations();
    fireEvent.click(screen.getByRole('button', { name: 'Add to the menu' }));
    await waitFor(() =>
      expect(calls.some((c) => c.url.pathname === '/api/strategies' && c.method === 'POST')).toBe(true),
    );
    const sent = calls.find((c) => c.url.pathname === '/api/strategies' && c.method === 'POST')!.body;
    expect(sent).toMatchObject({ gradeBand: 'Grade 7', subject: 'Any' });
  });
});

describe('editing a stored strategy', () => {
  it('when the stored strategy is still loading, then no field takes typing; once loaded the fields hold it and can be edited', async () => {
    let answer: (() => void) | undefined;
    const loaded = new Promise<void>((r) => {
      answer = r;
    });
    stubApi((c) => (c.url.pathname === '/api/strategies/s1' ? { body: detail() } : undefined));
    const fakeFetch = globalThis.fetch;
    // The stored strategy arrives only when the test says so.
    vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
      if (String(input).includes('/api/strategies/s1')) await loaded;
      return fakeFetch(input, init);
    });
    render(<StrategyForm token="t" editId="s1" />);
    expect(screen.getByRole('status').textContent).toBe('Loading the strategy…');
    expect(screen.queryByLabelText('Title')).toBeNull();
    answer?.();
    const title = (await screen.findByLabelText('Title')) as HTMLInputElement;
    expect(title.value).toBe('Think-Pair-Share');
    fireEvent.input(title, { target: { value: 'Think-Pair-Share, with a timer' } });
    await new Promise((r) => setTimeout(r, 20));
    expect(title.value).toBe('Think-Pair-Share, with a timer');
    await expectNoAxeViolations();
  });
});

describe('the strategy form in Spanish', () => {
  afterEach(() => setLanguage(['en-US']));

  it('when a teacher adds a look-alike in Spanish, then the fields, the question and its choices are in Spanish; axe finds nothing', async () => {
    setLanguage(['es-419']);
    stubApi((c) => {
      if (c.url.pathname === '/api/strategies/similar') return { body: { items: [strategy()] } };
      return undefined;
    });
    render(<StrategyForm token="t" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Añadir una estrategia' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Título'), { target: { value: 'Thnik pair share' } });
    fireEvent.input(screen.getByLabelText('Para qué sirve'), { target: { value: 'Todos hablan.' } });
    fireEvent.input(screen.getByLabelText('Pasos'), { target: { value: 'Pensar\nEn pareja\nCompartir' } });
    fireEvent.input(screen.getByLabelText('Materia'), { target: { value: 'Any' } });
    expect(screen.getByText('De 1 a 15; la mayoría dura 10 o menos.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Añadir al menú' }));
    const question = await screen.findByText(/Se parece a/);
    expect(question.textContent).toBe(
      'Se parece a Think-Pair-Share: ¿prefieres aportar a esa en lugar de crear otra?',
    );
    expect(screen.getByRole('link', { name: 'Think-Pair-Share' }).getAttribute('href')).toBe('#/s/s1');
    expect(screen.getByRole('button', { name: 'Enviar de todos modos' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Seguir editando' })).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('when an edit opens in Spanish, then it says it is loading the strategy in Spanish', async () => {
    setLanguage(['es-419']);
    stubApi((c) => (c.url.pathname === '/api/strategies/s1' ? { body: detail() } : undefined));
    render(<StrategyForm token="t" editId="s1" />);
    expect(screen.getByRole('status').textContent).toBe('Cargando la estrategia…');
    expect(((await screen.findByLabelText('Título')) as HTMLInputElement).value).toBe('Think-Pair-Share');
    expect(screen.getByRole('heading', { level: 1, name: 'Editar la estrategia' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Guardar cambios' })).toBeTruthy();
  });
});

describe('a coach curating one strategy', () => {
  function api(s: StrategyDetail, dups: Strategy[] = []): Call[] {
    return stubApi((c) => {
      if (c.url.pathname === `/api/strategies/${s.id}`) return { body: s };
      if (c.url.pathname === `/api/strategies/${s.id}/duplicates`) return { body: { items: dups } };
      if (c.url.pathname === '/api/doors') return { body: { items: [] } };
      return undefined;
    });
  }

  it('when the strategy is retired, then the coach sees Restore, not Approve or Feature, and can edit it', async () => {
    api(detail({ status: 'retired', displayStatus: 'retired' }));
    render(<StrategyView token="t" id="s1" isCoach personId="p1" />);
    await screen.findByRole('button', { name: 'Restore' });
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Feature' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Edit' }).getAttribute('href')).toBe('#/s/s1/edit');
    await expectNoAxeViolations();
  });

  it('when the strategy waits for review, then Approve is offered and its look-alikes are listed at once', async () => {
    api(detail({ status: 'pending', displayStatus: 'pending' }), [
      strategy({ id: 's9', title: 'Thnik pair share' }),
    ]);
    render(<StrategyView token="t" id="s1" isCoach personId="p1" />);
    await screen.findByRole('button', { name: 'Approve' });
    const list = await screen.findByRole('list', { name: 'Likely duplicates' });
    expect(list.textContent).toContain('Thnik pair share');
    expect(screen.queryByRole('button', { name: 'Restore' })).toBeNull();
    await expectNoAxeViolations();
  });

  it('when a coach edited the contributor’s strategy, then the contributor reads "Edited by a coach"', async () => {
    api(detail({ editedByCoach: { at: '2026-11-20T09:00:00.000Z' } }));
    render(<StrategyView token="t" id="s1" isCoach={false} personId="p2" />);
    expect((await screen.findByTestId('edited-by-coach')).textContent).toMatch(/^Edited by a coach on /);
    // On the menu already: the teacher cannot edit it themselves.
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
  });
});

describe('the review queue in the navigation', () => {
  const coach: Me = {
    person: { id: 'p1', name: 'Dana Kim', role: 'coach' },
    network: { id: 'n1', title: 'Grade 7 Science', scope: 'course' },
    platform: { name: 'Sandbox LMS', issuer: 'http://localhost/sandbox' },
    session: { expiresAt: '2030-01-01T00:00:00.000Z' },
  };

  it('when strategies wait and the menu is empty, then the navigation shows the count and the menu points to the queue', async () => {
    stubApi((c) => {
      if (c.url.pathname === '/api/strategies/review-count') return { body: { pending: 3 } };
      if (c.url.pathname === '/api/strategies') return { body: { items: [], nextCursor: null } };
      return undefined;
    });
    render(<App token="t" load={async () => ({ ok: true, data: coach })} />);
    const link = await screen.findByRole('link', { name: 'Review queue 3 waiting' });
    expect(link.getAttribute('href')).toBe('#/queue');
    const pointer = await screen.findByText(/3 strategies wait for your review/);
    expect(screen.getByRole('link', { name: 'review them' }).getAttribute('href')).toBe('#/queue');
    expect(pointer.textContent).toContain('review them to put them on the menu');
    await expectNoAxeViolations();
  });

  it('when nothing waits, then the link has no count and the empty menu invites a first strategy', async () => {
    stubApi((c) => {
      if (c.url.pathname === '/api/strategies/review-count') return { body: { pending: 0 } };
      if (c.url.pathname === '/api/strategies') return { body: { items: [], nextCursor: null } };
      return undefined;
    });
    render(<App token="t" load={async () => ({ ok: true, data: coach })} />);
    await screen.findByText(/The menu is empty so far/);
    expect(screen.getByRole('link', { name: 'Review queue' })).toBeTruthy();
    expect(screen.queryByText(/wait for your review/)).toBeNull();
  });
});
