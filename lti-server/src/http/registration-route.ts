import type { Request, Response } from 'express';
import { AppError, parseAt, renderWords } from '../../../shared/errors';
import { type Language, type MessageKey, type Translate, translator } from '../../../shared/i18n';
import { httpsUrl } from '../../../shared/platform';
import { RegistrationFormSchema, RegistrationQuerySchema } from '../../../shared/registration';
import type { Db } from '../domain/database';
import { type RegistrationMode, registerFromLms } from '../domain/registration';
import { esc, marked, page } from '../html';
import type { Logger } from '../logger';
import type { LtiTool } from '../lti/tool';
import { pageLanguage } from './request-language';
import { wrap } from './wrap';

/**
 * LTI Dynamic Registration, opened by the LMS in a window or frame during installation:
 * GET /lti/register shows what will be registered and asks for the operator's registration code (not in open
 * mode); POST /lti/register (the page's form) registers. Nothing is fetched from the LMS before the POST.
 */
export interface RegistrationRouteDeps {
  db: Db;
  lti: LtiTool;
  publicUrl: string;
  mode: RegistrationMode;
  logger: Logger;
}

type Fields = { openid_configuration: string; registration_token?: string | undefined };

const configurationUrl = httpsUrl();

/**
 * Tells the LMS the registration is over, success or not (LTI Dynamic Registration: the tool posts
 * `org.imsglobal.lti.close` to the window that opened it). Served as a file at /static/registration-close.js
 * (page-assets.ts): the pages carry no inline script.
 */
export const REGISTRATION_CLOSE_SCRIPT =
  "(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');\n";

/**
 * The page's language, as the sandbox's pages choose it: an explicit `?lang=en|es` (kept on the form's action), then
 * the browser's Accept-Language; US English otherwise. The LMS's own words (its name, addresses, ids) stay as sent.
 */
interface Words {
  language: Language;
  locale: string;
  t: Translate;
  chosen: Language | undefined;
}

function wordsOf(req: Request): Words {
  const { language, locale, chosen } = pageLanguage(req);
  return { language, locale, t: translator(language), chosen };
}

const code = (text: string) => `<code>${esc(text)}</code>`;
const strong = (text: string) => `<strong>${esc(text)}</strong>`;

function failurePage(
  res: Response,
  w: Words,
  status: number,
  title: MessageKey,
  message: string,
  closeScript?: string,
) {
  const heading = w.t(title);
  res
    .status(status)
    .type('html')
    .send(
      page(heading, `<h1>${esc(heading)}</h1><div class="card" role="alert"><p>${esc(message)}</p></div>`, {
        head: closeScript,
        lang: w.language,
      }),
    );
}

const closeScriptOf = (publicUrl: string) =>
  `<script src="${esc(`${publicUrl}/static/registration-close.js`)}" defer></script>`;

function registrationForm(deps: RegistrationRouteDeps, w: Words, fields: Fields, error?: string): string {
  const { t } = w;
  const configuration = new URL(fields.openid_configuration);
  const origin = configuration.origin;
  // Canvas's address carries the registration token in its query: the page shows where, not the credential (a long
  // JWT in an unbreakable line also stretched the page far past the LMS's frame).
  const shown = `${origin}${configuration.pathname}`;
  const hidden = Object.entries(fields)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`)
    .join('\n');
  const codeField =
    deps.mode === 'invite'
      ? `<p><label for="code">${esc(t('registration.code'))}</label><br>
<input id="code" name="code" required autocomplete="one-time-code" autocapitalize="characters" spellcheck="false"
 aria-describedby="code-help"${error ? ' aria-invalid="true"' : ''}></p>
<p id="code-help" class="muted">${marked(t('registration.code-help'), { code })}</p>`
      : '';
  const action = `${deps.publicUrl}/lti/register${w.chosen ? `?lang=${w.chosen}` : ''}`;
  return page(
    t('registration.title'),
    `<h1>${esc(t('registration.heading'))}</h1>
${error ? `<div class="card" role="alert"><p>${esc(error)}</p></div>` : ''}
<div class="card"><p>${marked(t('registration.adds', { origin, address: shown }), { strong, code })}</p>
<p class="muted">${esc(t('registration.unchanged'))}</p></div>
<form class="card" method="post" action="${esc(action)}">
${hidden}
${codeField}
<button type="submit">${esc(t('registration.submit'))}</button>
</form>`,
    { lang: w.language },
  );
}

/** The LMS's parameters, or undefined after answering with a page that says what is wrong. */
function fieldsOf(source: unknown, w: Words, res: Response): Fields | undefined {
  const parsed = RegistrationQuerySchema.safeParse(source);
  if (!parsed.success) {
    failurePage(res, w, 400, 'registration.needs-lms.title', w.t('registration.needs-lms'));
    return undefined;
  }
  if (!configurationUrl.safeParse(parsed.data.openid_configuration).success) {
    failurePage(res, w, 400, 'registration.failed', w.t('errors.registration.https'));
    return undefined;
  }
  return parsed.data;
}

export function registrationPage(deps: RegistrationRouteDeps) {
  return (req: Request, res: Response) => {
    const w = wordsOf(req);
    const fields = fieldsOf(req.query, w, res);
    if (fields) res.type('html').send(registrationForm(deps, w, fields));
  };
}

/** A failed registration is answered with a page saying why (the LMS shows it in its dialog), not an error body. */
export function registrationSubmit(deps: RegistrationRouteDeps) {
  return wrap(async (req: Request, res: Response) => {
    const w = wordsOf(req);
    const { t } = w;
    const fields = fieldsOf(req.body, w, res);
    if (!fields) return;
    try {
      // Inside the try: a form that does not parse is answered with the failure page, like any refusal.
      const form = parseAt('errors.source.registration', RegistrationFormSchema, req.body);
      const registration = await registerFromLms(deps, form, new Date());
      deps.logger.info(
        { issuer: registration.issuer, clientId: registration.clientId },
        'platform registered dynamically',
      );
      const ids = registration.deploymentIds;
      const done = ids.length
        ? t('registration.done.deployments', {
            name: registration.name,
            clientId: registration.clientId,
            count: ids.length,
            deployments: new Intl.ListFormat(w.locale, { style: 'long', type: 'conjunction' }).format(ids),
          })
        : t('registration.done.no-deployment', { name: registration.name, clientId: registration.clientId });
      res.type('html').send(
        page(
          t('registration.done.title'),
          `<h1>${esc(t('registration.done.title'))}</h1>
<div class="card" role="status"><p>${marked(done, { code })}</p><p>${esc(t('registration.done.close'))}</p></div>`,
          { head: closeScriptOf(deps.publicUrl), lang: w.language },
        ),
      );
    } catch (error) {
      const message =
        error instanceof AppError ? error.message : translator('en')('registration.unreachable');
      const shown =
        error instanceof AppError ? renderWords(error.words, w.language) : t('registration.unreachable');
      const status = error instanceof AppError ? error.status : 502;
      deps.logger.warn(
        { reason: 'REGISTRATION_FAILED', code: error instanceof AppError ? error.code : 'INTERNAL', message },
        'dynamic registration failed',
      );
      // A missing or refused code: the same form again, so the code can be retyped.
      if (status === 401 && error instanceof AppError && error.code === 'UNAUTHENTICATED') {
        res
          .status(401)
          .type('html')
          .send(registrationForm(deps, w, fields, shown));
        return;
      }
      failurePage(res, w, status, 'registration.failed', shown, closeScriptOf(deps.publicUrl));
    }
  });
}
