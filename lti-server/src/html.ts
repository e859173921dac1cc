import { markedParts } from '../../shared/i18n/marks';

/**
 * Minimal server-rendered pages, for the tool's own (launch refusals, registration, outages: http/) and for the sandbox
 * LMS (sandbox/), which both import them from here rather than from each other. Every interpolated value goes through
 * `esc`. The stylesheet and the auto-post script are served at /static by http/page-assets.ts.
 */
export function esc(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A translated sentence with marks (`<code>…</code>`, `<link>…</link>`), each rendered by `marks`; the rest escaped. */
export function marked(message: string, marks: Record<string, (text: string) => string>): string {
  return markedParts(message)
    .map((part) => {
      const render = part.mark ? marks[part.mark] : undefined;
      return render ? render(part.text) : esc(part.text);
    })
    .join('');
}

/** The pages' one stylesheet, served at /static/page.css (the CSP allows no inline style). */
export const PAGE_CSS = `
:root { color-scheme: light; --ink: #1d2433; --muted: #4a5366; --accent: #0b5cad; --line: #d5dae3; --bg: #f6f7fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
header.bar { background: #23304a; color: #fff; padding: .6rem 1rem; display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }
header.bar a { color: #fff; }
header.bar .brand { font-weight: 700; }
header.bar .sandbox-languages { margin-left: auto; }
header.bar [aria-current="page"] { font-weight: 700; text-decoration: none; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; }
a { color: var(--accent); }
.card { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; margin: 0 0 1rem; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .5rem; border-bottom: 1px solid var(--line); vertical-align: middle; }
.button, button { display: inline-block; background: var(--accent); color: #fff; border: 0; border-radius: .4rem; padding: .45rem .9rem; font: inherit; cursor: pointer; text-decoration: none; }
.button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
code { background: #eef1f6; padding: 0 .25rem; border-radius: .25rem; }
iframe.tool-frame { width: 100%; height: 75vh; border: 1px solid var(--line); border-radius: .5rem; background: #fff; }
`;

export function page(
  title: string,
  body: string,
  options: { head?: string; bar?: string; lang?: string } = {},
): string {
  return `<!doctype html>
<html lang="${esc(options.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="icon" href="/icon.svg">
<link rel="stylesheet" href="/static/page.css">
${options.head ?? ''}
</head>
<body>
${options.bar ?? ''}
<main>
${body}
</main>
</body>
</html>`;
}

/** Submits the form of `autoPostForm`; served at /static/autopost.js (the CSP allows no inline script). */
export const AUTOPOST_SCRIPT = "document.getElementById('autopost').submit();\n";

/**
 * An HTML form that submits itself (the OIDC and LTI form-post steps), with a button when scripts are off; `lang` and
 * `continueLabel` when the page is not in English.
 */
export function autoPostForm(
  title: string,
  action: string,
  fields: Record<string, string>,
  options: { target?: string; lang?: string; continueLabel?: string } = {},
): string {
  const { target, lang, continueLabel = 'Continue' } = options;
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`)
    .join('\n');
  return page(
    title,
    `<h1>${esc(title)}</h1>
<form id="autopost" method="post" action="${esc(action)}"${target ? ` target="${esc(target)}"` : ''}>
${inputs}
<noscript><button type="submit">${esc(continueLabel)}</button></noscript>
</form>
<script src="/static/autopost.js"></script>`,
    lang ? { lang } : {},
  );
}
