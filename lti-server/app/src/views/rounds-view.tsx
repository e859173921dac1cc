import { useEffect, useState } from 'preact/hooks';
import {
  dismissRoundNotice,
  getBriefing,
  listRoundNotices,
  listRounds,
  type Round,
  type RoundNotice,
} from '../api';
import { ConfirmAction } from '../components/confirm';
import { LoadState } from '../components/notice-line';
import { RoundDeclines } from '../components/round/round-declines';
import { RoundGroups } from '../components/round/round-groups';
import { RoundRotation } from '../components/round/round-rotation';
import { takeFlash } from '../flash';
import { useRound } from '../hooks/use-round';
import { href } from '../router';
import { formatDay, formatInstantDay, formatTime, viewerZone } from '../time';

const FOCUS_NAMES: Record<Round['focus']['kind'], string> = {
  strategy: 'Strategy',
  tag: 'Tag',
  problem: 'Problem of practice',
};

const roundDate = (r: Round) => `${formatDay(r.date)}, ${r.date.slice(0, 4)}`;

/** The coach's rounds: drafts and published ones. */
export function RoundsList({ token }: { token: string }) {
  const [rounds, setRounds] = useState<Round[] | null>(null);
  const [error, setError] = useState('');
  const [flash] = useState(takeFlash);

  useEffect(() => {
    listRounds(token).then((r) => (r.ok ? setRounds(r.data.items) : setError(r.message)));
  }, [token]);

  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        Rounds
      </h1>
      <p class="lede">
        A round is a planned morning of visits: small groups of colleagues rotate through a few classrooms
        around one focus.
      </p>
      {flash && (
        <p role="status" class="notice">
          {flash}
        </p>
      )}
      <RoundNotices token={token} />
      <p class="actions">
        <a href={href({ name: 'round-new' })}>Plan a new round</a>
      </p>
      <LoadState error={error} loaded={Boolean(rounds)} />
      {rounds && rounds.length === 0 && (
        <p class="card">
          No rounds yet. <a href={href({ name: 'round-new' })}>Plan the first one</a>: choose a focus, the
          visitors and the hosts, and the planner makes the groups and the rotation.
        </p>
      )}
      {rounds && rounds.length > 0 && (
        <ul class="doors">
          {rounds.map((r) => (
            <li class="door" key={r.id}>
              <h2 class="item-title">
                <a href={href({ name: 'round', id: r.id })}>{r.title}</a>
              </h2>
              <p class="meta">
                <span>
                  {roundDate(r)} at {r.start} ({r.timeZone})
                </span>
                <span class={`badge badge-${r.status === 'published' ? 'approved' : 'pending'}`}>
                  {r.status === 'published' ? 'Published' : 'Draft'}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * "Needs your attention": round visits a participant canceled, so a group is one short, and slots a host declined,
 * with their reason and a link to re-plan. Participation logistics for the coach who planned the round; dismissed once
 * dealt with (a re-planned slot leaves the list by itself).
 */
function RoundNotices({ token, zone = viewerZone() }: { token: string; zone?: string }) {
  const [notices, setNotices] = useState<RoundNotice[]>([]);
  const [status, setStatus] = useState('');
  useEffect(() => {
    listRoundNotices(token).then((r) => r.ok && setNotices(r.data.items));
  }, [token]);
  async function dismiss(n: RoundNotice) {
    const r = await dismissRoundNotice(token, n.id);
    if (!r.ok) return setStatus(r.message);
    setNotices((list) => list.filter((x) => x.id !== n.id));
    setStatus('Dismissed.');
    document.getElementById('view-title')?.focus();
  }
  if (notices.length === 0) return status ? <p role="status">{status}</p> : null;
  return (
    <section class="card attention" aria-labelledby="notices-h">
      <h2 id="notices-h">Needs your attention</h2>
      <ul>
        {notices.map((n) => (
          <li key={n.id}>
            {n.kind === 'slot_declined' ? (
              <>
                {n.person.name} declined the slot in their room on {formatInstantDay(n.startsAt, zone)} at{' '}
                {formatTime(n.startsAt, zone)} (
                <a href={href({ name: 'round', id: n.round.id })}>{n.round.title}</a>
                ): “{n.decline?.reason}”. Open the round to move the group to another room.{' '}
              </>
            ) : (
              <>
                {n.person.name} canceled their visit to {n.host.name}’s room on{' '}
                {formatInstantDay(n.startsAt, zone)} at {formatTime(n.startsAt, zone)} (
                <a href={href({ name: 'round', id: n.round.id })}>{n.round.title}</a>): their group is one
                short. {n.reason && <>Their reason: “{n.reason}” </>}
              </>
            )}
            <button type="button" class="secondary" onClick={() => dismiss(n)}>
              Dismiss<span class="sr-only"> the notice about {n.person.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <p role="status">{status}</p>
    </section>
  );
}

/** One round: its groups (movable while a draft), the rotation per time slot, publish and delete. */
export function RoundDetail({ token, id }: { token: string; id: string }) {
  const { round, error, problems, notice, noticeRef, problemsRef, nameOf, move, publish, remove, replanned } =
    useRound(token, id);

  if (error && !round) {
    return (
      <div class="card" role="alert">
        <h1 id="view-title" tabIndex={-1}>
          Round not available
        </h1>
        <p>{error}</p>
        <a href={href({ name: 'rounds' })}>Back to the rounds</a>
      </div>
    );
  }
  if (!round) return <p role="status">Loading…</p>;

  const draft = round.status === 'draft';

  return (
    <article aria-labelledby="view-title">
      <p>
        <a href={href({ name: 'rounds' })}>← Rounds</a>
      </p>
      <h1 id="view-title" tabIndex={-1}>
        {round.title}
      </h1>
      <p class="meta">
        <span class={`badge badge-${draft ? 'pending' : 'approved'}`}>{draft ? 'Draft' : 'Published'}</span>
        <span>
          {roundDate(round)} from {round.start}
        </span>
        <span>
          {round.slotMinutes}-minute visits, {round.gapMinutes} minutes between
        </span>
      </p>
      <dl class="plain-facts">
        <dt>{FOCUS_NAMES[round.focus.kind]}</dt>
        <dd>{round.focus.value}</dd>
        {round.lookFor && (
          <>
            <dt>Look for</dt>
            <dd>{round.lookFor}</dd>
          </>
        )}
      </dl>
      {notice && (
        <p role="status" class="notice" tabIndex={-1} ref={noticeRef}>
          {notice}
        </p>
      )}
      {problems.length > 0 && (
        <div class="card attention" role="alert" tabIndex={-1} ref={problemsRef}>
          <p>
            <strong>{draft ? 'That change does not work:' : 'Something went wrong:'}</strong>
          </p>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {!draft && (
        <div class="card">
          <p>
            This round is published: the visits are in everyone’s “My visits”, and each host’s door is open.
            Groups can no longer be changed here.
          </p>
          <p>
            <a href={href({ name: 'debrief', id: round.id })}>Open the debrief</a>: the group reads the
            evidence cards, names patterns, predicts and agrees on the next level of work.
          </p>
        </div>
      )}
      {draft && round.tradeoffs.length > 0 && (
        <section class="card" aria-labelledby="tradeoffs-h">
          <h2 id="tradeoffs-h">Before you publish: what this plan costs</h2>
          <ul>
            {round.tradeoffs.map((t) => (
              <li key={t.message}>{t.message}</li>
            ))}
          </ul>
          <p class="hint">
            Hosts who are also in a group sit out while their own room has visitors. To change this, move
            people between groups, or plan again with fewer hosts among the visitors. Publishing asks you to
            confirm these.
          </p>
        </section>
      )}
      <BriefingLink token={token} round={round} />
      <RoundDeclines token={token} round={round} nameOf={nameOf} onReplanned={replanned} />
      <RoundGroups round={round} nameOf={nameOf} onMove={move} />
      <RoundRotation round={round} nameOf={nameOf} />
      {draft && (
        <div class="actions">
          {round.tradeoffs.length > 0 ? (
            <ConfirmAction
              label="Publish this round"
              describedBy="tradeoffs-h"
              question={`Publish this round with ${round.tradeoffs.length === 1 ? 'the trade-off' : `the ${round.tradeoffs.length} trade-offs`} listed under “Before you publish”? Each visitor gets their visits in “My visits” and each host’s door opens. The groups cannot be changed afterwards.`}
              confirmLabel="Yes, publish with these trade-offs"
              cancelLabel="Not yet"
              onConfirm={publish}
            />
          ) : (
            <ConfirmAction
              label="Publish this round"
              question="Publish this round? Each visitor gets their visits in “My visits” and each host’s door opens. The groups cannot be changed afterwards."
              confirmLabel="Yes, publish"
              cancelLabel="Not yet"
              onConfirm={publish}
            />
          )}
          <ConfirmAction
            label="Delete this draft"
            question="Delete this draft? Nothing has been booked from it."
            confirmLabel="Yes, delete the draft"
            onConfirm={remove}
          />
        </div>
      )}
    </article>
  );
}

/** The way to the round's briefing, with how many have read it once the round is published. */
function BriefingLink({ token, round }: { token: string; round: Round }) {
  const [reading, setReading] = useState<{ read: number; total: number } | null>(null);
  const published = round.status === 'published';
  useEffect(() => {
    if (!published) return;
    getBriefing(token, round.id).then((r) => r.ok && r.data.reading && setReading(r.data.reading));
  }, [token, round.id, published]);
  return (
    <p class="card">
      <a href={href({ name: 'briefing', id: round.id })}>Briefing and roles</a>: why the school chose this
      focus, what visitors look for, the norms and who facilitates, keeps time and takes notes in each group.
      {!published && ' Participants read it once the round is published.'}
      {published && reading && ` ${reading.read} of ${reading.total} have read it.`}
    </p>
  );
}
