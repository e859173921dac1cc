import type { Request, Response } from 'express';
import { AppError, parseAt } from '../../../shared/errors';
import { httpsUrl } from '../../../shared/platform';
import { RegistrationFormSchema, RegistrationQuerySchema } from '../../../shared/registration';
import type { Db } from '../domain/database';
import { type RegistrationMode, registerFromLms } from '../domain/registration';
import { esc, page } from '../html';
import type { Logger } from '../logger';
import type { LtiTool } from '../lti/tool';
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

function failurePage(res: Response, status: number, title: string, message: string, closeScript?: string) {
  res
    .status(status)
    .type('html')
    .send(
      page(title, `<h1>${esc(title)}</h1><div class="card" role="alert"><p>${esc(message)}</p></div>`, {
        head: closeScript,
      }),
    );
}

const closeScriptOf = (publicUrl: string) =>
  `<script src="${esc(`${publicUrl}/static/registration-close.js`)}" defer></script>`;

function registrationForm(deps: RegistrationRouteDeps, fields: Fields, error?: string): string {
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
      ? `<p><label for="code">Registration code</label><br>
<input id="code" name="code" required autocomplete="one-time-code" autocapitalize="characters" spellcheck="false"
 aria-describedby="code-help"${error ? ' aria-invalid="true"' : ''}></p>
<p id="code-help" class="muted">The Tasting Menu administrator creates a code with
<code>npm run platform -- invite</code>. It works once.</p>`
      : '';
  return page(
    'Register Tasting Menu',
    `<h1>Register Tasting Menu with your LMS</h1>
${error ? `<div class="card" role="alert"><p>${esc(error)}</p></div>` : ''}
<div class="card"><p>This adds the LMS at <strong>${esc(origin)}</strong> as a platform that may launch Tasting Menu.
Its configuration is read from <code>${esc(shown)}</code>; it must name
<strong>${esc(origin)}</strong> as its issuer.</p>
<p class="muted">A platform that is already registered is never changed from this page.</p></div>
<form class="card" method="post" action="${esc(`${deps.publicUrl}/lti/register`)}">
${hidden}
${codeField}
<button type="submit">Register</button>
</form>`,
  );
}

/** The LMS's parameters, or undefined after answering with a page that says what is wrong. */
function fieldsOf(source: unknown, res: Response): Fields | undefined {
  const parsed = RegistrationQuerySchema.safeParse(source);
  if (!parsed.success) {
    failurePage(
      res,
      400,
      'Registration needs an LMS',
      'Start the registration from your LMS: it adds openid_configuration to this address.',
    );
    return undefined;
  }
  if (!configurationUrl.safeParse(parsed.data.openid_configuration).success) {
    failurePage(res, 400, 'Registration failed', 'openid_configuration must be an https:// address.');
    return undefined;
  }
  return parsed.data;
}

export function registrationPage(deps: RegistrationRouteDeps) {
  return (req: Request, res: Response) => {
    const fields = fieldsOf(req.query, res);
    if (fields) res.type('html').send(registrationForm(deps, fields));
  };
}

/** A failed registration is answered with a page saying why (the LMS shows it in its dialog), not an error body. */
export function registrationSubmit(deps: RegistrationRouteDeps) {
  return wrap(async (req: Request, res: Response) => {
    const fields = fieldsOf(req.body, res);
    if (!fields) return;
    try {
      // Inside the try: a form that does not parse is answered with the failure page, like any refusal.
      const form = parseAt('errors.source.registration', RegistrationFormSchema, req.body);
      const registration = await registerFromLms(deps, form, new Date());
      deps.logger.info(
        { issuer: registration.issuer, clientId: registration.clientId },
        'platform registered dynamically',
      );
      const deployments = registration.deploymentIds.length
        ? `deployment <code>${esc(registration.deploymentIds.join(', '))}</code>; other deployments are recorded at their first launch`
        : 'its deployments are recorded at their first launch, once an administrator installs the key';
      res.type('html').send(
        page(
          'Tasting Menu is registered',
          `<h1>Tasting Menu is registered</h1>
<div class="card" role="status"><p>${esc(registration.name)} can now launch Tasting Menu (client id <code>${esc(registration.clientId)}</code>;
${deployments}).</p><p>You can close this window.</p></div>`,
          { head: closeScriptOf(deps.publicUrl) },
        ),
      );
    } catch (error) {
      const message =
        error instanceof AppError ? error.message : 'The LMS could not be reached or answered unexpectedly.';
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
          .send(registrationForm(deps, fields, message));
        return;
      }
      failurePage(res, status, 'Registration failed', message, closeScriptOf(deps.publicUrl));
    }
  });
}
