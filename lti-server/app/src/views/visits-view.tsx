import { useEffect, useRef, useState } from 'preact/hooks';
import { currentLocale, t } from '../../../../shared/i18n';
import {
  type Briefing,
  type CalendarFeed,
  cancelVisit,
  createCalendarFeed,
  getBriefing,
  getCalendarFeed,
  listNotes,
  listVisits,
  revokeCalendarFeed,
  type Visit,
} from '../api';
import { CancelWithReason } from '../components/cancel-with-reason';
import { ConfirmAction } from '../components/confirm';
import { DoorFacts } from '../components/door-item';
import { IcsButton } from '../components/ics-button';
import { LoadState, type Notice, NoticeLine } from '../components/notice-line';
import { RoomLinkPanel } from '../components/room-link-panel';
import { GroupClock, stopsOf } from '../components/round/group-clock';
import { Trans } from '../components/trans';
import { href } from '../router';
import { formatInstantDay, viewerZone, visitTime } from '../time';

/** setTimeout fires at once for a delay above 2^31 - 1 ms; a later change is waited for in steps. */
const MAX_TIMER_MS = 2_147_483_647;

/** When the next booked visit after `at` starts or ends (epoch ms), or null when none will. */
export function nextVisitChange(visits: Visit[], at: number): number | null {
  let next: number | null = null;
  for (const v of visits) {
    if (v.status === 'cancelled') continue;
    for (const t of [Date.parse(v.door.startsAt), Date.parse(v.door.endsAt)])
      if (t > at && (next === null || t < next)) next = t;
  }
  return next;
}

/** The visits I booked (upcoming and past, cancelled ones marked) and my private calendar link. */
export function VisitsView({
  token,
  zone = viewerZone(),
  now = () => new Date(),
}: {
  token: string;
  zone?: string;
  now?: () => Date;
}) {
  const [visits, setVisits] = useState<Visit[] | null>(null);
  /** The server answers a page at a time (upcoming first, then past): "Show more visits" adds the next one. */
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState('');
  /** How many notes I wrote per visit (unknown until loaded; the links still work without it). */
  const [noteCounts, setNoteCounts] = useState<Map<string, number>>(new Map());
  const [notice, setNotice] = useState<Notice>(null);

  /** The briefings of the rounds I visit in: whether I have read each, and my role (the facilitator's clock). */
  const [briefings, setBriefings] = useState<Map<string, Briefing>>(new Map());

  const load = () =>
    listVisits(token).then((r) => {
      if (r.ok) {
        setVisits(r.data.items);
        setNextCursor(r.data.nextCursor);
        setError('');
        loadBriefings(r.data.items);
      } else setError(r.message);
    });
  async function more() {
    setLoadingMore(true);
    const r = await listVisits(token, nextCursor);
    setLoadingMore(false);
    if (!r.ok) return setError(r.message);
    const all = [...(visits ?? []), ...r.data.items];
    setVisits(all);
    setNextCursor(r.data.nextCursor);
    setError('');
    loadBriefings(all);
  }
  // One request per round (not per visit), and only for rounds still to come.
  async function loadBriefings(items: Visit[]) {
    const at = now().getTime();
    const rounds = [
      ...new Set(
        items
          .filter((v) => v.status === 'booked' && v.door.roundId && Date.parse(v.door.endsAt) > at)
          .map((v) => v.door.roundId!),
      ),
    ];
    const answers = await Promise.all(rounds.map((id) => getBriefing(token, id)));
    const found = new Map<string, Briefing>();
    for (const [i, r] of answers.entries()) if (r.ok) found.set(rounds[i]!, r.data);
    setBriefings(found);
  }
  useEffect(() => {
    load();
    listNotes(token, 'written').then((r) => {
      if (!r.ok) return;
      const counts = new Map<string, number>();
      for (const n of r.data.items) counts.set(n.visitId, (counts.get(n.visitId) ?? 0) + 1);
      setNoteCounts(counts);
    });
  }, [token]);

  // Re-render at the next start or end of a visit, so "Write notes" appears when a visit starts and a visit moves to
  // Past when it ends, without reloading: one timer to the next change, none when nothing changes any more.
  const [, setTick] = useState(0);
  const at = now().getTime();
  const nextChange = nextVisitChange(visits ?? [], at);
  useEffect(() => {
    if (nextChange === null) return;
    const timer = setTimeout(() => setTick((t) => t + 1), Math.min(nextChange - at, MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [nextChange, at]);
  const upcoming = (visits ?? [])
    .filter((v) => Date.parse(v.door.endsAt) > at)
    .sort((a, b) => Date.parse(a.door.endsAt) - Date.parse(b.door.endsAt));
  const past = (visits ?? [])
    .filter((v) => Date.parse(v.door.endsAt) <= at)
    .sort((a, b) => Date.parse(b.door.endsAt) - Date.parse(a.door.endsAt));

  /** Cancels a visit (a round visit with its reason); answers what went wrong, or null. */
  async function cancel(v: Visit, reason?: string): Promise<string | null> {
    const r = await cancelVisit(token, v.id, reason === undefined ? {} : { reason });
    if (r.ok) {
      setNotice({ kind: 'notice', text: t(v.door.roundId ? 'visits.canceled.round' : 'visits.canceled') });
      // The answer replaces the visit where it is, so the pages already shown stay.
      setVisits((all) => (all ?? []).map((x) => (x.id === r.data.id ? r.data : x)));
      return null;
    }
    const problem = [r.message, ...(r.fields ?? []).map((f) => f.message)].join(' ');
    if (!v.door.roundId) setNotice({ kind: 'error', text: problem });
    return problem;
  }

  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {t('app.nav.visits')}
      </h1>
      <p class="lede">{t('visits.lede')}</p>
      <RoomLinkPanel token={token} label={t('visits.phone')} />
      <NoticeLine notice={notice} />
      <LoadState error={error} loaded={Boolean(visits)} />
      {visits && (
        <>
          <section aria-labelledby="upcoming-h">
            <h2 id="upcoming-h">{t('visits.upcoming')}</h2>
            {upcoming.length === 0 ? (
              <p class="card">
                <Trans
                  text={t('visits.none')}
                  parts={{ doors: (text) => <a href={href({ name: 'doors' })}>{text}</a> }}
                />
              </p>
            ) : (
              <ul class="doors">
                {upcoming.map((v) => (
                  <VisitItem
                    key={v.id}
                    token={token}
                    visit={v}
                    zone={zone}
                    upcoming
                    started={Date.parse(v.door.startsAt) <= at}
                    ended={false}
                    notes={noteCounts.get(v.id) ?? 0}
                    onCancel={cancel}
                    briefing={v.door.roundId ? briefings.get(v.door.roundId) : undefined}
                    now={now}
                  />
                ))}
              </ul>
            )}
          </section>
          {past.length > 0 && (
            <section aria-labelledby="past-h">
              <h2 id="past-h">{t('visits.past')}</h2>
              <ul class="doors">
                {past.map((v) => (
                  <VisitItem
                    key={v.id}
                    token={token}
                    visit={v}
                    zone={zone}
                    upcoming={false}
                    started
                    ended
                    notes={noteCounts.get(v.id) ?? 0}
                    onCancel={cancel}
                  />
                ))}
              </ul>
            </section>
          )}
          {nextCursor && (
            <p>
              <button type="button" class="secondary" disabled={loadingMore} onClick={more}>
                {loadingMore ? t('visits.more.loading') : t('visits.more')}
              </button>
            </p>
          )}
        </>
      )}
      <CalendarFeedPanel token={token} />
    </section>
  );
}

function VisitItem({
  token,
  visit,
  zone,
  upcoming,
  started,
  ended,
  notes,
  onCancel,
  briefing,
  now,
}: {
  token: string;
  visit: Visit;
  zone: string;
  upcoming: boolean;
  /** The visit has begun: notes can be written. */
  started: boolean;
  /** The visit is over: the reflective dialogue is open. */
  ended: boolean;
  /** Notes I wrote about it. */
  notes: number;
  onCancel: (v: Visit, reason?: string) => Promise<string | null>;
  /** The round's briefing, for a visit of a round still to come. */
  briefing?: Briefing | undefined;
  now?: () => Date;
}) {
  const d = visit.door;
  const headingId = `visit-${visit.id}-title`;
  const time = visitTime(d, zone);
  const cancelled = visit.status === 'cancelled';
  return (
    <li class={`door${cancelled ? ' cancelled' : ''}`}>
      <h3 id={headingId}>
        {d.strategy ? (
          <a href={href({ name: 'strategy', id: d.strategy.id })}>{d.strategy.title}</a>
        ) : (
          t(d.roundId ? 'door.round-visit' : 'door.sampling-visit')
        )}
      </h3>
      {!cancelled && started && (
        // A visit under way leads with its notes: that is what the visitor came to the page for.
        <p>
          <a href={href({ name: 'visit-notes', visitId: visit.id })} aria-describedby={headingId}>
            {notes > 0 ? t('visits.your-notes', { count: notes }) : t('visits.write-notes')}
          </a>
        </p>
      )}
      {cancelled && (
        <p class="state">
          <strong>
            {t(visit.cancelledBy === 'host' ? 'visits.canceled-by-host' : 'visits.canceled-by-you')}
          </strong>
        </p>
      )}
      <p class="when">
        {formatInstantDay(d.startsAt, zone)} · {time.yours}
        {time.theirs && <span> · {time.theirs}</span>}
      </p>
      <DoorFacts host={d.host.name} location={d.location} />
      {d.visitorNote && (
        <p>
          <strong>
            {d.plannedBy
              ? t('door.note.planner', { name: d.plannedBy.name })
              : t('door.note.host', { name: d.host.name })}
          </strong>{' '}
          {d.visitorNote}
        </p>
      )}
      {d.lookFor && (
        <p>
          <strong>{t('door.look-for')}</strong> {d.lookFor}
        </p>
      )}
      {visit.thanks && (
        <p class="thanks">
          <strong>{t('note.thanked', { host: d.host.name })}</strong>{' '}
          {t('common.quoted', { text: visit.thanks.message })}
        </p>
      )}
      {!cancelled && started && (
        <RoomLinkPanel
          token={token}
          visitId={visit.id}
          label={t('visits.phone-visit')}
          describedBy={headingId}
        />
      )}
      {!cancelled && !started && <p class="hint">{t('visits.notes-open')}</p>}
      {!cancelled && ended && (
        <p>
          <a href={href({ name: 'dialogue', doorId: d.id })} aria-describedby={headingId}>
            {t('visits.dialogue', { host: d.host.name })}
          </a>
        </p>
      )}
      {!cancelled && started && !ended && briefing?.me.roles.includes('facilitator') && briefing.me.group && (
        // The facilitator's view of a visit under way: how long the group has left here, and where it goes next.
        <GroupClock
          stops={stopsOf(briefing, briefing.me.group)}
          zone={zone}
          headingLevel={4}
          id={`visit-${visit.id}-clock`}
          {...(now ? { now } : {})}
        />
      )}
      {d.roundId && briefing && (
        <p>
          <a href={href({ name: 'briefing', id: d.roundId })} aria-describedby={headingId}>
            {t('visits.briefing')}
          </a>
          {!(briefing.me.acknowledgedAt && briefing.me.current) && (
            <span class="badge badge-pending"> {t('visits.briefing.unread')}</span>
          )}
        </p>
      )}
      {d.roundId && (
        <p>
          <a href={href({ name: 'debrief', id: d.roundId })} aria-describedby={headingId}>
            {t('visits.debrief')}
          </a>
        </p>
      )}
      {!cancelled && upcoming && (
        <div class="actions">
          <IcsButton token={token} kind="visit" id={visit.id} describedBy={headingId} />
          {d.roundId ? (
            // A round visit was planned for a group: the coach who planned it is told, with the visitor's reason.
            <CancelWithReason
              idPrefix={`visit-${visit.id}`}
              describedBy={headingId}
              question={t('visits.cancel-round.question', { host: d.host.name })}
              onCancel={(reason) => onCancel(visit, reason)}
            />
          ) : (
            <ConfirmAction
              label={t('visits.cancel')}
              describedBy={headingId}
              question={t('visits.cancel.question', { host: d.host.name })}
              confirmLabel={t('visits.cancel.confirm')}
              cancelLabel={t('visits.cancel.keep')}
              onConfirm={() => onCancel(visit)}
            />
          )}
        </div>
      )}
    </li>
  );
}

/** The private, revocable calendar feed: its URL is known only right after it is made. */
function CalendarFeedPanel({ token }: { token: string }) {
  const [feed, setFeed] = useState<CalendarFeed | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    getCalendarFeed(token).then((r) => (r.ok ? setFeed(r.data) : setError(r.message)));
  }, [token]);

  async function make() {
    setBusy(true);
    const r = await createCalendarFeed(token);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setError('');
    setFeed(r.data);
    setStatus(t('feed.ready'));
    setTimeout(() => urlRef.current?.focus(), 0);
  }

  async function turnOff() {
    setBusy(true);
    const r = await revokeCalendarFeed(token);
    setBusy(false);
    if (!r.ok) return setError(r.message);
    setError('');
    setFeed({ active: false, url: null, createdAt: null });
    setStatus(t('feed.off'));
  }

  async function copy() {
    const url = feed?.url ?? '';
    try {
      await navigator.clipboard.writeText(url);
      setStatus(t('feed.copied'));
    } catch {
      urlRef.current?.select();
      setStatus(t('feed.select'));
    }
  }

  return (
    <section class="card" aria-labelledby="feed-h">
      <h2 id="feed-h">{t('feed.title')}</h2>
      <p>{t('feed.body')}</p>
      {error && <p role="alert">{error}</p>}
      {!feed && !error && <p>{t('common.loading')}</p>}
      {feed && !feed.active && (
        <button type="button" disabled={busy} onClick={make}>
          {t('feed.create')}
        </button>
      )}
      {feed?.active && feed.url && (
        <>
          <div class="field">
            <label for="feed-url">{t('feed.label')}</label>
            <p class="hint" id="feed-url-hint">
              {t('feed.privacy')}
            </p>
            <input
              id="feed-url"
              ref={urlRef}
              type="text"
              readOnly
              value={feed.url}
              aria-describedby="feed-url-hint"
              onFocus={(e) => (e.target as HTMLInputElement).select()}
            />
          </div>
          <div class="actions">
            <button type="button" onClick={copy}>
              {t('feed.copy')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={turnOff}>
              {t('feed.turn-off')}
            </button>
          </div>
        </>
      )}
      {feed?.active && !feed.url && (
        <>
          <p>
            {feed.createdAt
              ? t('feed.active-since', {
                  date: new Date(feed.createdAt).toLocaleDateString(currentLocale(), { dateStyle: 'medium' }),
                })
              : t('feed.active')}
          </p>
          <p class="hint">{t('feed.privacy')}</p>
          <div class="actions">
            <button type="button" disabled={busy} onClick={make}>
              {t('feed.new')}
            </button>
            <button type="button" class="secondary" disabled={busy} onClick={turnOff}>
              {t('feed.turn-off')}
            </button>
          </div>
        </>
      )}
      <p role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
