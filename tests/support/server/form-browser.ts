/**
 * A tiny cookie-keeping HTTP client that behaves like a browser for LTI flows: it follows redirects and submits
 * the self-posting forms the sandbox LMS and the OIDC steps use. Integration tests use it to drive real launches
 * without a real browser.
 */
export interface Step {
  method: string;
  url: string;
  status: number;
}

export interface FlowResult {
  status: number;
  url: string;
  location: string | undefined;
  html: string;
  steps: Step[];
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);

export function parseAutoPostForm(
  html: string,
): { action: string; fields: Record<string, string> } | undefined {
  const form = /<form id="autopost" method="post" action="([^"]*)"/.exec(html);
  if (!form?.[1]) return undefined;
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[unescapeHtml(m[1] ?? '')] = unescapeHtml(m[2] ?? '');
  }
  return { action: unescapeHtml(form[1]), fields };
}

export class FormBrowser {
  readonly cookies = new Map<string, string>();

  async request(
    url: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(url, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some(
        (a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a) || /^\s*max-age=0\s*$/i.test(a),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  /** Requests `url` and keeps going through redirects and auto-posting forms, up to `maxSteps`. */
  async follow(
    url: string,
    init: { method?: string; form?: Record<string, string> } = {},
    options: { stopAt?: (url: string) => boolean; maxSteps?: number } = {},
  ): Promise<FlowResult> {
    const steps: Step[] = [];
    let current = url;
    let next: { method?: string; form?: Record<string, string> } = init;
    for (let i = 0; i < (options.maxSteps ?? 12); i++) {
      const res = await this.request(current, next);
      const method = next.method ?? (next.form ? 'POST' : 'GET');
      steps.push({ method, url: current, status: res.status });
      const location = res.headers.get('location') ?? undefined;
      if (res.status >= 300 && res.status < 400 && location) {
        const target = new URL(location, current).toString();
        await res.arrayBuffer();
        if (options.stopAt?.(target))
          return { status: res.status, url: current, location: target, html: '', steps };
        current = target;
        next = {};
        continue;
      }
      const html = await res.text();
      const form = res.headers.get('content-type')?.includes('html') ? parseAutoPostForm(html) : undefined;
      if (form) {
        const target = new URL(form.action, current).toString();
        if (options.stopAt?.(target))
          return { status: res.status, url: current, location: target, html, steps };
        current = target;
        next = { method: 'POST', form: form.fields };
        continue;
      }
      return { status: res.status, url: current, location, html, steps };
    }
    throw new Error(
      `Flow did not settle after ${steps.length} steps: ${steps.map((s) => `${s.method} ${s.url} ${s.status}`).join(' → ')}`,
    );
  }
}

/** Launches through the sandbox LMS as `user` and returns the app session token (or the refusal page). */
export async function sandboxLaunch(
  baseUrl: string,
  user: string,
  course = 'sandbox-course-7sci',
  options: { locale?: string } = {},
) {
  const browser = new FormBrowser();
  const locale = options.locale ? `&locale=${encodeURIComponent(options.locale)}` : '';
  const result = await browser.follow(
    `${baseUrl}/sandbox/courses/${course}/initiate?user=${user}${locale}`,
    {},
    {
      stopAt: (u) => new URL(u).pathname.startsWith('/app/'),
    },
  );
  const token = result.location ? /#session=([^&]+)/.exec(result.location)?.[1] : undefined;
  return { ...result, token: token ? decodeURIComponent(token) : undefined, browser };
}
