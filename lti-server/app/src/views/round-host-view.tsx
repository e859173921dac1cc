import { useEffect, useRef, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../../../shared/i18n';
import { MAX_HOST_LOOK_FORS } from '../../../../shared/round-hosts';
import { declineSlot, getRoundHosting, putHostLookFor, type RoundHosting } from '../api';
import { LookForReset } from '../components/look-for-reset';
import { LoadState, type Notice, NoticeLine } from '../components/notice-line';
import { Trans } from '../components/trans';
import { href } from '../router';
import { formatInstantDay, formatTime, viewerZone } from '../time';

type Slot = RoundHosting['slots'][number];

const FOCUS_NAMES: Record<RoundHosting['round']['focus']['kind'], MessageKey> = {
  strategy: 'picture.focus.strategy',
  tag: 'picture.focus.tag',
  problem: 'picture.focus.problem',
};

/** The sentences of a refusal: its field messages when it has them, else its message. */
const problemsOf = (r: { message: string; fields?: Array<{ message: string }> }) =>
  r.fields?.length ? `${r.message} ${r.fields.map((f) => f.message).join('; ')}.` : r.message;

/**
 * A round as one of its hosts sees it: the focus the coach chose, what visitors should look for in this room (some of
 * the round's look-fors and/or the host's own), and the host's slots, each of which they may decline with a reason
 * before it starts. The coach reads the reason; the visitors see the slot canceled.
 */
export function RoundHostView({
  token,
  roundId,
  zone = viewerZone(),
}: {
  token: string;
  roundId: string;
  zone?: string;
}) {
  const [hosting, setHosting] = useState<RoundHosting | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  // Going back to the round's look-for starts the form afresh from the (now empty) choice.
  const [resets, setResets] = useState(0);

  useEffect(() => {
    let live = true;
    getRoundHosting(token, roundId).then((r) => {
      if (!live) return;
      if (r.ok) setHosting(r.data);
      else setError(r.message);
    });
    return () => {
      live = false;
    };
  }, [token, roundId]);

  if (!hosting)
    return (
      <section aria-labelledby="view-title">
        <h1 id="view-title" tabIndex={-1}>
          {t('round-host.title.loading')}
        </h1>
        <LoadState error={error} loaded={false} />
      </section>
    );

  const { round } = hosting;
  return (
    <section aria-labelledby="view-title">
      <p>
        <a href={href({ name: 'doors' })}>{t('round-host.back')}</a>
      </p>
      <h1 id="view-title" tabIndex={-1}>
        {t('round-host.title', { title: round.title })}
      </h1>
      <p class="lede">{t('round-host.lede', { planner: round.plannedBy.name })}</p>
      <dl class="plain-facts">
        <dt>{t(FOCUS_NAMES[round.focus.kind])}</dt>
        <dd>{round.focus.value}</dd>
        <dt>{t('round-host.look-for')}</dt>
        <dd data-testid="current-look-for">{hosting.lookFor ?? t('round-host.look-for.none')}</dd>
      </dl>
      <NoticeLine notice={notice} />
      <LookForForm key={resets} token={token} hosting={hosting} onSaved={setHosting} onNotice={setNotice} />
      <LookForReset
        token={token}
        hosting={hosting}
        onReset={(h) => {
          setHosting(h);
          setResets((n) => n + 1);
        }}
        onNotice={setNotice}
      />
      <section aria-labelledby="slots-h">
        <h2 id="slots-h">{t('round-host.slots')}</h2>
        <ul class="doors">
          {hosting.slots.map((s) => (
            <SlotItem
              key={s.doorId}
              token={token}
              slot={s}
              zone={zone}
              onDeclined={(h) => {
                setHosting(h);
                setNotice({
                  kind: 'notice',
                  text: t('round-host.declined', {
                    time: formatTime(s.startsAt, zone),
                    planner: round.plannedBy.name,
                  }),
                });
              }}
            />
          ))}
        </ul>
      </section>
    </section>
  );
}

function LookForForm({
  token,
  hosting,
  onSaved,
  onNotice,
}: {
  token: string;
  hosting: RoundHosting;
  onSaved: (h: RoundHosting) => void;
  onNotice: (n: Notice) => void;
}) {
  const [picked, setPicked] = useState<string[]>(hosting.choice?.picked ?? []);
  const [own, setOwn] = useState(hosting.choice?.own ?? '');
  const [busy, setBusy] = useState(false);

  if (!hosting.canChoose)
    return (
      <section aria-labelledby="look-for-h">
        <h2 id="look-for-h">{t('round-host.look-for.title')}</h2>
        <p>{t('round-host.look-for.closed')}</p>
      </section>
    );

  const toggle = (lookFor: string, on: boolean) =>
    setPicked((list) => (on ? [...list, lookFor] : list.filter((x) => x !== lookFor)));

  async function save(e: Event) {
    e.preventDefault();
    setBusy(true);
    const r = await putHostLookFor(token, hosting.round.id, { picked, own: own.trim() || null });
    setBusy(false);
    if (!r.ok) return onNotice({ kind: 'error', text: problemsOf(r) });
    onSaved(r.data);
    onNotice({ kind: 'notice', text: t('round-host.look-for.saved', { lookFor: r.data.lookFor ?? '' }) });
  }

  return (
    <section aria-labelledby="look-for-h">
      <h2 id="look-for-h">{t('round-host.look-for.title')}</h2>
      <form aria-labelledby="look-for-h" onSubmit={save}>
        {hosting.lookFors.length > 0 && (
          <fieldset>
            <legend>{t('round-host.look-for.choose', { max: MAX_HOST_LOOK_FORS })}</legend>
            {hosting.lookFors.map((l, i) => (
              <div class="check" key={l}>
                <input
                  type="checkbox"
                  id={`look-for-${i}`}
                  checked={picked.includes(l)}
                  onChange={(e) => toggle(l, (e.target as HTMLInputElement).checked)}
                />
                <label for={`look-for-${i}`}>{l}</label>
              </div>
            ))}
          </fieldset>
        )}
        <div class="field">
          <label for="own-look-for">
            {hosting.lookFors.length > 0 ? t('round-host.look-for.own-too') : t('round-host.look-for.own')}
          </label>
          <input
            id="own-look-for"
            maxLength={200}
            value={own}
            aria-describedby="own-look-for-hint"
            onInput={(e) => setOwn((e.target as HTMLInputElement).value)}
          />
          <p class="hint" id="own-look-for-hint">
            {t('round-host.look-for.own.hint')}
          </p>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : t('round-host.look-for.save')}
        </button>
      </form>
    </section>
  );
}

function SlotItem({
  token,
  slot,
  zone,
  onDeclined,
}: {
  token: string;
  slot: Slot;
  zone: string;
  onDeclined: (h: RoundHosting) => void;
}) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const headingId = `slot-${slot.doorId}`;
  const reasonId = `decline-reason-${slot.doorId}`;

  useEffect(() => {
    if (asking) reasonRef.current?.focus();
  }, [asking]);

  async function decline(e: Event) {
    e.preventDefault();
    setBusy(true);
    const r = await declineSlot(token, slot.doorId, reason.trim());
    setBusy(false);
    if (!r.ok) return setProblem(problemsOf(r));
    setAsking(false);
    onDeclined(r.data);
  }

  return (
    <li class="door">
      <h3 id={headingId}>
        {t('round-host.slot.when', {
          day: formatInstantDay(slot.startsAt, zone),
          from: formatTime(slot.startsAt, zone),
          to: formatTime(slot.endsAt, zone),
        })}
      </h3>
      <p class="meta">
        <span>{slot.location}</span>
        <span>{t('round-host.slot.visitors', { count: slot.visitors })}</span>
      </p>
      {slot.status === 'declined' ? (
        <p class="state">
          <Trans
            text={t('round-host.slot.declined', { reason: slot.declineReason ?? '' })}
            parts={{ strong: (text) => <strong>{text}</strong> }}
          />
        </p>
      ) : slot.status === 'cancelled' ? (
        <p class="state">
          <strong>{t('round-host.slot.canceled')}</strong>
        </p>
      ) : !slot.canDecline ? (
        <p class="state">{t('round-host.slot.started')}</p>
      ) : asking ? (
        <form class="confirm" aria-labelledby={headingId} onSubmit={decline}>
          <div class="field">
            <label for={reasonId}>{t('round-host.decline.reason')}</label>
            <textarea
              id={reasonId}
              ref={reasonRef}
              rows={2}
              maxLength={300}
              value={reason}
              aria-describedby={`${reasonId}-hint`}
              onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
            />
            <p class="hint" id={`${reasonId}-hint`}>
              {t('round-host.decline.reason.hint')}
            </p>
          </div>
          {problem && (
            <p role="alert" class="card attention">
              {problem}
            </p>
          )}
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? t('round-host.decline.busy') : t('round-host.decline.submit')}
            </button>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setAsking(false);
                setProblem('');
                setTimeout(() => triggerRef.current?.focus(), 0);
              }}
            >
              {t('round-host.decline.keep')}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          class="secondary"
          ref={triggerRef}
          aria-describedby={headingId}
          onClick={() => setAsking(true)}
        >
          {t('round-host.decline')}
        </button>
      )}
    </li>
  );
}
