import { useEffect, useState } from 'preact/hooks';
import { reviewCount } from '../api';

const CHANGED = 'tasting-menu:review-queue-changed';

/** Tells the navigation's queue count to read again (after an approval, a merge, a new strategy…). */
export function reviewQueueChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/**
 * How many strategies wait for review, for a coach (null for a teacher, or while unknown). Read again on every
 * change of `when` (the route) and whenever a view says the queue changed.
 */
export function useReviewCount(token: string | undefined, isCoach: boolean, when: unknown): number | null {
  const [count, setCount] = useState<number | null>(null);
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    const bump = () => setChanges((n) => n + 1);
    window.addEventListener(CHANGED, bump);
    return () => window.removeEventListener(CHANGED, bump);
  }, []);

  useEffect(() => {
    if (!token || !isCoach) return setCount(null);
    let live = true;
    reviewCount(token).then((r) => {
      if (live) setCount(r.ok ? r.data.pending : null);
    });
    return () => {
      live = false;
    };
  }, [token, isCoach, when, changes]);

  return count;
}
