import { registerPlatform } from '../../../lti-server/src/domain/platforms';
import { CLAIM } from '../../../shared/lti';
import { beginLogin, postLaunch, signWithSandboxKey } from './forged-launch';
import type { TestServer } from './test-server';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A JSON API client holding one session's bearer token. */
export function apiClient(server: TestServer, token: string) {
  async function call<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = res.headers.get('content-type')?.includes('application/json');
    return {
      status: res.status,
      body: (text && json ? JSON.parse(text) : text || undefined) as T,
      headers: res.headers,
    };
  }
  // Tests read loosely typed JSON and validate it with the shared schemas where the shape matters.
  // biome-ignore-start lint/suspicious/noExplicitAny: see above
  return {
    token,
    get: <T = any>(path: string) => call<T>('GET', path),
    post: <T = any>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
    patch: <T = any>(path: string, body: unknown) => call<T>('PATCH', path, body),
    put: <T = any>(path: string, body: unknown) => call<T>('PUT', path, body),
    delete: <T = any>(path: string) => call<T>('DELETE', path),
  };
  // biome-ignore-end lint/suspicious/noExplicitAny: see above
}
export type ApiClient = ReturnType<typeof apiClient>;

/**
 * Launches through the sandbox platform as `user` (optionally in another deployment, which is another tenant) and
 * returns an API client for the session.
 */
export async function launchAs(
  server: TestServer,
  user: string,
  options: { course?: string; deploymentId?: string } = {},
): Promise<ApiClient> {
  if (options.deploymentId) {
    await registerPlatform(server.database.db, server.lti, {
      ...server.sandbox!.registration,
      deploymentIds: [options.deploymentId],
    });
  }
  const login = await beginLogin(server, user, options.course);
  const claims = options.deploymentId
    ? { ...login.claims, [CLAIM.deploymentId]: options.deploymentId }
    : login.claims;
  const result = await postLaunch(server, login, await signWithSandboxKey(server, claims));
  if (!result.token) throw new Error(`Launch as ${user} failed: ${result.reason ?? result.status}`);
  return apiClient(server, decodeURIComponent(result.token));
}
