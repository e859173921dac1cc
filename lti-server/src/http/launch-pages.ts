import type { Request, Response } from 'express';
import type { AppError, LtiLaunchError } from '../../../shared/errors';
import { type Language, type MessageKey, translator } from '../../../shared/i18n';
import { RoleRefusedError } from '../domain/launch';
import { esc, page } from '../html';
import type { Logger } from '../logger';
import { STORAGE_VALUE_FIELD } from '../lti/platform-storage';
import type { PlatformStoragePages } from '../lti/tool';
import { loggedPath } from './middleware';
import { requestLanguage } from './request-language';

/**
 * What a person can do about a refused launch, by reason code, in their language; other reasons (a forged or broken
 * token, which the person cannot fix) get a general sentence. In English the refusal's own message is shown.
 */
const REFUSAL_KEYS: Record<string, MessageKey> = {
  STATE_MISMATCH: 'refusal.reason.state-mismatch',
  STORAGE_STATE_UNKNOWN: 'refusal.reason.state-mismatch',
  STORAGE_VALUE_MISSING: 'refusal.reason.cookies',
  STORAGE_BINDING_USED: 'refusal.reason.used',
  NONCE_REPLAYED: 'refusal.reason.used',
  NONCE_INVALID: 'refusal.reason.used',
  TOKEN_EXPIRED: 'refusal.reason.too-old',
  TOKEN_TOO_OLD: 'refusal.reason.too-old',
  SESSION_NOT_FOUND: 'refusal.reason.session',
  PLATFORM_UNKNOWN: 'refusal.reason.platform',
  PLATFORM_INACTIVE: 'refusal.reason.platform',
  DEPLOYMENT_UNKNOWN: 'refusal.reason.deployment',
};

function refusalMessage(error: LtiLaunchError, language: Language): string {
  if (language === 'en') return error.message;
  return translator(language)(REFUSAL_KEYS[error.reason] ?? 'refusal.reason.other');
}

/** A refused launch: a clear page for the person, a reason code in the log, no session. */
export function renderLaunchRefused(logger: Logger) {
  return (error: LtiLaunchError, req: Request, res: Response) => {
    logger.warn({ reason: error.reason, path: loggedPath(req), method: req.method }, 'lti launch refused');
    // The launch is not trusted: only the browser's languages choose the page's.
    const language = requestLanguage(req);
    const t = translator(language);
    const code = `<code data-reason>${esc(error.reason)}</code>`;
    res
      .status(error.status)
      .type('html')
      .send(
        page(
          t('refusal.title'),
          `<h1>${esc(t('refusal.title'))}</h1>
<div class="card" role="alert"><p>${esc(refusalMessage(error, language))}</p>
<p class="muted">${esc(t('refusal.code', { code: '\u0000' })).replace('\u0000', code)}</p></div>`,
          { lang: language },
        ),
      );
  };
}

/** A verified launch by someone who is neither teacher nor coach, in the language of their launch or browser. */
export function renderRoleRefused(req: Request, res: Response, error: AppError, locale?: string) {
  const language = requestLanguage(req, locale ? { locale } : undefined);
  const t = translator(language);
  res
    .status(error.status)
    .type('html')
    .send(
      page(
        t('refusal.role.title'),
        `<h1>${esc(t('refusal.role.title'))}</h1><div class="card" role="alert"><p>${esc(
          language === 'en'
            ? error.message
            : t(
                error.message === RoleRefusedError.NO_COURSE_ROLE ? 'refusal.role.no-course' : 'refusal.role',
              ),
        )}</p></div>`,
        { lang: language },
      ),
    );
}

/**
 * The browser half of a cookieless launch (LTI platform storage). One script for both pages: it asks the LMS
 * (`lti.capabilities`, which carries nothing secret, so any parent may answer) which frame keeps data, then talks to
 * that frame with the platform's origin as target and accepts answers from that origin only. "save" puts the binding
 * secret and goes on to the platform's authorization endpoint, also when the LMS keeps nothing (then the state cookie
 * is the binding, as in a new window). "load" reads the secret back and posts it with the id_token. Served at
 * /static/platform-storage.js: the CSP allows no inline script; the page hands it its settings in a JSON block.
 */
export const PLATFORM_STORAGE_SCRIPT = `(() => {
  const cfg = JSON.parse(document.getElementById('lti-storage-config').textContent);
  const status = document.getElementById('lti-storage-status');
  const host = window.parent !== window ? window.parent : window.opener;
  const newId = (kind) => kind + '-' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2);
  const isAnswer = (data, subject) =>
    data.subject === subject + '.response' || data.subject === 'org.imsglobal.' + subject + '.response';
  const ask = (win, message, origin, ms) =>
    new Promise((resolve) => {
      let timer;
      const finish = (answer) => {
        clearTimeout(timer);
        window.removeEventListener('message', onMessage);
        resolve(answer);
      };
      const onMessage = (event) => {
        const data = event.data;
        if (!data || typeof data !== 'object' || data.message_id !== message.message_id) return;
        if (!isAnswer(data, message.subject)) return;
        if (origin === '*' ? event.source !== win : event.origin !== origin) return;
        finish(data.error ? undefined : data);
      };
      timer = setTimeout(() => finish(undefined), ms);
      window.addEventListener('message', onMessage);
      try {
        win.postMessage(message, origin);
      } catch {
        finish(undefined);
      }
    });
  const frameNamed = (name) => {
    if (!host) return undefined;
    if (name === '_parent') return host;
    try {
      return host.frames[name] || undefined;
    } catch {
      return undefined;
    }
  };
  const storageFrame = async (subject) => {
    if (!host) return undefined;
    const caps = await ask(host, { subject: 'lti.capabilities', message_id: newId('caps') }, '*', 1000);
    if (!caps) return frameNamed(cfg.target);
    const list = Array.isArray(caps.supported_messages) ? caps.supported_messages : [];
    const entry = list.find((m) => m && (m.subject === subject || m.subject === 'org.imsglobal.' + subject));
    if (!entry) return undefined;
    return frameNamed(typeof entry.frame === 'string' && entry.frame ? entry.frame : cfg.target);
  };
  const run = async () => {
    if (cfg.mode === 'save') {
      const frame = await storageFrame('lti.put_data');
      const put = { subject: 'lti.put_data', message_id: newId('put'), key: cfg.key, value: cfg.value };
      const saved = frame ? await ask(frame, put, cfg.origin, 2000) : undefined;
      if (!saved) status.textContent = cfg.noStorage;
      window.location.replace(cfg.next);
      return;
    }
    const frame = await storageFrame('lti.get_data');
    const get = { subject: 'lti.get_data', message_id: newId('get'), key: cfg.key };
    const answer = frame ? await ask(frame, get, cfg.origin, 2000) : undefined;
    const form = document.getElementById('lti-storage-launch');
    form.elements.namedItem('lti_storage_value').value =
      answer && typeof answer.value === 'string' ? answer.value : '';
    form.submit();
  };
  run();
})();`;

/** JSON inside a script element: no `<` can close it or open a comment. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

function storagePage(
  language: Language,
  status: MessageKey,
  config: Record<string, string>,
  extra: string,
): string {
  const t = translator(language);
  return page(
    t('storage.title'),
    `<h1>${esc(t('storage.heading'))}</h1>
<p id="lti-storage-status" role="status">${esc(t(status))}</p>
${extra}
<script type="application/json" id="lti-storage-config">${scriptJson(config)}</script>
<script src="/static/platform-storage.js"></script>`,
    { lang: language },
  );
}

/** The pages of a cookieless launch, for `createLtiTool({ storagePages })`. */
export const platformStoragePages: PlatformStoragePages = {
  save({ next, platformOrigin, target, key, value, language }) {
    const t = translator(language);
    return storagePage(
      language,
      'storage.save',
      { mode: 'save', next, origin: platformOrigin, target, key, value, noStorage: t('storage.no-storage') },
      `<noscript><p><a href="${esc(next)}">${esc(t('storage.continue'))}</a></p></noscript>`,
    );
  },
  load({ action, platformOrigin, target, key, fields, language }) {
    const inputs = Object.entries({ ...fields, [STORAGE_VALUE_FIELD]: '' })
      .map(([name, value]) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`)
      .join('\n');
    return storagePage(
      language,
      'storage.load',
      { mode: 'load', origin: platformOrigin, target, key },
      `<form id="lti-storage-launch" method="post" action="${esc(action)}">
${inputs}
</form>
<noscript><p>${esc(translator(language)('storage.no-script'))}</p></noscript>`,
    );
  },
};
