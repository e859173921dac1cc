import { useEffect, useState } from 'preact/hooks';
import { type DoorCard, type DoorFilter, listDoors } from '../api';

export interface DoorPages {
  /** The doors of the pages read so far, in start order; null until the first page arrives. */
  doors: DoorCard[] | null;
  /** More doors match than are shown: `more()` reads the next page. */
  hasMore: boolean;
  /** A page is being read after the first. */
  loadingMore: boolean;
  error: string;
  more(): Promise<void>;
}

/**
 * The doors matching `filter`, a page at a time (GET /api/doors answers at most a page, with a cursor for the next).
 * When `filter` or `version` changes the list starts again; a new `version` (after a booking or a cancellation)
 * reads again as many doors as were shown, so the list does not shrink back to its first page.
 */
export function useDoorPages(token: string, filter: DoorFilter, version: number): DoorPages {
  const [doors, setDoors] = useState<DoorCard[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState('');
  // How many doors the list showed for which filter: a new version reads that many again, a new filter one page.
  const [shown, setShown] = useState({ key: '', count: 0 });
  const key = JSON.stringify(filter);

  useEffect(() => {
    let live = true;
    const want = shown.key === key ? shown.count : 0;
    if (shown.key !== key) setDoors(null);
    (async () => {
      const read: DoorCard[] = [];
      let next: string | null = null;
      do {
        const r = await listDoors(token, { ...filter, ...(next ? { cursor: next } : {}) });
        if (!live) return;
        if (!r.ok) {
          setError(r.message);
          return;
        }
        read.push(...r.data.items);
        next = r.data.nextCursor;
      } while (next && read.length < want);
      setDoors(read);
      setCursor(next);
      setShown({ key, count: read.length });
      setError('');
    })();
    return () => {
      live = false;
    };
    // `filter` is compared by its `key`; `shown` is read, not watched (it changes when a page arrives).
  }, [token, key, version]);

  async function more() {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    const r = await listDoors(token, { ...filter, cursor });
    setLoadingMore(false);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    const all = [...(doors ?? []), ...r.data.items];
    setDoors(all);
    setShown({ key, count: all.length });
    setCursor(r.data.nextCursor);
  }

  return { doors, hasMore: Boolean(cursor), loadingMore, error, more };
}
