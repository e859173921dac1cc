import { useCallback, useEffect, useState } from 'preact/hooks';
import { DIALOGUE_PARTS } from '../../../../shared/dialogue';
import { DISTRICT_PATTERN_SCHOOLS } from '../../../../shared/districts';
import { type MessageKey, t } from '../../../../shared/i18n';
import { NOTE_PROMPTS, type NotePrompt, PROMPT_KEYS } from '../../../../shared/notes';
import type { Round } from '../../../../shared/rounds';
import { type ApiResult, listRounds } from '../api';
import { CancelWithReason } from '../components/cancel-with-reason';
import { ConfirmAction } from '../components/confirm';
import { PART_HINT, PART_TEXT } from '../components/dialogue-parts';
import { Field } from '../components/fields';
import { NoteComposer } from '../components/note-composer';
import { LoadState, type Notice, NoticeLine } from '../components/notice-line';
import { Trans } from '../components/trans';
import {
  acceptDistrict,
  acknowledgeCrossBriefing,
  cancelCrossVisit,
  type CrossDialogue,
  type CrossRound,
  type DistrictInvite,
  type DistrictPage,
  type DistrictSummary,
  getCrossDialogue,
  getCrossRound,
  getDistrict,
  inviteSchool,
  joinDistrict,
  leaveDistrict,
  listDistricts,
  openRound,
  startDistrict,
  takeSeat,
  visitRoom,
  writeCrossDialogue,
  writeCrossNote,
} from '../districts-api';
import { href, navigate } from '../router';
import { formatDate, formatTime, viewerZone } from '../time';

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
    setNotice(r.ok ? { kind: 'notice', text: t('district.accepted', { name: d.name }) } : failed(r));
    await load();
  };
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {t('district.title')}
      </h1>
      <p class="lede">{t('district.lede')}</p>
      <NoticeLine notice={notice} />
      <LoadState error={error} loaded={items !== null} />
      {items && (
        <section aria-labelledby="districts-h">
          <h2 id="districts-h">{t('district.mine.title')}</h2>
          {items.length === 0 && <p>{t('district.mine.none')}</p>}
          <ul class="plain">
            {items.map((d) => (
              <li key={d.id}>
                {d.status === 'member' ? (
                  <a href={href({ name: 'district', id: d.id })}>{d.name}</a>
                ) : (
                  <>
                    {d.name} <span class="hint">{t('district.invited')}</span>{' '}
                    <button type="button" onClick={() => void accept(d)}>
                      {t('district.accept')}
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
        title={t('district.join.title')}
        label={t('district.join.label')}
        hint={t('district.join.hint')}
        button={t('district.join.button')}
        send={async (code) => {
          const r = await joinDistrict(token, code);
          if (r.ok) navigate({ name: 'district', id: r.data.id });
          return r;
        }}
      />
      <OneFieldForm
        id="district-start"
        title={t('district.start.title')}
        label={t('district.start.label')}
        button={t('district.start.button')}
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
  const [left, setLeft] = useState<string | null>(null);
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
  const leave = async (name: string) => {
    const r = await leaveDistrict(token, id);
    if (r.ok) setLeft(name);
    else setNotice(failed(r));
  };
  if (left)
    return (
      <section aria-labelledby="view-title">
        <h1 id="view-title" tabIndex={-1}>
          {left}
        </h1>
        <p role="status">{t('district.left', { name: left })}</p>
        <p>
          <a href={href({ name: 'districts' })}>{t('district.all')}</a>
        </p>
      </section>
    );
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {page?.name ?? t('district.title')}
      </h1>
      <p>
        <a href={href({ name: 'districts' })}>{t('district.all')}</a>
      </p>
      <NoticeLine notice={notice} />
      <LoadState error={error} loaded={page !== null} />
      {page && (
        <>
          <section aria-labelledby="crossed-h">
            <h2 id="crossed-h">{t('district.crossed.title')}</h2>
            <p data-testid="crossed">{t('district.crossed', { count: page.crossedVisits })}</p>
            <ConnectionMap page={page} />
          </section>
          <section aria-labelledby="patterns-h">
            <h2 id="patterns-h">{t('district.patterns.title')}</h2>
            {page.patterns.length === 0 ? (
              <p>{t('district.patterns.none', { min: DISTRICT_PATTERN_SCHOOLS })}</p>
            ) : (
              <ul>
                {page.patterns.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="rounds-h">
            <h2 id="rounds-h">{t('district.rounds.title')}</h2>
            {page.rounds.length === 0 && <p>{t('district.rounds.none')}</p>}
            <ul class="plain">
              {page.rounds.map((r) => (
                <li key={r.roundId} class="card">
                  <h3>{r.title}</h3>
                  <p>
                    {t('district.round.line', {
                      school: r.hostSchool,
                      date: formatDate(r.date),
                      problem: r.problem,
                    })}
                  </p>
                  {r.mine ? (
                    <p class="hint">{t('district.round.mine')}</p>
                  ) : r.seated ? (
                    <a href={href({ name: 'district-round', id, roundId: r.roundId })}>
                      {t('district.round.seat')}
                    </a>
                  ) : (
                    <button type="button" onClick={() => void seat(r.roundId)}>
                      {t('district.round.take-seat', { title: r.title })}
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
              setNotice({ kind: 'notice', text: t('district.opened') });
              void load();
            }}
          />
          <section aria-labelledby="schools-h" class="card">
            <h2 id="schools-h">{t('district.schools.title')}</h2>
            <ul>
              {page.schools.map((s) => (
                <li key={s.id}>
                  {s.status === 'invited' ? t('district.schools.invited', { name: s.name }) : s.name}
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
              {t('district.invite')}
            </button>
            {invite && (
              <p role="status">
                <Trans
                  text={t('district.invite.code', {
                    code: invite.code,
                    date: formatDate(invite.expiresAt.slice(0, 10)),
                  })}
                  parts={{ code: (code) => <code data-testid="invite-code">{code}</code> }}
                />
              </p>
            )}
          </section>
          <section aria-labelledby="leave-h" class="card">
            <h2 id="leave-h">{t('district.leave.title')}</h2>
            <p id="leave-hint" class="hint">
              {t('district.leave.hint')}
            </p>
            <ConfirmAction
              label={t('district.leave')}
              describedBy="leave-hint"
              question={t('district.leave.question', { name: page.name })}
              confirmLabel={t('district.leave.confirm')}
              onConfirm={() => leave(page.name)}
            />
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
      ? t('district.map.empty', { count: schools.length })
      : t('district.map.label', {
          count: schools.length,
          connections: page.connections
            .map((c) => t('district.map.connection', { visitor: c.visitor, host: c.host, count: c.visits }))
            .join('; '),
        });
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
        <caption>{t('district.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('district.table.host')}</th>
            <th scope="col">{t('district.table.visitor')}</th>
            <th scope="col">{t('district.table.visits')}</th>
          </tr>
        </thead>
        <tbody>
          {page.connections.length === 0 && (
            <tr>
              <td colSpan={3}>{t('district.table.none')}</td>
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
      <h2 id="open-round-h">{t('district.open.title')}</h2>
      <Field id="open-round" label={t('district.open.round')} error={errors.roundId}>
        {(f) => (
          <select {...f} value={roundId} onChange={(e) => setRoundId((e.target as HTMLSelectElement).value)}>
            {rounds.map((r) => (
              <option key={r.id} value={r.id}>
                {t('district.open.option', { title: r.title, date: formatDate(r.date) })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="open-problem"
        label={t('district.open.problem')}
        hint={t('district.open.problem.hint')}
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
      <button type="submit">{t('district.open.button')}</button>
    </form>
  );
}

/**
 * A visiting coach's seat in another school's round: the round's briefing (read and acknowledged), its rooms (never
 * whose), their visits (canceled with a reason before they start; a reflective dialogue once they have ended) and
 * their own notes.
 */
export function CrossRoundView({ token, id, roundId }: { token: string; id: string; roundId: string }) {
  const [round, setRound] = useState<CrossRound | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  useEffect(() => {
    void getCrossRound(token, id, roundId).then((r) => (r.ok ? setRound(r.data) : setError(r.message)));
  }, [token, id, roundId]);
  const zone = viewerZone();
  const now = Date.now();
  const visit = async (doorId: string) => {
    const r = await visitRoom(token, id, roundId, doorId);
    if (r.ok) {
      setRound(r.data);
      setNotice({ kind: 'notice', text: t('district.cross.booked') });
    } else setNotice(failed(r));
  };
  const acknowledge = async () => {
    const r = await acknowledgeCrossBriefing(token, id, roundId);
    if (r.ok) setRound(r.data);
    else setNotice(failed(r));
  };
  const cancel = async (visitId: string, reason: string) => {
    const r = await cancelCrossVisit(token, id, roundId, visitId, reason);
    if (!r.ok) return r.fields?.[0]?.message ?? r.message;
    setRound(r.data);
    setNotice({ kind: 'notice', text: t('district.cancel.done') });
    return null;
  };
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {round
          ? t('district.cross.title', { title: round.title, school: round.hostSchool })
          : t('district.cross.title.loading')}
      </h1>
      <p>
        <a href={href({ name: 'district', id })}>{t('district.cross.back')}</a>
      </p>
      <NoticeLine notice={notice} />
      <LoadState error={error} loaded={round !== null} />
      {round && (
        <>
          <p>{t('district.cross.problem', { problem: round.problem })}</p>
          {round.lookFor && <p>{t('district.cross.look-for', { text: round.lookFor })}</p>}
          <p class="hint">{t('district.cross.privacy', { school: round.hostSchool })}</p>
          <VisitorBriefingCard round={round} onAcknowledge={acknowledge} />
          <h2>{t('district.cross.rooms')}</h2>
          <ul class="plain">
            {round.doors.map((d) => {
              const start = formatTime(d.startsAt, zone);
              const headingId = `room-${d.id}-h`;
              return (
                <li key={d.id} class="card">
                  <h3 id={headingId}>
                    {t('district.cross.room', {
                      location: d.location,
                      start,
                      end: formatTime(d.endsAt, zone),
                    })}
                  </h3>
                  {d.visitId ? (
                    <>
                      {Date.parse(d.startsAt) > now && (
                        <CancelWithReason
                          idPrefix={`cross-${d.visitId}`}
                          describedBy={headingId}
                          question={t('district.cancel.question', { location: d.location, time: start })}
                          onCancel={(reason) => cancel(d.visitId!, reason)}
                        />
                      )}
                      <CrossNoteWriter
                        idKey={d.id}
                        label={t('district.note.form', { location: d.location, time: start })}
                        send={(prompt, text, confirmFlags) =>
                          writeCrossNote(token, id, roundId, {
                            visitId: d.visitId!,
                            prompt,
                            text,
                            confirmFlags,
                          })
                        }
                        onSaved={setRound}
                      />
                      {Date.parse(d.endsAt) <= now && (
                        <CrossDialogueBox token={token} id={id} roundId={roundId} doorId={d.id} />
                      )}
                    </>
                  ) : (
                    <button type="button" onClick={() => void visit(d.id)}>
                      {t('district.cross.visit', { location: d.location, time: start })}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          <h2>{t('district.cross.notes.title')}</h2>
          {round.notes.length === 0 ? (
            <p>{t('district.cross.notes.none')}</p>
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

/**
 * The host round's briefing as a visitor reads it: why the school chose it, what visitors look for, the norms, and
 * "I have read the briefing" (the host school's coach sees who has read it, with their school's name).
 */
function VisitorBriefingCard({
  round,
  onAcknowledge,
}: {
  round: CrossRound;
  onAcknowledge: () => Promise<void>;
}) {
  const b = round.briefing;
  const [busy, setBusy] = useState(false);
  const state = b.current
    ? t('district.briefing.read')
    : b.acknowledgedAt
      ? t('district.briefing.changed')
      : t('district.briefing.unread');
  return (
    <section class="card" aria-labelledby="briefing-h">
      <h2 id="briefing-h">{t('district.briefing.title')}</h2>
      <dl>
        {b.why && (
          <>
            <dt>{t('district.briefing.why')}</dt>
            <dd>{b.why}</dd>
          </>
        )}
        {b.lookFors && (
          <>
            <dt>{t('district.briefing.look-fors')}</dt>
            <dd>{b.lookFors}</dd>
          </>
        )}
      </dl>
      <h3>{t('district.briefing.norms')}</h3>
      <ul>
        {b.norms.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <p data-testid="briefing-state">{state}</p>
      {!b.current && (
        <button
          type="button"
          disabled={busy}
          aria-describedby="briefing-ack-hint"
          onClick={async () => {
            setBusy(true);
            await onAcknowledge();
            setBusy(false);
          }}
        >
          {t('district.briefing.ack')}
        </button>
      )}
      <p class="hint" id="briefing-ack-hint">
        {t('district.briefing.hint')}
      </p>
    </section>
  );
}

/** The visitor sees no names of the host school to check against; the server checks the whole staff. */
const NO_NAMES: string[] = [];
const BY_KEYS: Record<CrossDialogue['entries'][number]['by'], MessageKey> = {
  me: 'district.dialogue.by.me',
  host: 'district.dialogue.by.host',
  visitor: 'district.dialogue.by.visitor',
};

/**
 * The reflective dialogue after a visit across schools, the same private exchange as a local visitor's: only the
 * room's host, its visitors and the asker read it. Entries say who wrote them by role, never by name.
 */
function CrossDialogueBox(props: { token: string; id: string; roundId: string; doorId: string }) {
  const { token, id, roundId, doorId } = props;
  const [thread, setThread] = useState<CrossDialogue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  useEffect(() => {
    void getCrossDialogue(token, id, roundId, doorId).then((r) =>
      r.ok ? setThread(r.data) : setError(r.message),
    );
  }, [token, id, roundId, doorId]);
  const headingId = `dialogue-${doorId}-h`;
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{t('dialogue.title')}</h4>
      <LoadState error={error} loaded={thread !== null} />
      {thread && (
        <>
          <p class="hint">{t('district.dialogue.private')}</p>
          <NoticeLine notice={notice} />
          {thread.entries.length === 0 ? (
            <p>{thread.open ? t('district.dialogue.empty') : t('district.dialogue.closed')}</p>
          ) : (
            <ol class="notes dialogue">
              {thread.entries.map((e) => (
                <li class="note" key={e.id}>
                  <p class="prompt">
                    {t('district.dialogue.entry', { part: t(PART_TEXT[e.part]), by: t(BY_KEYS[e.by]) })}
                  </p>
                  <p class="note-text">{e.text}</p>
                </li>
              ))}
            </ol>
          )}
          {DIALOGUE_PARTS.filter((p) => thread.canWrite.includes(p)).map((part) => (
            <NoteComposer<CrossDialogue>
              key={part}
              id={`cross-dialogue-${doorId}-${part}`}
              label={t(PART_TEXT[part])}
              hint={t(PART_HINT[part])}
              names={NO_NAMES}
              namesOnly={part !== 'noticed'}
              saveLabel={t('dialogue.save', { part: t(PART_TEXT[part]) })}
              onSave={(text, confirmFlags) =>
                writeCrossDialogue(token, id, roundId, doorId, { part, text, confirmFlags })
              }
              onSaved={(next) => {
                setThread(next);
                setNotice({ kind: 'notice', text: t('district.dialogue.saved') });
              }}
            />
          ))}
        </>
      )}
    </section>
  );
}

/**
 * A seated visitor's note on one room: its guiding prompt, then the composer every note uses (linted while typing, a
 * name never saved, a judgment or a guess only after "Save anyway"). The visitor sees no names of the host school, so
 * the server's refusal of one is shown as it says, by its code, and offers no "Save anyway".
 */
function CrossNoteWriter(props: {
  idKey: string;
  label: string;
  send: (prompt: NotePrompt, text: string, confirmFlags: boolean) => Promise<ApiResult<CrossRound>>;
  onSaved: (round: CrossRound) => void;
}) {
  const [prompt, setPrompt] = useState<NotePrompt>('students');
  // Remounts the composer after a save, so it starts empty.
  const [version, setVersion] = useState(0);
  const key = props.idKey.replace(/\W+/g, '-');
  return (
    <section aria-label={props.label}>
      <Field id={`prompt-${key}`} label={t('district.note.prompt')}>
        {(f) => (
          <select
            {...f}
            value={prompt}
            onChange={(e) => setPrompt((e.target as HTMLSelectElement).value as NotePrompt)}
          >
            {NOTE_PROMPTS.map((p) => (
              <option key={p} value={p}>
                {t(PROMPT_KEYS[p])}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NoteComposer<CrossRound>
        key={version}
        id={`note-${key}`}
        label={t('district.note.text')}
        hint={t('note.hint')}
        names={NO_NAMES}
        saveLabel={t('district.note.save')}
        onSave={(text, confirmFlags) => props.send(prompt, text, confirmFlags)}
        onSaved={(round) => {
          setVersion((v) => v + 1);
          props.onSaved(round);
        }}
      />
    </section>
  );
}
