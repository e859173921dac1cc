import { useCallback, useEffect, useState } from 'preact/hooks';
import { DISTRICT_PATTERN_SCHOOLS } from '../../../../shared/districts';
import { NOTE_PROMPTS, type NotePrompt, PROMPT_TEXT } from '../../../../shared/notes';
import type { Round } from '../../../../shared/rounds';
import { type ApiResult, listRounds } from '../api';
import { Field } from '../components/fields';
import { LoadState, type Notice, NoticeLine } from '../components/notice-line';
import {
  acceptDistrict,
  type CrossRound,
  type DistrictInvite,
  type DistrictPage,
  type DistrictSummary,
  getCrossRound,
  getDistrict,
  inviteSchool,
  joinDistrict,
  listDistricts,
  openRound,
  startDistrict,
  takeSeat,
  visitRoom,
  writeCrossNote,
} from '../districts-api';
import { href, navigate } from '../router';
import { formatTime, viewerZone } from '../time';

const failed = (r: ApiResult<unknown>): Notice => (r.ok ? null : { kind: 'error', text: r.message });

/**
 * District networks across schools (coaches and school leaders): the districts the school belongs to or is invited
 * to, starting one, and joining one with another school's invitation code.
 */
export function DistrictsView({ token }: { token: string }) {
  const [items, setItems] = useState<DistrictSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const load = useCallback(async () => {
    const r = await listDistricts(token);
    if (r.ok) setItems(r.data.items);
    else setError(r.message);
  }, [token]);
  useEffect(() => {
    void load();
  }, [load]);
  const accept = async (d: DistrictSummary) => {
    const r = await acceptDistrict(token, d.id);
    setNotice(r.ok ? { kind: 'notice', text: `Your school is now a member of ${d.name}.` } : failed(r));
    await load();
  };
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        District network
      </h1>
      <p class="lede">
        Schools of a district visit each other’s rounds. A host school opens a round with its problem of
        practice; coaches and leaders from other schools take a seat, visit its rooms and write notes that
        belong to the visited teacher. The picture stays with the host school.
      </p>
      <NoticeLine notice={notice} />
      <LoadState error={error} loaded={items !== null} />
      {items && (
        <section aria-labelledby="districts-h">
          <h2 id="districts-h">Your school’s districts</h2>
          {items.length === 0 && <p>Your school is in no district network yet.</p>}
          <ul class="plain">
            {items.map((d) => (
              <li key={d.id}>
                {d.status === 'member' ? (
                  <a href={href({ name: 'district', id: d.id })}>{d.name}</a>
                ) : (
                  <>
                    {d.name} <span class="hint">(your school is invited)</span>{' '}
                    <button type="button" onClick={() => void accept(d)}>
                      Accept for your school
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <OneFieldForm
        id="district-join"
        title="Join with an invitation code"
        label="Invitation code"
        hint="A coach of a member school gives you this code; it works once."
        button="Join"
        send={async (code) => {
          const r = await joinDistrict(token, code);
          if (r.ok) navigate({ name: 'district', id: r.data.id });
          return r;
        }}
      />
      <OneFieldForm
        id="district-start"
        title="Start a district network"
        label="Name of the district network"
        button="Start it"
        send={async (name) => {
          const r = await startDistrict(token, name);
          if (r.ok) navigate({ name: 'district', id: r.data.id });
          return r;
        }}
      />
    </section>
  );
}

function OneFieldForm(props: {
  id: string;
  title: string;
  label: string;
  hint?: string;
  button: string;
  send: (value: string) => Promise<ApiResult<unknown>>;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const r = await props.send(value);
    setBusy(false);
    if (r.ok) setValue('');
    else setError(r.fields?.[0]?.message ?? r.message);
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby={`${props.id}-h`}>
      <h2 id={`${props.id}-h`}>{props.title}</h2>
      <Field id={props.id} label={props.label} hint={props.hint} error={error}>
        {(f) => (
          <input {...f} value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {props.button}
      </button>
    </form>
  );
}

/**
 * One district: its schools, how many visits crossed schools, a connection map of schools (an SVG whose label says
 * everything, and the same as a table), the evidence patterns that recur in at least three schools, and its rounds.
 */
export function DistrictView({ token, id }: { token: string; id: string }) {
  const [page, setPage] = useState<DistrictPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [invite, setInvite] = useState<DistrictInvite | null>(null);
  const load = useCallback(async () => {
    const r = await getDistrict(token, id);
    if (r.ok) setPage(r.data);
    else setError(r.message);
  }, [token, id]);
  useEffect(() => {
    void load();
  }, [load]);
  const seat = async (roundId: string) => {
    const r = await takeSeat(token, id, roundId);
    if (r.ok) navigate({ name: 'district-round', id, roundId });
    else setNotice(failed(r));
  };
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {page?.name ?? 'District network'}
      </h1>
      <p>
        <a href={href({ name: 'districts' })}>All district networks</a>
      </p>
      <NoticeLine notice={notice} />
      <LoadState error={error} loaded={page !== null} />
      {page && (
        <>
          <section aria-labelledby="crossed-h">
            <h2 id="crossed-h">Visits across schools</h2>
            <p data-testid="crossed">
              {page.crossedVisits === 1
                ? '1 visit has crossed schools.'
                : `${page.crossedVisits} visits have crossed schools.`}
            </p>
            <ConnectionMap page={page} />
          </section>
          <section aria-labelledby="patterns-h">
            <h2 id="patterns-h">Evidence patterns across schools</h2>
            {page.patterns.length === 0 ? (
              <p>No pattern yet shows in the round pictures of {DISTRICT_PATTERN_SCHOOLS} or more schools.</p>
            ) : (
              <ul>
                {page.patterns.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="rounds-h">
            <h2 id="rounds-h">Rounds open to the district</h2>
            {page.rounds.length === 0 && <p>No round is open to the district yet.</p>}
            <ul class="plain">
              {page.rounds.map((r) => (
                <li key={r.roundId} class="card">
                  <h3>{r.title}</h3>
                  <p>
                    {r.hostSchool} · {r.date} · Problem of practice: {r.problem}
                  </p>
                  {r.mine ? (
                    <p class="hint">Your school hosts this round.</p>
                  ) : r.seated ? (
                    <a href={href({ name: 'district-round', id, roundId: r.roundId })}>
                      Your seat in this round
                    </a>
                  ) : (
                    <button type="button" onClick={() => void seat(r.roundId)}>
                      Take a seat in {r.title}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
          <OpenRoundForm
            token={token}
            districtId={id}
            onOpened={() => {
              setNotice({ kind: 'notice', text: 'Your round is open to the district.' });
              void load();
            }}
          />
          <section aria-labelledby="schools-h" class="card">
            <h2 id="schools-h">Schools</h2>
            <ul>
              {page.schools.map((s) => (
                <li key={s.id}>
                  {s.name}
                  {s.status === 'invited' ? ' (invited)' : ''}
                </li>
              ))}
            </ul>
            <button
              type="button"
              onClick={async () => {
                const r = await inviteSchool(token, id);
                if (r.ok) setInvite(r.data);
                else setNotice(failed(r));
              }}
            >
              Invite another school
            </button>
            {invite && (
              <p role="status">
                Give this code to the other school’s coach:{' '}
                <code data-testid="invite-code">{invite.code}</code>. It works once, until{' '}
                {invite.expiresAt.slice(0, 10)}, and is shown only now.
              </p>
            )}
          </section>
        </>
      )}
    </section>
  );
}

/**
 * Schools as points on a circle, a line per host → visiting school pair; the table below says the same. Schools are
 * keyed by id (two schools may share a platform's name); their names are labels only.
 */
function ConnectionMap({ page }: { page: DistrictPage }) {
  const schools = page.schools;
  const at = (id: string) => {
    const i = schools.findIndex((s) => s.id === id);
    const angle = (2 * Math.PI * i) / Math.max(schools.length, 1) - Math.PI / 2;
    return { x: 150 + 110 * Math.cos(angle), y: 130 + 100 * Math.sin(angle) };
  };
  const label =
    page.connections.length === 0
      ? `Connection map of ${schools.length} schools: no visits across schools yet.`
      : `Connection map of ${schools.length} schools: ${page.connections
          .map((c) => `${c.visitor} visited ${c.host} ${c.visits === 1 ? 'once' : `${c.visits} times`}`)
          .join('; ')}.`;
  return (
    <>
      <svg viewBox="0 0 300 260" width="300" height="260" role="img" aria-label={label}>
        {page.connections.map((c) => {
          const a = at(c.visitorId);
          const b = at(c.hostId);
          return (
            <line
              key={`${c.visitorId}-${c.hostId}`}
              x1={a.x}
              y1={a.y}
              x2={b.x}
              y2={b.y}
              stroke="currentColor"
              stroke-width={Math.min(1 + c.visits, 6)}
            />
          );
        })}
        {schools.map((school) => {
          const p = at(school.id);
          return (
            <g key={school.id} data-school={school.id}>
              <circle cx={p.x} cy={p.y} r="8" fill="currentColor" />
              <text x={p.x} y={p.y - 12} text-anchor="middle" font-size="11">
                {school.name}
              </text>
            </g>
          );
        })}
      </svg>
      <table>
        <caption>Visits across schools, as a table</caption>
        <thead>
          <tr>
            <th scope="col">Host school</th>
            <th scope="col">Visiting school</th>
            <th scope="col">Visits</th>
          </tr>
        </thead>
        <tbody>
          {page.connections.length === 0 && (
            <tr>
              <td colSpan={3}>No visits across schools yet.</td>
            </tr>
          )}
          {page.connections.map((c) => (
            <tr key={`${c.visitorId}-${c.hostId}`}>
              <td>{c.host}</td>
              <td>{c.visitor}</td>
              <td>{c.visits}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function OpenRoundForm(props: { token: string; districtId: string; onOpened: () => void }) {
  const [rounds, setRounds] = useState<Round[] | null>(null);
  const [roundId, setRoundId] = useState('');
  const [problem, setProblem] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    void listRounds(props.token).then((r) => {
      if (!r.ok) return;
      const published = r.data.items.filter((x) => x.status === 'published');
      setRounds(published);
      setRoundId(published[0]?.id ?? '');
    });
  }, [props.token]);
  if (!rounds || rounds.length === 0) return null;
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await openRound(props.token, props.districtId, roundId, problem);
    if (r.ok) {
      setProblem('');
      setErrors({});
      props.onOpened();
    } else
      setErrors(
        r.fields?.length
          ? Object.fromEntries(r.fields.map((f) => [f.path, f.message]))
          : { problem: r.message },
      );
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="open-round-h">
      <h2 id="open-round-h">Open one of your school’s rounds to the district</h2>
      <Field id="open-round" label="Which of your rounds" error={errors.roundId}>
        {(f) => (
          <select {...f} value={roundId} onChange={(e) => setRoundId((e.target as HTMLSelectElement).value)}>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title} ({r.date})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="open-problem"
        label="Problem of practice visitors come for"
        hint="One question about students’ learning. No names."
        error={errors.problem}
      >
        {(f) => (
          <input
            {...f}
            value={problem}
            maxLength={300}
            onInput={(e) => setProblem((e.target as HTMLInputElement).value)}
          />
        )}
      </Field>
      <button type="submit">Open to the district</button>
    </form>
  );
}

/** A visiting coach's seat in another school's round: its rooms (never whose), their visits, their own notes. */
export function CrossRoundView({ token, id, roundId }: { token: string; id: string; roundId: string }) {
  const [round, setRound] = useState<CrossRound | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  useEffect(() => {
    void getCrossRound(token, id, roundId).then((r) => (r.ok ? setRound(r.data) : setError(r.message)));
  }, [token, id, roundId]);
  const zone = viewerZone();
  const visit = async (doorId: string) => {
    const r = await visitRoom(token, id, roundId, doorId);
    if (r.ok) {
      setRound(r.data);
      setNotice({ kind: 'notice', text: 'Your visit is booked.' });
    } else setNotice(failed(r));
  };
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {round ? `${round.title} at ${round.hostSchool}` : 'A round in another school'}
      </h1>
      <p>
        <a href={href({ name: 'district', id })}>Back to the district network</a>
      </p>
      <NoticeLine notice={notice} />
      <LoadState error={error} loaded={round !== null} />
      {round && (
        <>
          <p>Problem of practice: {round.problem}</p>
          {round.lookFor && <p>Look for: {round.lookFor}</p>}
          <p class="hint">
            Your notes belong to the teacher whose room you visit, and only they and you read them. The
            picture stays with {round.hostSchool}.
          </p>
          <h2>Rooms</h2>
          <ul class="plain">
            {round.doors.map((d) => (
              <li key={d.id} class="card">
                <h3>
                  {d.location} · {formatTime(d.startsAt, zone)}–{formatTime(d.endsAt, zone)}
                </h3>
                {d.visitId ? (
                  <CrossNoteForm
                    label={`${d.location} at ${formatTime(d.startsAt, zone)}`}
                    send={async (prompt, text, confirmFlags) => {
                      const r = await writeCrossNote(token, id, roundId, {
                        visitId: d.visitId!,
                        prompt,
                        text,
                        confirmFlags,
                      });
                      if (r.ok) setRound(r.data);
                      return r;
                    }}
                  />
                ) : (
                  <button type="button" onClick={() => void visit(d.id)}>
                    Visit {d.location} at {formatTime(d.startsAt, zone)}
                  </button>
                )}
              </li>
            ))}
          </ul>
          <h2>Your notes in this round</h2>
          {round.notes.length === 0 ? (
            <p>None yet.</p>
          ) : (
            <ul>
              {round.notes.map((n) => (
                <li key={n.id}>{n.text}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function CrossNoteForm(props: {
  label: string;
  send: (prompt: NotePrompt, text: string, confirmFlags: boolean) => Promise<ApiResult<unknown>>;
}) {
  const [prompt, setPrompt] = useState<NotePrompt>('students');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [confirm, setConfirm] = useState(false);
  const key = props.label.replace(/\W+/g, '-');
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await props.send(prompt, text, confirm);
    if (r.ok) {
      setText('');
      setError(undefined);
      setConfirm(false);
    } else {
      setError([r.message, ...(r.fields ?? []).map((f) => f.message)].join(' '));
      // A flag the writer may confirm (never a name): the next save confirms it.
      if (r.code === 'NOTE_FLAGGED' && !/names/i.test(r.message)) setConfirm(true);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Note on ${props.label}`}>
      <Field id={`prompt-${key}`} label="Prompt">
        {(f) => (
          <select
            {...f}
            value={prompt}
            onChange={(e) => setPrompt((e.target as HTMLSelectElement).value as NotePrompt)}
          >
            {NOTE_PROMPTS.map((p) => (
              <option key={p} value={p}>
                {PROMPT_TEXT[p]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`note-${key}`} label="What you saw or heard" error={error}>
        {(f) => (
          <textarea
            {...f}
            rows={3}
            value={text}
            maxLength={500}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
        )}
      </Field>
      <button type="submit">{confirm ? 'Save it as it is' : 'Save the note'}</button>
    </form>
  );
}
