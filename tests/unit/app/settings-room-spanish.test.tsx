import 'fake-indexeddb/auto';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../../lti-server/app/src/memory-storage';
import { RoomApp } from '../../../lti-server/app/src/room/room-app';
import { RoomDoor } from '../../../lti-server/app/src/room/room-door';
import { RoomDb, roomOutbox } from '../../../lti-server/app/src/room/room-outbox';
import { keepRoomSession } from '../../../lti-server/app/src/room/room-session';
import { DoorForm } from '../../../lti-server/app/src/views/door-form';
import { SettingsView } from '../../../lti-server/app/src/views/settings-view';
import { SignView } from '../../../lti-server/app/src/views/sign-view';
import type { Me } from '../../../shared/api';
import { type AppError, parseAt, toErrorBody } from '../../../shared/errors';
import { currentLanguage, setLanguage } from '../../../shared/i18n';
import type { SchoolDay } from '../../../shared/school-day';
import { DEFAULT_TENANT_SETTINGS, TenantSettingsSchema } from '../../../shared/settings';
import { expectNoAxeViolations } from './axe';
import { door, strategy, stubApi, visit } from './fake-api';

const SCHOOL_DAY: SchoolDay = {
  timeZone: 'America/Chicago',
  periods: [
    { name: 'Period 1', weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '08:50' },
  ],
};

const me = (person: Partial<Me['person']> = {}): Me => ({
  person: { id: 'p1', name: 'Ana Rivera', role: 'teacher', ...person },
  network: { id: 'n1', title: 'Grade 7 Science', scope: 'course' },
  platform: { name: 'Sandbox LMS', issuer: 'http://localhost/sandbox' },
  session: { expiresAt: '2030-01-01T00:00:00.000Z' },
});

beforeEach(() => {
  window.location.hash = '';
});
afterEach(() => {
  vi.unstubAllGlobals();
  setLanguage(['en-US']);
  document.documentElement.lang = 'en';
});

describe('settings and the school day in Spanish', () => {
  it('when a coach reads Settings in Spanish, then its sections, roles, bell schedule and weekdays are in Spanish; axe finds nothing', async () => {
    setLanguage(['es-419']);
    stubApi((c) => {
      if (c.url.pathname === '/api/settings')
        return { body: { ...DEFAULT_TENANT_SETTINGS, schoolDay: SCHOOL_DAY } };
      if (c.url.pathname === '/api/settings/platform')
        return {
          body: {
            name: 'Sandbox LMS',
            schoolName: null,
            issuer: 'https://lms.test',
            clientId: 'c1',
            deploymentId: 'd1',
            deploymentRecorded: 'first-launch',
            registeredSince: '2026-01-01T00:00:00.000Z',
          },
        };
      return undefined;
    });
    render(<SettingsView token="t" />);
    await screen.findByRole('heading', { name: 'Configuración' });
    expect(screen.getByRole('group', { name: '¿De quién es el menú?' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Diseñador del curso' })).toHaveProperty('checked', true);
    expect(screen.getByRole('group', { name: 'La jornada escolar' })).toBeTruthy();
    expect((screen.getByLabelText('La zona horaria de la escuela') as HTMLInputElement).value).toBe(
      'America/Chicago',
    );
    const period = screen.getByRole('group', { name: 'Period 1' });
    expect(within(period).getByLabelText('Empieza')).toBeTruthy();
    // Weekdays through Intl: "lun" with "lunes" as its title.
    const monday = within(period).getByLabelText('lun');
    expect(monday).toHaveProperty('checked', true);
    expect(within(period).getByText('lun').getAttribute('title')).toBe('lunes');
    expect(within(period).getByRole('button', { name: 'Quitar Period 1' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Añadir un período' }));
    // A new period is named in the coach's language.
    await screen.findByRole('group', { name: 'Período 2' });
    await screen.findByRole('heading', { name: 'El registro de tu LMS' });
    expect(screen.getByText('(registrada en su primer inicio)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Guardar la configuración' })).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('when a coach in Spanish saves two periods that overlap, then the server says so in Spanish under the later one', async () => {
    setLanguage(['es-419']);
    const bells: SchoolDay = {
      timeZone: 'America/Chicago',
      periods: [
        { name: 'Primera hora', weekdays: ['mon', 'tue'], start: '08:00', end: '08:50' },
        { name: 'Tutoría', weekdays: ['wed'], start: '08:30', end: '09:00' },
      ],
    };
    // The server's own check and answer, in the asker's language.
    stubApi((c) => {
      if (c.url.pathname !== '/api/settings') return undefined;
      if (c.method === 'GET') return { body: { ...DEFAULT_TENANT_SETTINGS, schoolDay: bells } };
      try {
        return { body: parseAt('errors.source.settings', TenantSettingsSchema, c.body) };
      } catch (error) {
        return { status: 400, body: toErrorBody(error as AppError, 'es') };
      }
    });
    render(<SettingsView token="t" />);
    const later = await screen.findByRole('group', { name: 'Tutoría' });
    // Tuesday too: it now overlaps the first hour on Tuesdays.
    fireEvent.click(within(later).getByLabelText('mar'));
    fireEvent.click(screen.getByRole('button', { name: 'Guardar la configuración' }));
    const said = await within(later).findByText(/se superpone con/, { selector: '.error' });
    // Intl may write a narrow no-break space; the words are compared with plain spaces.
    expect(said.textContent?.replace(/\s/g, ' ')).toBe(
      'Tutoría (mar 8:30–9:00) se superpone con Primera hora (mar 8:00–8:50)',
    );
    expect(later.getAttribute('aria-describedby')).toBe(said.id);
    await expectNoAxeViolations();
  });

  it('when a host opens a door in Spanish, then the periods, the time zone and the outside-the-school-day notice are in Spanish', async () => {
    setLanguage(['es-419']);
    stubApi((c) => {
      if (c.url.pathname === '/api/school-day') return { body: SCHOOL_DAY };
      if (c.method === 'GET')
        return {
          body: {
            items: [strategy()],
            nextCursor: null,
          },
        };
      return undefined;
    });
    render(<DoorForm token="t" zone="America/Chicago" strategyId="s1" />);
    const period = (await screen.findByLabelText('Período')) as HTMLSelectElement;
    fireEvent.input(screen.getByLabelText('Fecha'), { target: { value: '2026-03-10' } });
    expect([...period.options].map((o) => o.text)).toEqual(['Tiempo libre', 'Period 1, mar 08:00–08:50']);
    expect(screen.getByText(/^El horario de timbres del martes, con el reloj de la escuela/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Fecha'), { target: { value: '2026-03-14' } });
    fireEvent.input(screen.getByLabelText('Hora de inicio'), { target: { value: '10:00' } });
    expect(screen.getByRole('status').textContent).toBe(
      'Según el horario de timbres, el sábado no es día de clases. Se te pedirá que lo confirmes.',
    );
    fireEvent.input(screen.getByLabelText('Zona horaria'), { target: { value: 'chicago' } });
    expect(screen.getByText('Elige una zona horaria de la lista, p. ej. America/Mexico_City.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Usar la zona de la escuela (America/Chicago)' })).toBeTruthy();
    await expectNoAxeViolations();
  });
});

describe('the door sign and the room note mode for a Spanish-speaking person', () => {
  it('when a host in Spanish opens the door sign, then the sign and its page are in Spanish, with the date written the Spanish way', async () => {
    setLanguage(['es-419']);
    stubApi((c) => (c.url.pathname === '/api/doors/d1' ? { body: door() } : undefined));
    render(<SignView token="t" doorId="d1" />);
    await screen.findByRole('heading', { name: 'Cartel de la puerta' });
    const sign = await screen.findByRole('article', { name: 'El cartel de la puerta' });
    expect(within(sign).getByText('Pasa: estoy trabajando en')).toBeTruthy();
    expect(within(sign).getByText(/^martes, 3 de marzo · /).textContent).toContain('Room 12');
    expect(within(sign).getByText('Fíjate en:')).toBeTruthy();
    expect(within(sign).getByText(/^Escanea para escribir notas en el aula\./)).toBeTruthy();
    await within(sign).findByRole('img', { name: /^Código QR: abre el modo de notas de esta puerta, http/ });
    expect(screen.getByRole('button', { name: 'Imprimir el cartel' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '← Puertas abiertas' })).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('when the phone of a person whose LMS speaks Spanish opens the room page, then it is in Spanish though the browser is English, and stays so offline', async () => {
    expect(navigator.language).toMatch(/^en/);
    const storage = memoryStorage();
    keepRoomSession(storage, { token: 'room-token', expiresAt: '2099-01-01T00:00:00.000Z' });
    stubApi((c) => {
      if (c.url.pathname === '/api/me') return { body: me({ locale: 'es-419' }) };
      if (c.url.pathname === '/api/visits')
        return {
          body: {
            items: [
              visit({
                door: door({
                  startsAt: new Date(Date.now() + 60 * 60_000).toISOString(),
                  endsAt: new Date(Date.now() + 70 * 60_000).toISOString(),
                }),
              }),
            ],
            nextCursor: null,
          },
        };
      return undefined;
    });
    const outbox = roomOutbox(new RoomDb(`room-es-${crypto.randomUUID()}`));
    const first = render(<RoomApp storage={storage} outbox={outbox} />);
    await screen.findByRole('heading', { name: 'Iniciaste sesión' });
    expect(screen.getByRole('button', { name: 'Cerrar sesión' })).toBeTruthy();
    expect(screen.getByText('Tasting Menu · en el aula')).toBeTruthy();
    await screen.findByRole('link', { name: /^Turn and talk/ });
    expect(document.documentElement.lang).toBe('es-419');
    expect(document.title).toBe('Tasting Menu · En el aula');
    await expectNoAxeViolations();
    first.unmount();

    // The page opens again without a connection: the phone remembers the person's language.
    setLanguage(['en-US']);
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    render(<RoomApp storage={storage} outbox={outbox} />);
    await screen.findByRole('heading', { name: 'Iniciaste sesión' });
    expect(currentLanguage()).toBe('es');
  });

  it('when a Spanish-speaking visitor scans a door sign, then the door, its seats and the join button are in Spanish', async () => {
    setLanguage(['es-MX']);
    const soon = Date.now() + 30 * 60_000;
    stubApi((c) =>
      c.url.pathname === '/api/doors/d1'
        ? {
            body: door({
              seatsLeft: 1,
              startsAt: new Date(soon).toISOString(),
              endsAt: new Date(soon + 10 * 60_000).toISOString(),
            }),
          }
        : undefined,
    );
    render(<RoomDoor token="t" doorId="d1" onVisit={() => {}} />);
    await screen.findByRole('heading', { name: 'Turn and talk' });
    expect(screen.getByText(/ · Room 12 · anfitrión: Ben Okafor$/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Unirme y escribir notas' })).toBeTruthy();
    expect(screen.getByText('Ocupa el único lugar que queda, como lo haría una reserva.')).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('when nobody is signed in on a Spanish phone, then the sign-in steps are in Spanish', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['es-419', 'es']);
    stubApi(() => undefined);
    render(
      <RoomApp storage={memoryStorage()} outbox={roomOutbox(new RoomDb(`room-es-${crypto.randomUUID()}`))} />,
    );
    await screen.findByRole('heading', { name: 'Primero inicia sesión' });
    expect(screen.getByText('Usar mi teléfono en el aula').tagName).toBe('STRONG');
    await expectNoAxeViolations();
    vi.restoreAllMocks();
  });
});
