import express, { type Request, type Router } from 'express';
import {
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  type MessageKey,
  type Translate,
  translator,
} from '../../../shared/i18n';
import { esc, marked, page } from '../html';
import { pageLanguage } from './request-language';

/** A table row: one message per column. */
type Row = readonly MessageKey[];

const EXTENSION_COLUMNS: Row = ['privacy.column.what', 'privacy.column.where', 'privacy.column.how-long'];
const EXTENSION_ROWS: readonly Row[] = [
  [
    'privacy.extension.settings.what',
    'privacy.extension.storage-local',
    'privacy.extension.settings.how-long',
  ],
  ['privacy.extension.pairing.what', 'privacy.extension.storage-local', 'privacy.extension.pairing.how-long'],
  ['privacy.extension.clips.what', 'privacy.extension.clips.where', 'privacy.extension.clips.how-long'],
  ['privacy.extension.draft.what', 'privacy.extension.draft.where', 'privacy.extension.draft.how-long'],
];
const EXTENSION_READS: readonly MessageKey[] = [
  'privacy.extension.reads.when',
  'privacy.extension.reads.what',
  'privacy.extension.reads.sent',
  'privacy.extension.reads.asks',
];
const TOOL_COLUMNS: Row = ['privacy.column.what', 'privacy.column.how-long', 'privacy.column.who'];
const TOOL_ROWS: readonly Row[] = [
  ['privacy.tool.people.what', 'privacy.tool.while-used', 'privacy.tool.people.who'],
  ['privacy.tool.sessions.what', 'privacy.tool.sessions.how-long', 'privacy.tool.sessions.who'],
  ['privacy.tool.browsers.what', 'privacy.tool.browsers.how-long', 'privacy.tool.browsers.who'],
  ['privacy.tool.strategies.what', 'privacy.tool.strategies.how-long', 'privacy.tool.strategies.who'],
  ['privacy.tool.trying.what', 'privacy.tool.while-used', 'privacy.tool.trying.who'],
  ['privacy.tool.doors.what', 'privacy.tool.while-used', 'privacy.tool.doors.who'],
  ['privacy.tool.notes.what', 'privacy.tool.notes.how-long', 'privacy.tool.notes.who'],
  ['privacy.tool.dialogue.what', 'privacy.tool.dialogue.how-long', 'privacy.tool.dialogue.who'],
  ['privacy.tool.round-host.what', 'privacy.tool.with-round', 'privacy.tool.round-host.who'],
  ['privacy.tool.debrief.what', 'privacy.tool.debrief.how-long', 'privacy.tool.debrief.who'],
  ['privacy.tool.briefings.what', 'privacy.tool.with-round', 'privacy.tool.briefings.who'],
  ['privacy.tool.picture.what', 'privacy.tool.picture.how-long', 'privacy.tool.picture.who'],
  ['privacy.tool.feed.what', 'privacy.tool.feed.how-long', 'privacy.tool.feed.who'],
  ['privacy.tool.lms.what', 'privacy.tool.lms.how-long', 'privacy.tool.lms.who'],
];

const MARKS = {
  strong: (text: string) => `<strong>${esc(text)}</strong>`,
  em: (text: string) => `<em>${esc(text)}</em>`,
  code: (text: string) => `<code>${esc(text)}</code>`,
};

/**
 * The page's language: an explicit `?lang=en|es` (its language links), then the browser's Accept-Language; US English
 * otherwise. The page is public and opened from the extension's Options or a store listing, without a session or a
 * launch, so there is no person's choice or LMS locale to read.
 */
function languageFor(req: Request): Language {
  return pageLanguage(req).language;
}

/** The privacy page in one language, every sentence a catalog message (docs/privacy.md is its US English copy). */
export function privacyPage(language: Language): string {
  const t: Translate = translator(language);
  const say = (key: MessageKey) => marked(t(key), MARKS);
  const table = (columns: Row, rows: readonly Row[]) =>
    `<table>
<thead><tr>${columns.map((key) => `<th scope="col">${say(key)}</th>`).join('')}</tr></thead>
<tbody>
${rows.map((row) => `<tr>${row.map((key) => `<td>${say(key)}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>`;
  const languages = `<nav aria-label="${esc(t('privacy.languages'))}"><p>${LANGUAGES.map(
    (l) =>
      `<a href="/privacy?lang=${l}" lang="${l}"${l === language ? ' aria-current="page"' : ''}>${esc(LANGUAGE_NAMES[l])}</a>`,
  ).join(' · ')}</p></nav>`;
  return page(
    t('privacy.title'),
    `${languages}
<div class="card">
<h1>${say('privacy.heading')}</h1>
<p>${say('privacy.intro.parts')}</p>
<p>${say('privacy.intro.school')}</p>
<p>${say('privacy.intro.page')}</p>
<h2>${say('privacy.extension.heading')}</h2>
<h3>${say('privacy.extension.keeps')}</h3>
${table(EXTENSION_COLUMNS, EXTENSION_ROWS)}
<h3>${say('privacy.extension.reads')}</h3>
<ul>
${EXTENSION_READS.map((key) => `<li>${say(key)}</li>`).join('\n')}
</ul>
<h2>${say('privacy.tool.heading')}</h2>
<h3>${say('privacy.tool.stores')}</h3>
${table(TOOL_COLUMNS, TOOL_ROWS)}
<h3>${say('privacy.logs.heading')}</h3>
<p>${say('privacy.logs.body')}</p>
<h3>${say('privacy.where.heading')}</h3>
<p>${say('privacy.where.body')}</p>
<h2>${say('privacy.questions.heading')}</h2>
<p>${say('privacy.questions.body')}</p>
</div>`,
    { lang: language },
  );
}

/**
 * /privacy: what the tool and the extension store, for how long and who can read it, in the reader's language. Public
 * and without a session: the extension's Options and its store listing link here. The page has no script and no
 * inline style, like every page of the tool; both languages are rendered once, at start.
 */
export function privacyRouter(): Router {
  const router = express.Router();
  const pages = Object.fromEntries(LANGUAGES.map((l) => [l, privacyPage(l)])) as Record<Language, string>;
  router.get('/privacy', (req, res) => {
    // One address, two languages: a cache keeps them apart by Accept-Language (`?lang=` is in the address already).
    res.vary('Accept-Language');
    res.type('html').set('Cache-Control', 'public, max-age=3600').send(pages[languageFor(req)]);
  });
  return router;
}
