import { describe, expect, it } from 'vitest';
import { sandboxLaunch } from '../support/server/form-browser';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

let server: TestServer;
useTestServer({}, (s) => {
  server = s;
});

async function html(path: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${server.url}${path}`, { headers });
  expect(res.status).toBe(200);
  return res.text();
}

/** The href of the link whose aria-label is `label`, unescaped. */
function hrefOf(page: string, label: string): string {
  const link = [...page.matchAll(/<a [^>]*href="([^"]*)"[^>]*aria-label="([^"]*)"/g)].find(
    (m) => m[2] === label,
  );
  if (!link?.[1]) throw new Error(`no link labelled ${label}`);
  return link[1].replaceAll('&amp;', '&');
}

describe('the sandbox LMS in the visitor’s language', () => {
  it('when a browser prefers Spanish, then the courses page is in Spanish; without it, in English as before', async () => {
    const spanish = await html('/sandbox', { 'accept-language': 'es-419,es;q=0.9' });
    expect(spanish).toContain('<html lang="es">');
    expect(spanish).toContain('<h1>Tus cursos</h1>');
    expect(spanish).toContain('LMS de práctica');
    const english = await html('/sandbox', { 'accept-language': 'en-US' });
    expect(english).toContain('<html lang="en">');
    expect(english).toContain('<h1>Your courses</h1>');
  });

  it('when ?lang=es is chosen, then the course page is Spanish, its links keep the choice and its launch buttons still launch', async () => {
    const course = await html('/sandbox/courses/sandbox-course-7sci?lang=es', { 'accept-language': 'en-US' });
    expect(course).toContain('<html lang="es">');
    expect(course).toContain('Abrir Tasting Menu como…');
    expect(course).toContain('href="/sandbox?lang=es"');
    // The "Launch" button, labelled in Spanish, opens the LMS page that frames the tool's launch.
    const launch = await html(hrefOf(course, 'Abrir Tasting Menu como Ana Rivera'), {
      'accept-language': 'en-US',
    });
    expect(launch).toContain('<html lang="es">');
    expect(launch).toContain('como Ana Rivera');
    expect(launch).toMatch(
      /<iframe name="tool" title="Tasting Menu" class="tool-frame" src="\/sandbox\/courses\/sandbox-course-7sci\/initiate\?user=sandbox-ana-rivera"/,
    );
    // English speakers see and follow the same buttons by their English names.
    const english = await html('/sandbox/courses/sandbox-course-7sci', { 'accept-language': 'en-US' });
    expect(hrefOf(english, 'Launch Tasting Menu as Ana Rivera')).toBe(
      '/sandbox/courses/sandbox-course-7sci/launch?user=sandbox-ana-rivera',
    );
  });

  it('when a person launches with the "En español" button (locale es-419), then the LMS page is Spanish and the launch still signs them in', async () => {
    const course = await html('/sandbox/courses/sandbox-course-7sci');
    const button = hrefOf(course, 'Abrir Tasting Menu como Ana Rivera en español (locale es-419)');
    expect(button).toBe('/sandbox/courses/sandbox-course-7sci/launch?user=sandbox-ana-rivera&locale=es-419');
    const page = await html(button);
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Volver al curso');
    const result = await sandboxLaunch(server.url, 'sandbox-ana-rivera', 'sandbox-course-7sci', {
      locale: 'es-419',
    });
    expect(result.token).toBeTruthy();
  });
});
