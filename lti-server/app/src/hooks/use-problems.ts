import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import type { ApiResult } from '../api';
import type { Notice } from '../components/notice-line';
import {
  closeProblem,
  commentProblem,
  type Cycle,
  listCycles,
  listProblems,
  type Problem,
  proposeProblem,
  startCycle,
  type VoteChoice,
  voteProblem,
} from '../cycles-api';
import { setFlash } from '../flash';
import { navigate } from '../router';

/** Field errors of a refused request, by field name (the first message of each). */
export function fieldErrors(r: {
  fields?: Array<{ path: string; message: string }>;
}): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const f of r.fields ?? []) byField[f.path.split('.')[0] ?? f.path] ??= f.message;
  return byField;
}

/**
 * The problems-of-practice page: proposals (ranked by votes) and cycles, and what anyone can do on it — propose, vote,
 * comment — plus the coach's close and start-a-cycle. What happened is said in `notice`.
 */
export function useProblems(token: string) {
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [cycles, setCycles] = useState<Cycle[] | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState<Notice>(null);

  const reload = async () => {
    const [p, c] = await Promise.all([listProblems(token), listCycles(token)]);
    if (p.ok) setProblems(p.data.items);
    else setError(p.message);
    if (c.ok) setCycles(c.data.items);
    else setError(c.message);
  };
  useEffect(() => {
    reload();
  }, [token]);

  /** Runs an action on one proposal; on success the list is read again (the ranking may change). */
  const act = async (run: () => Promise<ApiResult<Problem>>, done: string, focus = true) => {
    const r = await run();
    if (!r.ok) {
      setNotice({ kind: 'error', text: r.fields?.[0] ? `${r.message} ${r.fields[0].message}` : r.message });
      return r;
    }
    await reload();
    setNotice({ kind: 'notice', text: done, focus });
    return r;
  };

  return {
    problems,
    cycles,
    error,
    notice,
    propose: (title: string, why: string) =>
      act(() => proposeProblem(token, { title, why: why || null }), t('problems.proposed')),
    vote: (id: string, choice: VoteChoice | null) =>
      act(() => voteProblem(token, id, choice), choice ? t('problems.voted') : t('problems.unvoted'), false),
    comment: (id: string, text: string) =>
      act(() => commentProblem(token, id, text), t('problems.commented')),
    close: (id: string) => act(() => closeProblem(token, id), t('problems.closed')),
    start: async (problemId: string, memberIds: string[], strategyIds: string[]) => {
      const r = await startCycle(token, { problemId, memberIds, strategyIds });
      if (r.ok) {
        setFlash(t('problems.started'));
        navigate({ name: 'cycle', id: r.data.id });
      }
      return r;
    },
  };
}
