import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../../../shared/i18n';
import type { StrategyCard } from '../../../../shared/strategy';
import { listPeople, listStrategyCards, type People } from '../api';
import { Field } from '../components/fields';
import { LoadState, NoticeLine } from '../components/notice-line';
import type { Problem, VoteChoice } from '../cycles-api';
import { fieldErrors, useProblems } from '../hooks/use-problems';
import { href } from '../router';

const VOTES: Array<{ value: VoteChoice | null; label: MessageKey }> = [
  { value: 'for', label: 'problems.vote.for' },
  { value: 'against', label: 'problems.vote.against' },
  { value: null, label: 'problems.vote.none' },
];

const STATUS_WORDS: Record<Problem['status'], MessageKey> = {
  open: 'problems.status.open',
  closed: 'problems.status.closed',
  chosen: 'problems.status.chosen',
};

/**
 * Problems of practice: anyone proposes one, votes (one changeable vote each) and comments before a cycle starts;
 * proposals are ranked by their votes, people never are. A coach closes proposals and starts a cycle from one.
 */
export function ProblemsView({ token, isCoach }: { token: string; isCoach: boolean }) {
  const p = useProblems(token);
  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {t('problems.title')}
      </h1>
      <p class="lede">{t('problems.lede')}</p>
      <NoticeLine notice={p.notice} />
      <ProposeForm propose={p.propose} />
      <LoadState error={p.error} loaded={Boolean(p.problems && p.cycles)} />
      {p.cycles && p.cycles.length > 0 && (
        <section aria-labelledby="cycles-h">
          <h2 id="cycles-h">{t('problems.cycles')}</h2>
          <ul class="plain">
            {p.cycles.map((c) => (
              <li key={c.id}>
                <a href={href({ name: 'cycle', id: c.id })}>{c.title}</a>{' '}
                <span class="hint">
                  {t('problems.cycle.people', { count: c.members.length })} ·{' '}
                  {t('problems.cycle.rounds', { count: c.rounds.length })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.problems && (
        <section aria-labelledby="proposals-h">
          <h2 id="proposals-h">{t('problems.proposals')}</h2>
          {p.problems.length === 0 && <p class="card">{t('problems.none')}</p>}
          <ul class="plain">
            {p.problems.map((problem) => (
              <li key={problem.id}>
                <ProblemCard token={token} problem={problem} isCoach={isCoach} actions={p} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function ProposeForm({ propose }: { propose: ReturnType<typeof useProblems>['propose'] }) {
  const [title, setTitle] = useState('');
  const [why, setWhy] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const r = await propose(title, why);
    setBusy(false);
    if (r.ok) {
      setTitle('');
      setWhy('');
      setErrors({});
    } else {
      const byField = fieldErrors(r);
      setErrors(byField.text ? { title: byField.text } : byField);
    }
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="propose-h">
      <h2 id="propose-h">{t('problems.propose.title')}</h2>
      <Field
        id="problem-title"
        label={t('problems.propose.problem')}
        hint={t('problems.propose.problem.hint')}
        error={errors.title}
      >
        {(f) => (
          <input
            {...f}
            value={title}
            maxLength={300}
            onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
          />
        )}
      </Field>
      <Field id="problem-why" label={t('problems.propose.why')} error={errors.why}>
        {(f) => (
          <textarea
            {...f}
            rows={2}
            value={why}
            maxLength={1000}
            onInput={(e) => setWhy((e.target as HTMLTextAreaElement).value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? t('problems.propose.busy') : t('problems.propose.submit')}
      </button>
    </form>
  );
}

function ProblemCard({
  token,
  problem,
  isCoach,
  actions,
}: {
  token: string;
  problem: Problem;
  isCoach: boolean;
  actions: ReturnType<typeof useProblems>;
}) {
  const [comment, setComment] = useState('');
  const [starting, setStarting] = useState(false);
  const open = problem.status === 'open';
  const headingId = `problem-${problem.id}`;
  const sendComment = async (e: Event) => {
    e.preventDefault();
    const r = await actions.comment(problem.id, comment);
    if (r.ok) setComment('');
  };
  return (
    <article class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{problem.title}</h3>
      <p class="meta">
        <span>{t('problems.proposed-by', { name: problem.proposer.name })}</span>
        <span>{t(STATUS_WORDS[problem.status])}</span>
        <span data-testid="votes">
          {t('problems.votes', { for: problem.votes.for, against: problem.votes.against })}
        </span>
      </p>
      {problem.why && <p>{problem.why}</p>}
      {problem.cycleId && (
        <p>
          <a href={href({ name: 'cycle', id: problem.cycleId })}>{t('problems.see-cycle')}</a>
        </p>
      )}
      {open && (
        <fieldset class="grouping">
          <legend>{t('problems.vote.legend', { title: problem.title })}</legend>
          {VOTES.map((v) => {
            const id = `vote-${problem.id}-${v.value ?? 'none'}`;
            return (
              <div class="check" key={id}>
                <input
                  type="radio"
                  id={id}
                  name={`vote-${problem.id}`}
                  checked={problem.myVote === v.value}
                  onChange={() => actions.vote(problem.id, v.value)}
                />
                <label for={id}>{t(v.label)}</label>
              </div>
            );
          })}
        </fieldset>
      )}
      {problem.comments.length > 0 && (
        <ul class="plain comments" aria-label={t('problems.comments', { title: problem.title })}>
          {problem.comments.map((c) => (
            <li key={c.id}>
              <strong>{c.author.name}:</strong> {c.text}
            </li>
          ))}
        </ul>
      )}
      {open && (
        <form onSubmit={sendComment} noValidate>
          <Field id={`comment-${problem.id}`} label={t('problems.comment')} hint={t('problems.comment.hint')}>
            {(f) => (
              <textarea
                {...f}
                rows={2}
                value={comment}
                maxLength={1000}
                onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)}
              />
            )}
          </Field>
          <button type="submit" class="secondary">
            {t('problems.comment.submit')}
          </button>
        </form>
      )}
      {isCoach && problem.status !== 'chosen' && (
        <p class="actions">
          {open && (
            <button type="button" class="secondary" onClick={() => actions.close(problem.id)}>
              {t('problems.close', { title: problem.title })}
            </button>
          )}
          <button type="button" aria-expanded={starting} onClick={() => setStarting(!starting)}>
            {t('problems.start')}
          </button>
        </p>
      )}
      {starting && <StartCycleForm token={token} problem={problem} start={actions.start} />}
    </article>
  );
}

/** The coach starts a cycle: at least three volunteers to begin with, and the menu strategies it works with. */
function StartCycleForm({
  token,
  problem,
  start,
}: {
  token: string;
  problem: Problem;
  start: ReturnType<typeof useProblems>['start'];
}) {
  const [people, setPeople] = useState<People['items'] | null>(null);
  const [strategies, setStrategies] = useState<StrategyCard[]>([]);
  const [members, setMembers] = useState<string[]>([]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    listPeople(token).then((r) => (r.ok ? setPeople(r.data.items) : setError(r.message)));
    listStrategyCards(token, { limit: '100' }).then((r) => r.ok && setStrategies(r.data.items));
  }, [token]);
  const toggle = (list: string[], set: (l: string[]) => void, id: string, on: boolean) =>
    set(on ? [...list, id] : list.filter((x) => x !== id));
  const submit = async (e: Event) => {
    e.preventDefault();
    const r = await start(problem.id, members, chosen);
    if (!r.ok) setError(r.fields?.[0] ? `${r.message} ${r.fields[0].message}` : r.message);
  };
  const formId = `start-${problem.id}`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${formId}-h`}>
      <h4 id={`${formId}-h`}>{t('problems.start.title', { title: problem.title })}</h4>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!people && !error && <p>{t('problems.start.loading')}</p>}
      {people && (
        <fieldset>
          <legend>{t('problems.start.volunteers')}</legend>
          <ul class="plain checks">
            {people.map((person) => (
              <li class="check" key={person.id}>
                <input
                  type="checkbox"
                  id={`${formId}-member-${person.id}`}
                  checked={members.includes(person.id)}
                  onChange={(e) =>
                    toggle(members, setMembers, person.id, (e.target as HTMLInputElement).checked)
                  }
                />
                <label for={`${formId}-member-${person.id}`}>{person.name}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {strategies.length > 0 && (
        <fieldset>
          <legend>{t('problems.start.strategies')}</legend>
          <ul class="plain checks">
            {strategies.map((s) => (
              <li class="check" key={s.id}>
                <input
                  type="checkbox"
                  id={`${formId}-strategy-${s.id}`}
                  checked={chosen.includes(s.id)}
                  onChange={(e) => toggle(chosen, setChosen, s.id, (e.target as HTMLInputElement).checked)}
                />
                <label for={`${formId}-strategy-${s.id}`}>{s.title}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <button type="submit">{t('problems.start.submit')}</button>
    </form>
  );
}
