import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import type { DoorCard } from '../api';
import { DoorItem } from '../components/door-item';
import { Trans } from '../components/trans';
import { LoadState } from '../components/notice-line';
import { takeFlash } from '../flash';
import { useDoorPages } from '../hooks/use-door-pages';
import { href } from '../router';
import { addDays, formatDay, formatWeek, localDate, viewerZone, weekOf, weekRange } from '../time';

interface Filters {
  subject: string;
  tag: string;
  mine: boolean;
}

const NO_FILTERS: Filters = { subject: '', tag: '', mine: false };

/**
 * The open doors of one week (Monday to Sunday in the viewer's zone), grouped by day, with booking. The server
 * answers a page of doors at a time; "Show more doors" adds the next page of the same week.
 */
export function DoorsView({
  token,
  week,
  zone = viewerZone(),
  now = () => new Date(),
}: {
  token: string;
  /** Monday 'YYYY-MM-DD' to show; this week when absent. */
  week?: string | undefined;
  zone?: string;
  now?: () => Date;
}) {
  const thisWeek = weekOf(now(), zone);
  const [monday, setMonday] = useState(week ?? thisWeek);
  const [form, setForm] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [version, setVersion] = useState(0);
  const [flash] = useState(takeFlash);

  useEffect(() => {
    if (week) setMonday(week);
  }, [week]);

  const { doors, hasMore, loadingMore, error, more } = useDoorPages(
    token,
    { ...weekRange(monday, zone), ...filters },
    version,
  );

  const goTo = (m: string) => {
    if (m !== monday) setMonday(m);
  };

  const days = new Map<string, DoorCard[]>();
  // Pages come in start order; sorting again keeps each day in order whatever the pages held.
  for (const d of [...(doors ?? [])].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const day = localDate(d.startsAt, zone);
    days.set(day, [...(days.get(day) ?? []), d]);
  }
  const filtered = Boolean(filters.subject.trim() || filters.tag.trim() || filters.mine);
  const at = now();

  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {t('doors.title')}
      </h1>
      <p class="lede">{t('doors.lede')}</p>
      <p class="actions">
        <a href={href({ name: 'door-new' })}>{t('doors.open-yours')}</a>
        <a href={href({ name: 'visits' })}>{t('app.nav.visits')}</a>
      </p>
      {flash && (
        <p role="status" class="notice">
          {flash}
        </p>
      )}
      <fieldset class="week-nav">
        <legend class="sr-only">{t('doors.week.choose')}</legend>
        <button type="button" class="secondary" onClick={() => goTo(addDays(monday, -7))}>
          {t('doors.week.previous')}
        </button>
        <button type="button" class="secondary" onClick={() => goTo(thisWeek)}>
          {t('doors.week.this')}
        </button>
        <button type="button" class="secondary" onClick={() => goTo(addDays(monday, 7))}>
          {t('doors.week.next')}
        </button>
      </fieldset>
      <p class="week-label" aria-live="polite">
        <strong>
          {t(monday === thisWeek ? 'doors.week.this-label' : 'doors.week.label', {
            week: formatWeek(monday),
          })}
        </strong>{' '}
        <span class="muted">{t('doors.week.zone', { zone })}</span>
      </p>
      <form
        class="search"
        aria-label={t('doors.filter.label')}
        onSubmit={(e) => {
          e.preventDefault();
          setFilters({ ...form });
        }}
      >
        <div class="field">
          <label for="door-subject">{t('menu.search.subject')}</label>
          <input
            id="door-subject"
            value={form.subject}
            onInput={(e) => setForm({ ...form, subject: (e.target as HTMLInputElement).value })}
          />
        </div>
        <div class="field">
          <label for="door-tag">{t('menu.search.tag')}</label>
          <input
            id="door-tag"
            value={form.tag}
            onInput={(e) => setForm({ ...form, tag: (e.target as HTMLInputElement).value })}
          />
        </div>
        <div class="check">
          <input
            id="door-mine"
            type="checkbox"
            checked={form.mine}
            onChange={(e) => setForm({ ...form, mine: (e.target as HTMLInputElement).checked })}
          />
          <label for="door-mine">{t('doors.filter.mine')}</label>
        </div>
        <button type="submit">{t('doors.filter.submit')}</button>
      </form>
      <p class="sr-only" role="status" aria-live="polite">
        {doors
          ? t(hasMore ? 'doors.shown.more' : 'doors.shown', { count: doors.length, week: formatWeek(monday) })
          : ''}
      </p>
      <LoadState error={error} loaded={Boolean(doors)} />
      {doors && doors.length === 0 && (
        <div class="card">
          {filtered ? (
            <p>{t('doors.empty.filtered')}</p>
          ) : (
            <p>
              <Trans
                text={t('doors.empty')}
                parts={{ open: (text) => <a href={href({ name: 'door-new' })}>{text}</a> }}
              />
            </p>
          )}
        </div>
      )}
      {[...days].map(([day, list]) => (
        <div class="day" key={day}>
          <h2 id={`day-${day}`}>{formatDay(day)}</h2>
          <ul class="doors" aria-labelledby={`day-${day}`}>
            {list.map((d) => (
              <DoorItem
                key={d.id}
                token={token}
                door={d}
                zone={zone}
                now={at}
                onChanged={() => setVersion((v) => v + 1)}
              />
            ))}
          </ul>
        </div>
      ))}
      {doors && hasMore && (
        <p>
          <button type="button" class="secondary" disabled={loadingMore} onClick={more}>
            {t(loadingMore ? 'strategy-doors.loading-more' : 'doors.more')}
          </button>
        </p>
      )}
    </section>
  );
}
