import { useEffect, useRef, useState } from 'preact/hooks';
import {
  deleteRound,
  getRound,
  listPeople,
  listRounds,
  publishRound,
  putRoundGroups,
  type Round,
} from '../api';
import { ConfirmAction } from '../components/confirm';
import { LoadState } from '../components/notice-line';
import { setFlash, takeFlash } from '../flash';
import { href, navigate } from '../router';
import { formatDay, formatTime } from '../time';

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

/** One round: its groups (movable while a draft), the rotation per time slot, publish and delete. */
export function RoundDetail({ token, id }: { token: string; id: string }) {
  const [round, setRound] = useState<Round | null>(null);
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [notice, setNotice] = useState(takeFlash);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    getRound(token, id).then((r) => (r.ok ? setRound(r.data) : setError(r.message)));
    listPeople(token).then((r) => {
      if (r.ok) setNames(Object.fromEntries(r.data.items.map((p) => [p.id, p.name])));
    });
  }, [token, id]);

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

  const nameOf = (pid: string) =>
    round.participants.find((p) => p.id === pid)?.name ??
    round.hosts.find((p) => p.id === pid)?.name ??
    names[pid] ??
    'Someone who left';
  const draft = round.status === 'draft';

  const announce = (text: string) => {
    setNotice(text);
    setTimeout(() => noticeRef.current?.focus(), 0);
  };

  async function move(personId: string, target: number | 'new') {
    if (!round) return;
    const groups = round.groups.map((g) => g.filter((x) => x !== personId));
    if (target === 'new') groups.push([personId]);
    else groups[target]?.push(personId);
    const kept = groups.filter((g) => g.length > 0);
    const r = await putRoundGroups(token, round.id, kept);
    if (r.ok) {
      setProblems([]);
      setError('');
      setRound(r.data);
      const to = r.data.groups.findIndex((g) => g.includes(personId));
      announce(`Moved ${nameOf(personId)} to group ${to + 1}. The rotation was made again.`);
    } else if (r.code === 'ROUND_UNPLANNABLE') {
      const sentences = (r.fields ?? []).map((f) => f.message).filter(Boolean);
      setProblems(sentences.length ? [...new Set(sentences)] : [r.message]);
      setTimeout(() => problemsRef.current?.focus(), 0);
    } else {
      setProblems([r.message]);
      setTimeout(() => problemsRef.current?.focus(), 0);
    }
  }

  async function publish() {
    if (!round) return;
    const r = await publishRound(token, round.id);
    if (r.ok) {
      setRound(r.data);
      setProblems([]);
      announce('Published. Everyone’s visits are now in their “My visits”, and the hosts’ doors are open.');
    } else {
      setProblems(r.fields?.length ? r.fields.map((f) => f.message) : [r.message]);
      setTimeout(() => problemsRef.current?.focus(), 0);
    }
  }

  async function remove() {
    if (!round) return;
    const r = await deleteRound(token, round.id);
    if (r.ok) {
      setFlash(`Deleted the draft “${round.title}”.`);
      navigate({ name: 'rounds' });
    } else {
      setProblems([r.message]);
      setTimeout(() => problemsRef.current?.focus(), 0);
    }
  }

  const hostOf = (hostId: string) => round.hosts.find((h) => h.id === hostId);

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
      <section class="card" aria-labelledby="groups-h">
        <h2 id="groups-h">Groups</h2>
        {draft && (
          <p class="hint">
            To move someone, choose their new group and press Move. The rotation is made again each time.
          </p>
        )}
        {round.groups.map((group, gi) => (
          <div class="group" key={group.join(',')}>
            <h3>Group {gi + 1}</h3>
            <ul class="plain">
              {group.map((pid) => (
                <MemberRow
                  key={pid}
                  personId={pid}
                  name={nameOf(pid)}
                  current={gi}
                  groupCount={round.groups.length}
                  editable={draft}
                  onMove={move}
                />
              ))}
            </ul>
          </div>
        ))}
      </section>
      <section class="card" aria-labelledby="rotation-h">
        <h2 id="rotation-h">Rotation</h2>
        <p class="hint">Times in {round.timeZone}.</p>
        {round.slots.length === 0 && <p>No visits planned.</p>}
        {round.slots.map((slot) => (
          <div class="slot" key={slot.startsAt}>
            <h3>
              {formatTime(slot.startsAt, round.timeZone)}–{formatTime(slot.endsAt, round.timeZone)}
            </h3>
            <ul class="plain">
              {slot.visits.map((v) => {
                const host = hostOf(v.hostId);
                return (
                  <li key={`${v.hostId}-${v.group}`}>
                    <strong>
                      Group {v.group + 1} → {host?.name ?? nameOf(v.hostId)}’s room
                      {host?.location ? ` (${host.location})` : ''}
                    </strong>
                    <br />
                    <span class="muted">
                      Visitors: {v.visitorIds.length > 0 ? v.visitorIds.map(nameOf).join(', ') : 'none'}
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </section>
      {draft && (
        <div class="actions">
          <ConfirmAction
            label="Publish this round"
            question="Publish this round? Each visitor gets their visits in “My visits” and each host’s door opens. The groups cannot be changed afterwards."
            confirmLabel="Yes, publish"
            cancelLabel="Not yet"
            onConfirm={publish}
          />
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

function MemberRow({
  personId,
  name,
  current,
  groupCount,
  editable,
  onMove,
}: {
  personId: string;
  name: string;
  current: number;
  groupCount: number;
  editable: boolean;
  onMove: (personId: string, target: number | 'new') => Promise<void>;
}) {
  const [choice, setChoice] = useState(String(current));
  const [busy, setBusy] = useState(false);
  if (!editable) return <li>{name}</li>;
  const selectId = `move-${personId}`;
  return (
    <li class="member">
      <span>{name}</span>
      <label for={selectId}>
        Move <span class="sr-only">{name} </span>to group…
      </label>
      <select id={selectId} value={choice} onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}>
        {Array.from({ length: groupCount }, (_, i) => (
          <option key={`g${i + 1}`} value={String(i)}>
            Group {i + 1}
            {i === current ? ' (now)' : ''}
          </option>
        ))}
        <option value="new">A new group</option>
      </select>
      <button
        type="button"
        class="secondary"
        aria-label={`Move ${name}`}
        disabled={busy || choice === String(current)}
        onClick={async () => {
          setBusy(true);
          await onMove(personId, choice === 'new' ? 'new' : Number(choice));
          setBusy(false);
        }}
      >
        Move
      </button>
    </li>
  );
}
