import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import type { Notice } from '../components/notice-line';
import {
  addCycleMembers,
  addCycleStrategy,
  type Cycle,
  type CyclePicture,
  endCycle,
  getCycle,
  getCyclePicture,
  removeCycleStrategy,
} from '../cycles-api';
import { takeFlash } from '../flash';

/** One cycle's page: the cycle, its picture over time, and the coach's "add people", strategies and "end". */
export function useCycle(token: string, id: string) {
  const [cycle, setCycle] = useState<Cycle | null>(null);
  const [picture, setPicture] = useState<CyclePicture | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState<Notice>(() => {
    const flash = takeFlash();
    return flash ? { kind: 'notice', text: flash, focus: false } : null;
  });

  const loadPicture = () =>
    getCyclePicture(token, id).then((r) => (r.ok ? setPicture(r.data) : setError(r.message)));

  useEffect(() => {
    getCycle(token, id).then((r) => (r.ok ? setCycle(r.data) : setError(r.message)));
    loadPicture();
  }, [token, id]);

  const addMembers = async (personIds: string[]) => {
    const r = await addCycleMembers(token, id, personIds);
    if (r.ok) {
      setCycle(r.data);
      setNotice({
        kind: 'notice',
        text: t('cycle.joined', { count: personIds.length }),
      });
    } else setNotice({ kind: 'error', text: r.message });
    return r.ok;
  };

  /** A strategy joins or leaves the cycle; the picture is read again so its "I tried it" counts follow. */
  const changeStrategy = async (
    change: typeof addCycleStrategy,
    strategy: { id: string; title: string },
    done: string,
  ) => {
    const r = await change(token, id, strategy.id);
    if (r.ok) {
      setCycle(r.data);
      setNotice({ kind: 'notice', text: done });
      await loadPicture();
    } else setNotice({ kind: 'error', text: r.message });
    return r.ok;
  };
  const addStrategy = (strategy: { id: string; title: string }) =>
    changeStrategy(addCycleStrategy, strategy, t('cycle.strategies.added', { title: strategy.title }));
  const removeStrategy = (strategy: { id: string; title: string }) =>
    changeStrategy(removeCycleStrategy, strategy, t('cycle.strategies.removed', { title: strategy.title }));

  const end = async () => {
    const r = await endCycle(token, id);
    if (r.ok) {
      setCycle(r.data);
      setNotice({
        kind: 'notice',
        text: t('cycle.ended'),
      });
    } else setNotice({ kind: 'error', text: r.message });
  };

  return { cycle, picture, error, notice, addMembers, addStrategy, removeStrategy, end };
}
