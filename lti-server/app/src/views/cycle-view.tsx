import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../../../shared/i18n';
import { listPeople, type People } from '../api';
import { ConfirmAction } from '../components/confirm';
import { CycleStrategies } from '../components/cycle/cycle-strategies';
import { PictureOverTime } from '../components/cycle/picture-over-time';
import { LoadState, NoticeLine } from '../components/notice-line';
import { Trans } from '../components/trans';
import type { Cycle } from '../cycles-api';
import { useCycle } from '../hooks/use-cycle';
import { href } from '../router';
import { formatDate } from '../time';

const PHASE_WORDS: Record<Cycle['rounds'][number]['phase'], MessageKey> = {
  description: 'cycle.phase.not-started',
  analysis: 'cycle.phase.under-way',
  prediction: 'cycle.phase.under-way',
  next: 'cycle.phase.under-way',
  done: 'cycle.phase.finished',
};

const strong = (text: string) => <strong>{text}</strong>;

/**
 * One cycle: the problem of practice, who is in it, its rounds (each debrief's next level of work leads to the next
 * round) and the picture over time, round by round, with the "I tried it" counts of its strategies alongside. The
 * coach grows the cycle, adds or takes out its strategies, plans its next round and ends it.
 */
export function CycleView({ token, id, isCoach }: { token: string; id: string; isCoach: boolean }) {
  const { cycle, picture, error, notice, addMembers, addStrategy, removeStrategy, end } = useCycle(token, id);
  return (
    <section aria-labelledby="view-title">
      <p>
        <a href={href({ name: 'cycles' })}>{t('cycle.back')}</a>
      </p>
      <h1 id="view-title" tabIndex={-1}>
        {cycle ? cycle.title : t('cycle.title')}
      </h1>
      <NoticeLine notice={notice} />
      <LoadState error={error} loaded={Boolean(cycle)} />
      {cycle && (
        <>
          <p class="lede">
            <Trans text={t('cycle.lede', { problem: cycle.problem.title })} parts={{ strong }} />
          </p>
          <section aria-labelledby="members-h">
            <h2 id="members-h">{t('cycle.members', { count: cycle.members.length })}</h2>
            <p>{cycle.members.map((m) => m.name).join(', ')}</p>
            {cycle.status === 'ended' && <p class="notice">{t('cycle.has-ended')}</p>}
            {isCoach && cycle.status === 'active' && (
              <AddPeople token={token} cycle={cycle} addMembers={addMembers} />
            )}
          </section>
          {isCoach && cycle.status === 'active' && (
            <CycleStrategies
              token={token}
              cycle={cycle}
              addStrategy={addStrategy}
              removeStrategy={removeStrategy}
            />
          )}
          <section aria-labelledby="rounds-h">
            <h2 id="rounds-h">{t('cycle.rounds')}</h2>
            {cycle.rounds.length === 0 && <p>{t('cycle.rounds.none')}</p>}
            <ol>
              {cycle.rounds.map((r) => (
                <li key={r.id}>
                  {isCoach ? <a href={href({ name: 'round', id: r.id })}>{r.title}</a> : r.title} ·{' '}
                  {formatDate(r.date)} ·{' '}
                  {r.status === 'draft' ? t('cycle.round.draft') : t(PHASE_WORDS[r.phase])}
                  <br />
                  <span class="hint">{t('cycle.round.focus', { value: r.focus.value })}</span>
                  {r.nextLevel && (
                    <>
                      <br />
                      <span class="hint">{t('cycle.round.next-level', { text: r.nextLevel })}</span>
                    </>
                  )}
                  {r.status === 'published' && (
                    <>
                      {' '}
                      <a href={href({ name: 'debrief', id: r.id })}>
                        {t('cycle.round.debrief', { title: r.title })}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ol>
            {cycle.next && (
              <p class="card" data-testid="next-focus">
                <Trans text={t('cycle.next', { focus: cycle.next.focus })} parts={{ strong }} />
              </p>
            )}
            {isCoach && cycle.status === 'active' && (
              <div class="actions">
                <a href={href({ name: 'round-new', cycleId: cycle.id })}>{t('cycle.plan-next')}</a>
                <ConfirmAction
                  label={t('cycle.end')}
                  question={t('cycle.end.question')}
                  confirmLabel={t('cycle.end.confirm')}
                  cancelLabel={t('cycle.end.keep')}
                  onConfirm={end}
                />
              </div>
            )}
          </section>
          <section aria-labelledby="over-time-h">
            <h2 id="over-time-h">{t('cycle.picture')}</h2>
            {picture && (
              <>
                <p class="threshold">
                  {t('cycle.picture.threshold', { visits: picture.minVisits, hosts: picture.minHosts })}
                </p>
                <PictureOverTime picture={picture} />
                {picture.strategies.length > 0 && (
                  <section aria-labelledby="tried-h">
                    <h3 id="tried-h">{t('cycle.tried')}</h3>
                    <ul>
                      {picture.strategies.map((s) => (
                        <li key={s.id}>
                          <Trans
                            text={
                              s.tried === null
                                ? t('cycle.tried.few', { title: s.title, count: picture.minTried })
                                : t('cycle.tried.count', { title: s.title, count: s.tried })
                            }
                            parts={{
                              strategy: (title) => <a href={href({ name: 'strategy', id: s.id })}>{title}</a>,
                            }}
                          />
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
        <legend>{t('cycle.add')}</legend>
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
        {t('cycle.add.submit')}
      </button>
    </form>
  );
}
