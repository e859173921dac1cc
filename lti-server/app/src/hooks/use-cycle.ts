import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import type { Notice } from '../components/notice-line';
import {
  addCycleMembers,
  type Cycle,
  type CyclePicture,
  endCycle,
  getCycle,
  getCyclePicture,
} from '../cycles-api';
import { takeFlash } from '../flash';

/** One cycle's page: the cycle, its picture over time, and the coach's "add people" and "end". */
export function useCycle(token: string, id: string) {
  const [cycle, setCycle] = useState<Cycle | null>(null);
  const [picture, setPicture] = useState<CyclePicture | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState<Notice>(() => {
    const flash = takeFlash();
    return flash ? { kind: 'notice', text: flash, focus: false } : null;
  });

  useEffect(() => {
    getCycle(token, id).then((r) => (r.ok ? setCycle(r.data) : setError(r.message)));
    getCyclePicture(token, id).then((r) => (r.ok ? setPicture(r.data) : setError(r.message)));
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

  return { cycle, picture, error, notice, addMembers, end };
}
