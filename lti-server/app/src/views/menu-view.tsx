import { useEffect, useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../../../shared/i18n';
import type { MenuOptions } from '../../../../shared/settings';
import { MAX_GRADE, MAX_SUBJECT, type StrategyCard as Card } from '../../../../shared/strategy';
import { Trans } from '../components/trans';
import { downloadMenuCsv, getMenuOptions, listStrategyCards } from '../api';
import { SchoolChoiceInput } from '../components/school-choice';
import { StrategyCard } from '../components/strategy-card';
import { href, type MenuSearch, menuSearchQuery, replaceRoute } from '../router';
import { readPick } from '../session';

export type MenuMode = 'menu' | 'mine' | 'queue';

const TITLES: Record<MenuMode, MessageKey> = {
  menu: 'menu.title.menu',
  mine: 'menu.title.mine',
  queue: 'menu.title.queue',
};

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
  const [items, setItems] = useState<Card[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  /** The search the server ran instead of the typed one (spelling fallback), and the subject it read. */
  const [searchedFor, setSearchedFor] = useState<string | null>(null);
  const [options, setOptions] = useState<MenuOptions>({ subjects: [], grades: [] });
  const [state, setState] = useState<'loading' | 'ready' | 'error'>('loading');
  const [error, setError] = useState('');

  const status = mode === 'mine' ? 'mine' : mode === 'queue' ? 'pending' : undefined;

  // A new address (a link, the Menu entry, back and forward) is a new search. Only a new one: on the first render the
  // effect runs after paint, and what a fast typist put into the filters by then is theirs, not to be reset.
  const shownAddress = useRef(asked);
  useEffect(() => {
    if (shownAddress.current === asked) return;
    shownAddress.current = asked;
    setForm((f) => (menuSearchQuery(f) === asked ? f : search));
    setQuery((q) => (menuSearchQuery(q) === asked ? q : search));
  }, [asked]);

  useEffect(() => {
    let live = true;
    setState('loading');
    listStrategyCards(token, { ...query, ...(status ? { status } : {}) }).then((r) => {
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
    const r = await listStrategyCards(token, {
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
        {t(TITLES[mode])}
      </h1>
      {mode === 'menu' && readPick(window.sessionStorage) && <p class="card attention">{t('menu.pick')}</p>}
      {mode === 'menu' && (
        <p class="actions">
          <a href={href({ name: 'print' })}>{t('menu.printable')}</a>
          {isCoach && <CsvButton token={token} />}
        </p>
      )}
      {mode === 'menu' && (
        <form
          class="search"
          aria-label={t('menu.search.label')}
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ ...form });
            replaceRoute({ name: 'menu', search: form });
          }}
        >
          <div class="field grow">
            <label for="q">{t('menu.search.q')}</label>
            <input
              id="q"
              type="search"
              value={form.q ?? ''}
              onInput={set('q')}
              placeholder={t('menu.search.placeholder')}
            />
          </div>
          <div class="field">
            <label for="subject">{t('menu.search.subject')}</label>
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
            <label for="grade">{t('menu.search.grades')}</label>
            <SchoolChoiceInput
              id="grade"
              listId="grade-list"
              options={options.grades}
              value={form.gradeBand ?? ''}
              onInput={set('gradeBand')}
              maxLength={MAX_GRADE}
              placeholder={t('menu.search.any-grade')}
            />
          </div>
          <div class="field">
            <label for="tag">{t('menu.search.tag')}</label>
            <input id="tag" value={form.tags ?? ''} onInput={set('tags')} />
          </div>
          <div class="field">
            <label for="minutes">{t('menu.search.at-most')}</label>
            <select id="minutes" value={form.maxMinutes ?? ''} onChange={set('maxMinutes')}>
              <option value="">{t('menu.search.any-length')}</option>
              {['5', '10', '15'].map((m) => (
                <option key={m} value={m}>
                  {t('menu.search.minutes', { count: Number(m) })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('menu.search.submit')}</button>
        </form>
      )}
      <p class="sr-only" role="status" aria-live="polite">
        {state === 'ready'
          ? searchedFor
            ? t(cursor ? 'menu.shown.more-for' : 'menu.shown.for', { count: items.length, q: searchedFor })
            : t(cursor ? 'menu.shown.more' : 'menu.shown', { count: items.length })
          : ''}
      </p>
      {state === 'ready' && searchedFor && (
        <p class="card">
          <Trans
            text={t('menu.corrected', { q: query.q ?? '', searchedFor })}
            parts={{ strong: (text) => <strong>{text}</strong> }}
          />
        </p>
      )}
      {state === 'loading' && <p>{t('common.loading')}</p>}
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
          {t('menu.more')}
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
          setMessage(t('menu.csv.done', { file: 'tasting-menu.csv' }));
        }}
      >
        {t('menu.csv.button')}
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
  if (mode === 'queue') return <p class="card">{t('menu.empty.queue')}</p>;
  if (mode === 'mine') {
    return (
      <p class="card">
        <Trans
          text={t('menu.empty.mine')}
          parts={{ add: (text) => <a href={href({ name: 'add' })}>{text}</a> }}
        />
      </p>
    );
  }
  if (filtered) return <p class="card">{t('menu.empty.filtered')}</p>;
  if (isCoach && queued)
    return (
      <p class="card attention">
        <Trans
          text={t('menu.empty.queued', { count: queued })}
          parts={{ review: (text) => <a href={href({ name: 'queue' })}>{text}</a> }}
        />
      </p>
    );
  return (
    <p class="card">
      <Trans
        text={t(isCoach ? 'menu.empty.coach' : 'menu.empty.teacher')}
        parts={{ add: (text) => <a href={href({ name: 'add' })}>{text}</a> }}
      />
    </p>
  );
}
