import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import type { BriefingInput, GroupRoles } from '../../../../shared/round-briefing';
import { acknowledgeBriefing, type Briefing, getBriefing, putBriefing, putRoundRoles } from '../api';
import type { Notice } from '../components/notice-line';

/**
 * One round's briefing: loading it, the participant's acknowledgement, and the coach's changes to the words and the
 * roles. What happened is said in `notice`; a refused change keeps the form as typed and says why (`problems`).
 */
export function useBriefing(token: string, roundId: string) {
  const [briefing, setBriefing] = useState<Briefing | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    getBriefing(token, roundId).then((r) => {
      if (!live) return;
      if (r.ok) setBriefing(r.data);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [token, roundId]);

  async function run(call: () => ReturnType<typeof getBriefing>, done: string): Promise<boolean> {
    setBusy(true);
    const r = await call();
    setBusy(false);
    if (r.ok) {
      setBriefing(r.data);
      setProblems({});
      setNotice({ kind: 'notice', text: done });
      return true;
    }
    const fields: Record<string, string> = {};
    for (const f of r.fields ?? []) fields[f.path.split('.')[0] ?? f.path] ??= f.message;
    setProblems(fields);
    const details = (r.fields ?? []).map((f) => f.message);
    setNotice({
      kind: 'error',
      text: r.code === 'ROUND_ROLES_INVALID' && details.length ? details.join(' ') : r.message,
    });
    return false;
  }

  const acknowledge = () => run(() => acknowledgeBriefing(token, roundId), t('briefing.ack.thanks'));
  const saveWords = (input: BriefingInput) =>
    run(() => putBriefing(token, roundId, input), t('briefing.saved'));
  const saveRoles = (roles: GroupRoles[]) =>
    run(() => putRoundRoles(token, roundId, roles), t('briefing.roles.saved'));

  return { briefing, error, notice, problems, busy, acknowledge, saveWords, saveRoles };
}
