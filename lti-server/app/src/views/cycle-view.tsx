import { useEffect, useState } from 'preact/hooks';
import { listPeople, type People } from '../api';
import { ConfirmAction } from '../components/confirm';
import { PictureOverTime } from '../components/cycle/picture-over-time';
import { LoadState, NoticeLine } from '../components/notice-line';
import type { Cycle } from '../cycles-api';
import { useCycle } from '../hooks/use-cycle';
import { href } from '../router';
import { formatDate } from '../time';

const PHASE_WORDS: Record<Cycle['rounds'][number]['phase'], string> = {
  description: 'debrief not started',
  analysis: 'debrief under way',
  prediction: 'debrief under way',
  next: 'debrief under way',
  done: 'debrief finished',
};

/**
 * One cycle: the problem of practice, who is in it, its rounds (each debrief's next level of work leads to the next
 * round) and the picture over time, round by round, with the "I tried it" counts of its strategies alongside.
 */
export function CycleView({ token, id, isCoach }: { token: string; id: string; isCoach: boolean }) {
  const { cycle, picture, error, notice, addMembers, end } = useCycle(token, id);
  return (
    <section aria-labelledby="view-title">
      <p>
        <a href={href({ name: 'cycles' })}>← Problems of practice</a>
      </p>
      <h1 id="view-title" tabIndex={-1}>
        {cycle ? cycle.title : 'Cycle'}
      </h1>
      <NoticeLine notice={notice} />
      <LoadState error={error} loaded={Boolean(cycle)} />
      {cycle && (
        <>
          <p class="lede">
            A cycle of rounds on one problem of practice: <strong>{cycle.problem.title}</strong> Each
            debrief’s next level of work becomes the focus of the next round.
          </p>
          <section aria-labelledby="members-h">
            <h2 id="members-h">
              Who is in it ({cycle.members.length} {cycle.members.length === 1 ? 'person' : 'people'})
            </h2>
            <p>{cycle.members.map((m) => m.name).join(', ')}</p>
            {cycle.status === 'ended' && <p class="notice">This cycle has ended.</p>}
            {isCoach && cycle.status === 'active' && (
              <AddPeople token={token} cycle={cycle} addMembers={addMembers} />
            )}
          </section>
          <section aria-labelledby="rounds-h">
            <h2 id="rounds-h">Rounds</h2>
            {cycle.rounds.length === 0 && <p>No round yet.</p>}
            <ol>
              {cycle.rounds.map((r) => (
                <li key={r.id}>
                  {isCoach ? <a href={href({ name: 'round', id: r.id })}>{r.title}</a> : r.title} ·{' '}
                  {formatDate(r.date)} · {r.status === 'draft' ? 'draft' : PHASE_WORDS[r.phase]}
                  <br />
                  <span class="hint">Focus: {r.focus.value}</span>
                  {r.nextLevel && (
                    <>
                      <br />
                      <span class="hint">Next level of work: {r.nextLevel}</span>
                    </>
                  )}
                  {r.status === 'published' && (
                    <>
                      {' '}
                      <a href={href({ name: 'debrief', id: r.id })}>Debrief of {r.title}</a>
                    </>
                  )}
                </li>
              ))}
            </ol>
            {cycle.next && (
              <p class="card" data-testid="next-focus">
                The next round starts from the last debrief: <strong>{cycle.next.focus}</strong>
              </p>
            )}
            {isCoach && cycle.status === 'active' && (
              <div class="actions">
                <a href={href({ name: 'round-new', cycleId: cycle.id })}>Plan the next round of this cycle</a>
                <ConfirmAction
                  label="End this cycle"
                  question="End this cycle? Its rounds and its picture over time stay; it takes no new rounds or people."
                  confirmLabel="Yes, end the cycle"
                  cancelLabel="No, keep it going"
                  onConfirm={end}
                />
              </div>
            )}
          </section>
          <section aria-labelledby="over-time-h">
            <h2 id="over-time-h">The picture over time</h2>
            {picture && (
              <>
                <p class="threshold">
                  Round by round, in how many visits the notes show each pattern. A round is shown once it
                  spans at least {picture.minVisits} visits in {picture.minHosts} different classrooms, so
                  nothing points to one teacher.
                </p>
                <PictureOverTime picture={picture} />
                {picture.strategies.length > 0 && (
                  <section aria-labelledby="tried-h">
                    <h3 id="tried-h">“I tried it” on the cycle’s strategies</h3>
                    <ul>
                      {picture.strategies.map((s) => (
                        <li key={s.id}>
                          <a href={href({ name: 'strategy', id: s.id })}>{s.title}</a>:{' '}
                          {s.tried === null
                            ? `fewer than ${picture.minTried} people so far`
                            : `${s.tried} people tried it`}
                        </li>
                      ))}
                    </ul>
                  </section>
                )}
              </>
            )}
          </section>
        </>
      )}
    </section>
  );
}

/** The coach adds colleagues to the cycle: a cycle starts small and grows. */
function AddPeople({
  token,
  cycle,
  addMembers,
}: {
  token: string;
  cycle: Cycle;
  addMembers: (ids: string[]) => Promise<boolean>;
}) {
  const [people, setPeople] = useState<People['items']>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  useEffect(() => {
    listPeople(token).then((r) => r.ok && setPeople(r.data.items));
  }, [token]);
  const others = people.filter((p) => !cycle.members.some((m) => m.id === p.id));
  if (others.length === 0) return null;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (chosen.length > 0 && (await addMembers(chosen))) setChosen([]);
  };
  return (
    <form onSubmit={submit} noValidate>
      <fieldset>
        <legend>Add people to the cycle</legend>
        <ul class="plain checks">
          {others.map((p) => (
            <li class="check" key={p.id}>
              <input
                type="checkbox"
                id={`add-${p.id}`}
                checked={chosen.includes(p.id)}
                onChange={(e) =>
                  setChosen(
                    (e.target as HTMLInputElement).checked
                      ? [...chosen, p.id]
                      : chosen.filter((x) => x !== p.id),
                  )
                }
              />
              <label for={`add-${p.id}`}>{p.name}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <button type="submit" class="secondary" disabled={chosen.length === 0}>
        Add to the cycle
      </button>
    </form>
  );
}
