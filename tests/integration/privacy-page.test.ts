import { describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server/test-server';
import { useTestServer } from '../support/server/use-test-server';

/**
 * The privacy page (issue #18) speaks the reader's language like the other server pages: `?lang=en|es`, then the
 * browser's Accept-Language, US English otherwise. It is public: no session, no launch.
 */
let server: TestServer;

useTestServer({}, (s) => {
  server = s;
});

const ENGLISH_HEADING = '<h1>Privacy: what Tasting Menu stores, for how long, and who can read it</h1>';
const SPANISH_HEADING =
  '<h1>Privacidad: qué guarda Tasting Menu, durante cuánto tiempo y quién puede leerlo</h1>';

async function privacy(query = '', headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/privacy${query}`, { headers });
  return { res, html: await res.text() };
}

function expectSpanish(html: string) {
  expect(html).toContain('<html lang="es">');
  expect(html).toContain('<title>Privacidad · Tasting Menu</title>');
  expect(html).toContain(SPANISH_HEADING);
  expect(html).toContain('<h2>La extensión del navegador</h2>');
  expect(html).toContain('<th scope="col">quién puede leerlo</th>');
  expect(html).toContain('<strong>solo el docente visitado y quien la escribió</strong>');
  expect(html).toContain('<strong>los estudiantes se quitan de la lista antes de guardar nada</strong>');
  expect(html).toContain('(<code>/calendar/[redacted].ics</code>)');
  expect(html).not.toMatch(/Privacy: what|The browser extension|who can read it|the visited teacher/);
}

function expectEnglish(html: string) {
  expect(html).toContain('<html lang="en">');
  expect(html).toContain('<title>Privacy · Tasting Menu</title>');
  expect(html).toContain(ENGLISH_HEADING);
  expect(html).toContain('<strong>the visited teacher and the writer only</strong>');
  expect(html).not.toMatch(/Privacidad:|La extensión del navegador|quién puede leerlo/);
}

describe('the privacy page', () => {
  it('when anyone opens /privacy, then it is a page with its tables, no session and no script', async () => {
    const { res, html } = await privacy();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('vary')).toMatch(/Accept-Language/i);
    expect(html).toContain('<table>');
    expect(html.match(/<table>/g)).toHaveLength(2);
    expect(html).not.toMatch(/<script|style=/i);
  });

  it('when the browser asks for no language or another one, then it is in US English', async () => {
    expectEnglish((await privacy()).html);
    expectEnglish((await privacy('', { 'accept-language': 'de-DE,fr;q=0.8' })).html);
    expectEnglish((await privacy('', { 'accept-language': 'en-US,en;q=0.9,es;q=0.5' })).html);
  });

  it('when the browser prefers Spanish, then the whole page is in Spanish', async () => {
    const { res, html } = await privacy('', { 'accept-language': 'es-MX,es;q=0.9,en;q=0.5' });
    expect(res.status).toBe(200);
    expectSpanish(html);
    expectSpanish((await privacy('', { 'accept-language': 'es' })).html);
  });

  it('when ?lang=es is asked for, then it is in Spanish whatever the browser says, and ?lang=en in English', async () => {
    expectSpanish((await privacy('?lang=es')).html);
    expectSpanish((await privacy('?lang=es', { 'accept-language': 'en-US' })).html);
    expectEnglish((await privacy('?lang=en', { 'accept-language': 'es' })).html);
  });

  it('when the page is read, then it links to itself in each language and marks the current one', async () => {
    const { html } = await privacy('?lang=es');
    expect(html).toContain('<nav aria-label="Idioma">');
    expect(html).toContain('<a href="/privacy?lang=en" lang="en">English</a>');
    expect(html).toContain('<a href="/privacy?lang=es" lang="es" aria-current="page">Español</a>');
  });
});
