import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../lti-server/app/src/App';
import type { FinishedRoundPictures } from '../../../lti-server/app/src/api';
import { GroupClock } from '../../../lti-server/app/src/components/round/group-clock';
import type { LanguageChoice, Me } from '../../../shared/api';
import { currentLocale, setLanguage } from '../../../shared/i18n';
import { expectNoAxeViolations } from './axe';

const me = (person: Partial<Me['person']> = {}): Me => ({
  person: { id: 'p1', name: 'Ana Rivera', role: 'teacher', ...person },
  network: { id: 'n1', title: 'Grade 7 Science', scope: 'course' },
  platform: { name: 'Sandbox LMS', issuer: 'http://localhost/sandbox' },
  session: { expiresAt: '2030-01-01T00:00:00.000Z' },
});

beforeEach(() => {
  window.location.hash = '';
  vi.stubGlobal(
    'fetch',
    async () =>
      new Response(JSON.stringify({ items: [], nextCursor: null }), {
        headers: { 'content-type': 'application/json' },
      }),
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  setLanguage(['en-US']);
});

describe('the interface language', () => {
  it('when the LMS launch says es-419, then the shell is in Spanish, the page says so, and axe finds nothing', async () => {
    render(<App token="t" load={async () => ({ ok: true, data: me({ locale: 'es-419' }) })} />);
    await waitFor(() => expect(screen.getByRole('link', { name: 'Puertas abiertas' })).toBeTruthy());
    expect(screen.getByText(/Ana Rivera/).textContent).toContain('Docente');
    expect(document.documentElement.lang).toBe('es-419');
    expect(currentLocale()).toBe('es-419');
    expect((screen.getByLabelText('Idioma') as HTMLSelectElement).value).toBe('es');
    await expectNoAxeViolations();
  });

  it('when the person chose English, then their choice wins over the LMS locale', async () => {
    render(
      <App token="t" load={async () => ({ ok: true, data: me({ locale: 'es-MX', language: 'en' }) })} />,
    );
    await waitFor(() => expect(screen.getByRole('link', { name: 'Open doors' })).toBeTruthy());
    expect(document.documentElement.lang).toMatch(/^en/);
  });

  it('when the person switches to Spanish, then the app changes at once and their choice is saved', async () => {
    const saved: LanguageChoice[] = [];
    render(
      <App
        token="t"
        load={async () => ({ ok: true, data: me({ locale: 'en-US' }) })}
        saveLanguage={async (_token, choice) => {
          saved.push(choice);
          return { ok: true, data: me({ language: 'es' }) };
        }}
      />,
    );
    await waitFor(() => expect(screen.getByRole('link', { name: 'Open doors' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'es' } });
    await waitFor(() => expect(screen.getByRole('link', { name: 'Puertas abiertas' })).toBeTruthy());
    expect(saved).toEqual([{ language: 'es' }]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('when a teacher in Spanish opens the school picture, then finished rounds, words and their notice are in Spanish', async () => {
    const pictures: FinishedRoundPictures = {
      minVisits: 3,
      minHosts: 3,
      items: [
        {
          id: 'r1',
          title: 'Ronda del jueves',
          date: '2026-03-12',
          focus: { kind: 'tag', value: 'discusión' },
          patterns: [{ name: 'Se apoyan en las ideas de otros', cards: 2 }],
          prediction: null,
          nextLevel: null,
          evidence: [
            { theme: 'student-talk', label: 'Students explain, discuss or argue out loud', share: 'most' },
          ],
        },
        {
          id: 'r2',
          title: 'Ronda pequeña',
          date: '2026-03-19',
          focus: { kind: 'problem', value: 'Preguntas abiertas' },
          patterns: [],
          prediction: null,
          nextLevel: null,
          evidence: null,
        },
      ],
    };
    const notices = {
      items: [
        {
          id: 'hn1',
          kind: 'picture_fed',
          round: { id: 'r1', title: 'Ronda del jueves' },
          createdAt: '2026-03-13T10:00:00.000Z',
        },
      ],
    };
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      const path = new URL(String(input), 'http://localhost').pathname;
      const body =
        path === '/api/picture/rounds'
          ? pictures
          : path === '/api/host-notices'
            ? notices
            : { items: [], nextCursor: null };
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    });
    window.location.hash = '#/picture';
    render(<App token="t" load={async () => ({ ok: true, data: me({ locale: 'es-419' }) })} />);
    await screen.findByRole('heading', { level: 1, name: 'Panorama de la escuela' });
    const table = await screen.findByRole('table', { name: 'Patrones de evidencia en Ronda del jueves' });
    expect(table.textContent).toContain('Los estudiantes explican, debaten o argumentan en voz alta');
    expect(table.textContent).toContain('la mayoría');
    expect(screen.getByText('Problema de práctica: Preguntas abiertas')).toBeTruthy();
    expect(screen.getByText('Se apoyan en las ideas de otros (2 tarjetas)')).toBeTruthy();
    expect(
      screen.getByText('Hay muy pocas visitas o aulas en esta ronda para mostrar patrones de evidencia.'),
    ).toBeTruthy();
    const notice = await screen.findByRole('region', { name: 'Tu aula en el panorama de la escuela' });
    expect(
      within(notice).getByRole('button', { name: 'Descartar el aviso sobre Ronda del jueves' }),
    ).toBeTruthy();
    await expectNoAxeViolations();
    window.location.hash = '';
  });

  it('when the interface is in Spanish, then the group clock says the minutes left, the next room and the end in Spanish', async () => {
    setLanguage(['es-419']);
    const stops = [
      {
        startsAt: '2026-03-12T15:00:00.000Z',
        endsAt: '2026-03-12T15:10:00.000Z',
        location: 'Aula 101',
        host: 'Gus Hale',
      },
      {
        startsAt: '2026-03-12T15:15:00.000Z',
        endsAt: '2026-03-12T15:25:00.000Z',
        location: 'Aula 204',
        host: 'Ida Wong',
      },
    ];
    const { unmount } = render(
      <GroupClock stops={stops} zone="UTC" now={() => new Date('2026-03-12T15:03:00.000Z')} />,
    );
    expect(screen.getByRole('heading', { name: 'Reloj del grupo' })).toBeTruthy();
    expect(screen.getByRole('timer').textContent).toContain('7 minutos restantes en Aula 101 (Gus Hale)');
    expect(screen.getByRole('timer').textContent).toMatch(/Siguiente: Aula 204 \(Ida Wong\) a las 3:15/);
    await expectNoAxeViolations();
    unmount();
    render(<GroupClock stops={stops} zone="UTC" now={() => new Date('2026-03-12T15:30:00.000Z')} />);
    expect(screen.getByRole('timer').textContent).toBe(
      'El grupo ha visitado todas las aulas. Es hora de la reflexión.',
    );
  });

  it('when saving the choice fails, then the new language still shows and the switch says it was not saved', async () => {
    render(
      <App
        token="t"
        load={async () => ({ ok: true, data: me() })}
        saveLanguage={async () => ({ ok: false, code: 'NETWORK', message: 'offline' })}
      />,
    );
    await waitFor(() => expect(screen.getByRole('link', { name: 'Open doors' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'es' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('No se pudo guardar'));
    expect(screen.getByRole('link', { name: 'Puertas abiertas' })).toBeTruthy();
  });
});
