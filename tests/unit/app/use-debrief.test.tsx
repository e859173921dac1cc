import { act, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDebrief } from '../../../lti-server/app/src/hooks/use-debrief';
import type { Debrief } from '../../../shared/rounds';
import { debrief, errorBody, stubApi } from './fake-api';

afterEach(() => vi.unstubAllGlobals());

/** The debrief routes as the server answers them: the whole debrief after each change. */
function server(start: Debrief, refuse?: string) {
  let state = start;
  return stubApi((c) => {
    const path = c.url.pathname;
    if (path === '/api/rounds/r1/debrief' && c.method === 'GET') return { body: state };
    if (path === '/api/rounds/r1/debrief' && c.method === 'PUT') {
      if (refuse) return { status: 409, body: errorBody('CONFLICT', refuse) };
      state = { ...state, ...(c.body as Partial<Debrief>) };
      return { body: state };
    }
    if (path === '/api/notes') return { body: { items: [], expiresOn: '2026-06-30' } };
    if (path === '/api/visits') return { body: { items: [] } };
    return undefined;
  });
}

async function loaded() {
  const hook = renderHook(() => useDebrief('t', 'r1'));
  await waitFor(() => expect(hook.result.current.myNotes).toEqual([]));
  return hook;
}

describe('useDebrief', () => {
  it('when the facilitator moves on, then the typed words of the phase left go along and the drafts clear', async () => {
    const calls = server(debrief({ facilitator: true, phase: 'prediction' }));
    const { result } = await loaded();

    act(() => result.current.draft('prediction', 'They would explain a step to a partner.'));
    await act(() => result.current.go('next'));

    const put = calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({ phase: 'next', prediction: 'They would explain a step to a partner.' });
    expect(result.current.debrief?.phase).toBe('next');
    expect(result.current.drafts).toEqual({ prediction: null, nextLevel: null });
    expect(result.current.status).toBe('The group is now at: Next level of work.');
    expect(result.current.problem).toBe('');
  });

  it('when the server refuses a phase change, then the phase stays, the drafts stay and the problem is said', async () => {
    server(debrief({ facilitator: true, phase: 'prediction' }), 'The round is archived.');
    const { result } = await loaded();

    act(() => result.current.draft('prediction', 'Kept words.'));
    await act(() => result.current.go('next'));

    expect(result.current.debrief?.phase).toBe('prediction');
    expect(result.current.drafts.prediction).toBe('Kept words.');
    expect(result.current.problem).toBe('The round is archived.');
  });

  it('when the debrief is not published, then it stays unloaded with the CONFLICT failure and no notes are fetched', async () => {
    const calls = stubApi(() => ({ status: 409, body: errorBody('CONFLICT', 'Not published.') }));
    const { result } = renderHook(() => useDebrief('t', 'r1'));

    await waitFor(() => expect(result.current.failure?.code).toBe('CONFLICT'));
    expect(result.current.debrief).toBeNull();
    expect(calls.map((c) => c.url.pathname)).toEqual(['/api/rounds/r1/debrief']);
  });
});
