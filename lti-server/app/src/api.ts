import { type Me, MeSchema } from '../../../shared/api';
import { ErrorBodySchema } from '../../../shared/errors';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

/** Calls the JSON API with the session's bearer token and validates what comes back. */
export async function getMe(token: string, fetchImpl: typeof fetch = fetch): Promise<ApiResult<Me>> {
  let res: Response;
  try {
    res = await fetchImpl('/api/me', { headers: { authorization: `Bearer ${token}` } });
  } catch {
    return {
      ok: false,
      code: 'NETWORK',
      message: 'Tasting Menu cannot reach its server. Check your connection and reload.',
    };
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = ErrorBodySchema.safeParse(body);
    return parsed.success
      ? { ok: false, code: parsed.data.error.code, message: parsed.data.error.message }
      : { ok: false, code: 'INTERNAL', message: `The server answered ${res.status}. Please reload.` };
  }
  const me = MeSchema.safeParse(body);
  return me.success
    ? { ok: true, data: me.data }
    : {
        ok: false,
        code: 'INTERNAL',
        message: 'The server sent an answer this app does not understand. Please reload.',
      };
}
