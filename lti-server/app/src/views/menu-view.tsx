import { useEffect, useState } from 'preact/hooks';
import type { MenuOptions } from '../../../../shared/settings';
import { MAX_GRADE, MAX_SUBJECT, type Strategy } from '../../../../shared/strategy';
import { downloadMenuCsv, getMenuOptions, listStrategies } from '../api';
import { SchoolChoiceInput } from '../components/school-choice';
import { StrategyCard } from '../components/strategy-card';
import { href, type MenuSearch, menuSearchQuery, replaceRoute } from '../router';
import { readPick } from '../session';

export type MenuMode = 'menu' | 'mine' | 'queue';

const TITLES: Record<MenuMode, string> = { menu: 'The menu', mine: 'My clips', queue: 'Waiting for review' };

/** "1 strategy", "2 strategies". */
export function strategyCount(n: number): string {
  return `${n} ${n === 1 ? 'strategy' : 'strategies'}`;
}

/**
 * Browse and search the menu, the teacher's own clips, or the coach's review queue. The menu's search and filters
 * come from the address (`search`, from the route) and are written back to it, so a reload or a shared link shows
 * the same search.
 */
export function MenuView({
  token,
  mode,
  isCoach,
  queued = null,
  search = {},
}: {
  token: string;
  mode: MenuMode;
  isCoach: boolean;
  /** How many strategies wait for review (coaches), when known. */
  queued?: number | null;
  search?: MenuSearch;
}) {
  const asked = menuSearchQuery(search);
  const [form, setForm] = useState<MenuSearch>(search);
  const [query, setQuery] = useState<MenuSearch>(search);
  const [items, setItems] = useState<Strategy[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  /** The search the server ran instead of the typed one (spelling fallback), and the subject it read. */
  const [searchedFor, setSearchedFor] = useState<string | null>(null);
  const [options, setOptions] = useState<MenuOptions>({ subjects: [], grades: [] });
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');

  const status = mode === 'mine' ? 'mine' : mode === 'queue' ? 'pending' : undefined;

  // A new address (a link, the Menu entry, back and forward) is a new search.
  useEffect(() => {
    setForm((f) => (menuSearchQuery(f) === asked ? f : search));
    setQuery((q) => (menuSearchQuery(q) === asked ? q : search));
  }, [asked]);

  useEffect(() => {
    let live = true;
    setState('loading');
    listStrategies(token, { ...query, ...(status ? { status } : {}) }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setItems(r.data.items);
        setCursor(r.data.nextCursor);
        setSearchedFor(r.data.searchedFor);
        // The filters show the school subject and grades the server read typed ones as ("Sci" → "Science").
        const { subject, gradeBand } = r.data;
        if ((subject && subject !== query.subject) || (gradeBand && gradeBand !== query.gradeBand))
          setForm((f) => ({
            ...f,
            ...(subject ? { subject } : {}),
            ...(gradeBand ? { gradeBand } : {}),
          }));
        setState('ready');
      } else {
        setError(r.message);
        setState('error');
      }
    });
    return () => {
      live = false;
    };
  }, [token, query, status]);

  // After the page's own request: the school's subjects and grades, offered in the filters.
  useEffect(() => {
    if (mode !== 'menu') return;
    getMenuOptions(token).then((r) => r.ok && setOptions(r.data));
  }, [token, mode]);

  async function more() {
    if (!cursor) return;
    // Later pages of a corrected search continue the search that was run.
    const q = searchedFor ?? query.q;
    const r = await listStrategies(token, {
      ...query,
      ...(q ? { q } : {}),
      ...(status ? { status } : {}),
      cursor,
    });
    if (r.ok) {
      setItems([...items, ...r.data.items]);
      setCursor(r.data.nextCursor);
    } else setError(r.message);
  }

  const set = (key: keyof MenuSearch) => (e: Event) =>
    setForm({ ...form, [key]: (e.target as HTMLInputElement).value });

  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {TITLES[mode]}
      </h1>
      {mode === 'menu' && readPick(window.sessionStorage) && (
        <p class="card attention">Your LMS asked for a strategy: open one and choose “Add to your course”.</p>
      )}
      {mode === 'menu' && (
        <p class="actions">
          <a href={href({ name: 'print' })}>Printable one-page menu</a>
          {isCoach && <CsvButton token={token} />}
        </p>
      )}
      {mode === 'menu' && (
        <form
          class="search"
          aria-label="Search the menu"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ ...form });
            replaceRoute({ name: 'menu', search: form });
          }}
        >
          <div class="field grow">
            <label for="q">Search strategies</label>
            <input
              id="q"
              type="search"
              value={form.q ?? ''}
              onInput={set('q')}
              placeholder="e.g. warm-up, discussion, exit ticket"
            />
          </div>
          <div class="field">
            <label for="subject">Subject</label>
            <SchoolChoiceInput
              id="subject"
              listId="subject-list"
              options={options.subjects}
              value={form.subject ?? ''}
              onInput={set('subject')}
              maxLength={MAX_SUBJECT}
            />
          </div>
          <div class="field">
            <label for="grade">Grades</label>
            <SchoolChoiceInput
              id="grade"
              listId="grade-list"
              options={options.grades}
              value={form.gradeBand ?? ''}
              onInput={set('gradeBand')}
              maxLength={MAX_GRADE}
              placeholder="Any grade"
            />
          </div>
          <div class="field">
            <label for="tag">Tag</label>
            <input id="tag" value={form.tags ?? ''} onInput={set('tags')} />
          </div>
          <div class="field">
            <label for="minutes">At most</label>
            <select id="minutes" value={form.maxMinutes ?? ''} onChange={set('maxMinutes')}>
              <option value="">Any length</option>
              {['5', '10', '15'].map((m) => (
                <option key={m} value={m}>
                  {m} minutes
                </option>
              ))}
            </select>
          </div>
          <button type="submit">Search</button>
        </form>
      )}
      <p class="sr-only" role="status" aria-live="polite">
        {state === 'ready'
          ? `${cursor ? `${items.length} or more strategies` : strategyCount(items.length)} shown${
              searchedFor ? `, for “${searchedFor}”` : ''
            }`
          : ''}
      </p>
      {state === 'ready' && searchedFor && (
        <p class="card">
          Nothing matched “{query.q}”. Showing results for <strong>{searchedFor}</strong>.
        </p>
      )}
      {state === 'loading' && <p>Loading…</p>}
      {state === 'error' && (
        <p class="card" role="alert">
          {error}
        </p>
      )}
      {state === 'ready' && items.length === 0 && (
        <EmptyState
          mode={mode}
          filtered={Object.values(query).some(Boolean)}
          isCoach={isCoach}
          queued={queued}
        />
      )}
      {items.length > 0 && (
        <ul class="cards">
          {items.map((s) => (
            <StrategyCard key={s.id} strategy={s} showStatus={mode !== 'menu'} />
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" class="secondary" onClick={more}>
          Show more
        </button>
      )}
    </section>
  );
}

function CsvButton({ token }: { token: string }) {
  const [message, setMessage] = useState('');
  return (
    <>
      <button
        type="button"
        class="secondary"
        onClick={async () => {
          const r = await downloadMenuCsv(token);
          if (!r.ok) return setMessage(r.message);
          const url = URL.createObjectURL(r.data);
          const a = document.createElement('a');
          a.href = url;
          a.download = 'tasting-menu.csv';
          a.click();
          URL.revokeObjectURL(url);
          setMessage('The menu was downloaded as tasting-menu.csv.');
        }}
      >
        Download CSV
      </button>
      <span role="status">{message}</span>
    </>
  );
}

function EmptyState({
  mode,
  filtered,
  isCoach,
  queued,
}: {
  mode: MenuMode;
  filtered: boolean;
  isCoach: boolean;
  queued: number | null;
}) {
  if (mode === 'queue')
    return <p class="card">Nothing is waiting for review. New clips from colleagues will show up here.</p>;
  if (mode === 'mine') {
    return (
      <p class="card">
        You have not added a strategy yet. <a href={href({ name: 'add' })}>Add one</a>, or clip one from any
        web page with the Tasting Menu browser extension.
      </p>
    );
  }
  if (filtered) return <p class="card">No strategy matches. Try fewer words or remove a filter.</p>;
  if (isCoach && queued)
    return (
      <p class="card attention">
        The menu is empty so far, and {queued === 1 ? '1 strategy waits' : `${queued} strategies wait`} for
        your review: <a href={href({ name: 'queue' })}>{queued === 1 ? 'review it' : 'review them'}</a> to put{' '}
        {queued === 1 ? 'it' : 'them'} on the menu.
      </p>
    );
  return (
    <p class="card">
      The menu is empty so far. <a href={href({ name: 'add' })}>Add the first strategy</a>
      {isCoach ? ' — as a coach, yours go straight onto the menu.' : '; a coach will review it.'}
    </p>
  );
}
