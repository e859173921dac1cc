import { describe, expect, it } from 'vitest';
import { registrationLink } from '../../lti-server/src/sandbox/routes';
import { startFakeLms } from '../support/server/fake-lms';
import {
  inviteCode,
  registerThroughPage,
  registrationFormOf,
  registrationLinkFor,
} from '../support/server/registration';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

/**
 * The dynamic registration page an LMS administrator sees (issue #18): in the browser's language, or the one chosen
 * with `?lang=`, like the sandbox's pages. The LMS's own words (its address, name, client id) stay as sent.
 */
let server: TestServer;
useTestServer({}, (s) => {
  server = s;
});

const spanish = { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' };

describe('the registration page in the administrator’s language', () => {
  it('when the browser prefers Spanish, then the page, its code field and its refusal of a wrong code are in Spanish', async () => {
    const lms = await startFakeLms('spanish-client', 'spanish-deployment');
    try {
      const link = registrationLinkFor(server, lms.configurationUrl);
      const res = await fetch(link, { headers: { ...spanish, 'x-forwarded-for': '203.0.113.1' } });
      const html = await res.text();
      expect(res.status, html).toBe(200);
      expect(html).toContain('<html lang="es">');
      expect(html).toContain('<title>Registrar Tasting Menu</title>');
      expect(html).toContain('<h1>Registrar Tasting Menu en tu LMS</h1>');
      expect(html).toContain(`Esto agrega el LMS de <strong>${lms.origin}</strong>`);
      expect(html).toContain('<label for="code">Código de registro</label>');
      expect(html).toContain('<code>npm run platform -- invite</code>. Sirve una sola vez.');
      expect(html).toContain('<button type="submit">Registrar</button>');
      expect(html).not.toMatch(/Register Tasting Menu|Registration code|This adds the LMS/);

      const refused = await registerThroughPage(link, 'AAAA-BBBB-CCCC-DDDD', '203.0.113.1', spanish);
      expect(refused.status).toBe(401);
      expect(refused.html).toContain('<html lang="es">');
      expect(refused.html).toContain('Este código de registro no es válido');
      expect(registrationFormOf(refused.html)?.asksForCode).toBe(true);
      expect(lms.seen).toEqual([]);
    } finally {
      await lms.close();
    }
  });

  it('when a Spanish-speaking administrator registers, then the answer is Spanish; an LMS that is missing is said in Spanish too', async () => {
    const done = await registerThroughPage(
      registrationLink(server.sandbox!),
      await inviteCode(server),
      '203.0.113.2',
      spanish,
    );
    expect(done.status, done.html).toBe(200);
    expect(done.html).toContain('<h1>Tasting Menu quedó registrado</h1>');
    expect(done.html).toContain('sus implementaciones se registran en su primer inicio');
    expect(done.html).toContain('Ya puedes cerrar esta ventana.');

    const missing = await fetch(`${server.url}/lti/register`, { headers: spanish });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('<h1>El registro necesita un LMS</h1>');
  });

  it('when ?lang=es is chosen, then it wins over an English browser and the form keeps it; English stays as before', async () => {
    const lms = await startFakeLms('lang-client', 'lang-deployment');
    try {
      const link = registrationLinkFor(server, lms.configurationUrl);
      const chosen = await (
        await fetch(`${link}&lang=es`, {
          headers: { 'accept-language': 'en-US', 'x-forwarded-for': '203.0.113.3' },
        })
      ).text();
      expect(chosen).toContain('<html lang="es">');
      expect(registrationFormOf(chosen)?.action).toBe(`${server.url}/lti/register?lang=es`);

      const english = await (
        await fetch(link, { headers: { 'accept-language': 'en-US', 'x-forwarded-for': '203.0.113.3' } })
      ).text();
      expect(english).toContain('<html lang="en">');
      expect(english).toContain('<h1>Register Tasting Menu with your LMS</h1>');
      expect(registrationFormOf(english)?.action).toBe(`${server.url}/lti/register`);
    } finally {
      await lms.close();
    }
  });
});
