import { describe, expect, it } from 'vitest';
import { MeSchema } from '../../shared/api';
import { apiClient } from '../support/server/api-client';
import { sandboxLaunch } from '../support/server/form-browser';
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
});
