import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { deleteRound, getRound, listPeople, publishRound, putRoundGroups, type Round } from '../api';
import { setFlash, takeFlash } from '../flash';
import { navigate } from '../router';

/**
 * One round on the coach's page: the round, the names of everyone in it, and the changes a draft takes (move a
 * person between groups, publish, delete). What happened is said in the notice, what went wrong in the problems.
 */
export function useRound(token: string, id: string) {
  const [round, setRound] = useState<Round | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState(takeFlash);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    getRound(token, id).then((r) => (r.ok ? setRound(r.data) : setError(r.message)));
    listPeople(token).then((r) => {
      if (r.ok) setNames(Object.fromEntries(r.data.items.map((p) => [p.id, p.name])));
    });
  }, [token, id]);

  const nameOf = (pid: string) =>
    round?.participants.find((p) => p.id === pid)?.name ??
    round?.hosts.find((p) => p.id === pid)?.name ??
    names[pid] ??
    t('rounds.someone-who-left');

  const announce = (text: string) => {
    setNotice(text);
    setTimeout(() => noticeRef.current?.focus(), 0);
  };
  const refuse = (sentences: string[]) => {
    setProblems(sentences);
    setTimeout(() => problemsRef.current?.focus(), 0);
  };

  async function move(personId: string, target: number | 'new') {
    if (!round) return;
    const groups = round.groups.map((g) => g.filter((x) => x !== personId));
    if (target === 'new') groups.push([personId]);
    else groups[target]?.push(personId);
    const kept = groups.filter((g) => g.length > 0);
    const r = await putRoundGroups(token, round.id, kept);
    if (r.ok) {
      setProblems([]);
      setError('');
      setRound(r.data);
      const to = r.data.groups.findIndex((g) => g.includes(personId));
      announce(t('rounds.moved', { name: nameOf(personId), number: to + 1 }));
    } else if (r.code === 'ROUND_UNPLANNABLE') {
      const sentences = (r.fields ?? []).map((f) => f.message).filter(Boolean);
      refuse(sentences.length ? [...new Set(sentences)] : [r.message]);
    } else refuse([r.message]);
  }

  /**
   * Publishes the draft. With trade-offs on the page the coach's "yes" confirms them; trade-offs the page did not
   * show yet (the plan changed elsewhere) come back as ROUND_TRADEOFFS_UNCONFIRMED: the round is read again so they
   * show, and the coach is asked again.
   */
  async function publish() {
    if (!round) return;
    const r = await publishRound(token, round.id, { confirmTradeoffs: round.tradeoffs.length > 0 });
    if (r.ok) {
      setRound(r.data);
      setProblems([]);
      announce(t('rounds.published.notice'));
    } else if (r.code === 'ROUND_TRADEOFFS_UNCONFIRMED') {
      const again = await getRound(token, round.id);
      if (again.ok) setRound(again.data);
      refuse([t('rounds.tradeoffs.unseen'), ...(r.fields ?? []).map((f) => f.message)]);
    } else refuse(r.fields?.length ? r.fields.map((f) => f.message) : [r.message]);
  }

  async function remove() {
    if (!round) return;
    const r = await deleteRound(token, round.id);
    if (r.ok) {
      setFlash(t('rounds.deleted', { title: round.title }));
      navigate({ name: 'rounds' });
    } else refuse([r.message]);
  }

  /** The coach re-planned a declined slot: the round as it is now, and what happened. */
  function replanned(next: Round, text: string) {
    setRound(next);
    setProblems([]);
    announce(text);
  }

  return { round, error, problems, notice, noticeRef, problemsRef, nameOf, move, publish, remove, replanned };
}
