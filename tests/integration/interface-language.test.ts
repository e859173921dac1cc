import { describe, expect, it } from 'vitest';
import { MeSchema } from '../../shared/api';
import { apiClient } from '../support/server/api-client';
import { daysFromNow } from '../support/server/colleagues';
import { sandboxLaunch } from '../support/server/form-browser';
import { approvedStrategy } from '../support/server/menu';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
useTestServer({}, (s) => {
  server = s;
});

async function launch(user: string, locale?: string) {
  const result = await sandboxLaunch(server.url, user, 'sandbox-course-7sci', locale ? { locale } : {});
  if (!result.token) throw new Error(`launch failed at ${result.url}`);
  return apiClient(server, result.token);
}

describe('the interface language', () => {
  it('when the sandbox LMS launches with locale es-419, then /api/me carries that locale and no choice yet', async () => {
    const ana = await launch('sandbox-ana-rivera', 'es-419');
    const me = MeSchema.parse((await ana.get('/api/me')).body);
    expect(me.person.locale).toBe('es-419');
    expect(me.person.language).toBeUndefined();
  });

  it('when a person chooses English, then it is remembered across launches that still say es-419', async () => {
    const ana = await launch('sandbox-ana-rivera', 'es-419');
    const saved = await ana.put('/api/me/language', { language: 'en' });
    expect(saved.status).toBe(200);
    expect(MeSchema.parse(saved.body).person.language).toBe('en');
    const again = await launch('sandbox-ana-rivera', 'es-419');
    const me = MeSchema.parse((await again.get('/api/me')).body);
    expect(me.person).toMatchObject({ language: 'en', locale: 'es-419' });
    // A colleague's choice is theirs: Dana has chosen nothing.
    const dana = await launch('sandbox-dana-kim', 'es-419');
    expect(MeSchema.parse((await dana.get('/api/me')).body).person.language).toBeUndefined();
    // Null goes back to following the LMS and the browser.
    const cleared = await again.put('/api/me/language', { language: null });
    expect(MeSchema.parse(cleared.body).person.language).toBeUndefined();
    expect(MeSchema.parse((await again.get('/api/me')).body).person.language).toBeUndefined();
  });

  it('when the choice is a language the app does not have, then it is refused with a field error', async () => {
    const ana = await launch('sandbox-ana-rivera');
    const refused = await ana.put<{ error: { code: string; fields?: Array<{ path: string }> } }>(
      '/api/me/language',
      { language: 'fr' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    expect(refused.body.error.fields?.map((f) => f.path)).toEqual(['language']);
  });

  it('when the menu is exported for a person whose LMS says es-419, then the CSV headers are in Spanish; in English otherwise', async () => {
    const dana = await launch('sandbox-dana-kim', 'es-419');
    const spanish = await dana.get<string>('/api/strategies/export.csv');
    expect(spanish.status).toBe(200);
    expect(spanish.body.split('\r\n')[0]).toBe(
      'título,propósito,pasos,minutos,materia,grados,etiquetas,fuente,ofrecida por,estado',
    );
    await dana.put('/api/me/language', { language: 'en' });
    const english = await dana.get<string>('/api/strategies/export.csv');
    expect(english.body.split('\r\n')[0]).toBe(
      'title,purpose,steps,minutes,subject,grade band,tags,source,offered by,status',
    );
    await dana.put('/api/me/language', { language: null });
  });

  it('when a person who chose Spanish downloads an open door as .ics, then its texts are in Spanish', async () => {
    const ana = await launch('sandbox-ana-rivera');
    const dana = await launch('sandbox-dana-kim');
    await ana.put('/api/me/language', { language: 'es' });
    const strategyId = await approvedStrategy(ana, dana, { title: 'Think-pair-share' });
    const door = await ana.post('/api/doors', {
      strategyId,
      date: daysFromNow(3),
      start: '09:00',
      timeZone: 'UTC',
      location: 'Room 4',
      lookFor: 'Partners',
    });
    expect(door.status).toBe(201);
    const ics = await ana.get<string>(`/api/doors/${door.body.items[0].id}/ics`);
    expect(ics.status).toBe(200);
    const unfolded = ics.body.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain('SUMMARY:Puerta abierta — Think-pair-share');
    expect(unfolded).toContain('DESCRIPTION:0 de 4 lugares reservados.\\nFíjate en: Partners');
    await ana.put('/api/me/language', { language: null });
  });

  it('when a student launches from an LMS set to es-419, then the refusal page is in Spanish', async () => {
    const result = await sandboxLaunch(server.url, 'sandbox-sam-student', 'sandbox-course-7sci', {
      locale: 'es-419',
    });
    expect(result.token).toBeUndefined();
    expect(result.html).toContain('<html lang="es">');
    expect(result.html).toContain('Tasting Menu es para docentes');
  });

  it('when a broken launch arrives from a browser that prefers Spanish, then the refusal page is in Spanish with its reason code', async () => {
    const res = await fetch(`${server.url}/lti/launch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'accept-language': 'es-MX,es;q=0.9,en;q=0.5',
      },
      body: new URLSearchParams({ id_token: 'not-a-token', state: 'x' }).toString(),
    });
    const html = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('Tasting Menu no pudo abrirse');
    expect(html).toMatch(/Código del motivo: <code data-reason>[A-Z_]+<\/code>/);
  });
});
