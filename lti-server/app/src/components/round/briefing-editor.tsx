import { useState } from 'preact/hooks';
import {
  type BriefingInput,
  type GroupRoles,
  ROLE_NAMES,
  ROUND_ROLES,
} from '../../../../../shared/round-briefing';
import type { Briefing } from '../../api';
import { Field } from '../fields';

/** The coach writes the briefing's words: why the school chose the focus, what visitors look for, the norms. */
export function BriefingWordsForm({
  briefing,
  problems,
  busy,
  onSave,
}: {
  briefing: Briefing;
  problems: Record<string, string>;
  busy: boolean;
  onSave: (input: BriefingInput) => Promise<boolean>;
}) {
  const [why, setWhy] = useState(briefing.why ?? '');
  const [lookFors, setLookFors] = useState(briefing.lookFors ?? '');
  const [norms, setNorms] = useState(briefing.norms.join('\n'));
  const value = (e: Event) => (e.target as HTMLTextAreaElement).value;
  return (
    <form
      class="card no-print"
      aria-labelledby="words-h"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          why,
          lookFors,
          norms: norms
            .split('\n')
            .map((n) => n.trim())
            .filter(Boolean),
        });
      }}
    >
      <h2 id="words-h">Write the briefing</h2>
      <Field
        id="briefing-why"
        label="Why the school chose this focus"
        hint="A few sentences: where it came from and what the school hopes to learn."
        error={problems.why}
      >
        {(p) => <textarea {...p} rows={3} maxLength={2000} value={why} onInput={(e) => setWhy(value(e))} />}
      </Field>
      <Field
        id="briefing-look-fors"
        label="What visitors look for"
        hint="What to notice and write down, in low-inference words. Prefilled from the round’s “look for” prompt."
        error={problems.lookFors}
      >
        {(p) => (
          <textarea
            {...p}
            rows={3}
            maxLength={2000}
            value={lookFors}
            onInput={(e) => setLookFors(value(e))}
          />
        )}
      </Field>
      <Field
        id="briefing-norms"
        label="Norms (one per line)"
        hint="Prefilled: descriptive, no names, no gotchas, not an evaluation. Keep at least one."
        error={problems.norms}
      >
        {(p) => <textarea {...p} rows={6} value={norms} onInput={(e) => setNorms(value(e))} />}
      </Field>
      <button type="submit" disabled={busy}>
        Save the briefing
      </button>
    </form>
  );
}

/** The coach changes who holds which role: three choices per group, among that group's members. */
export function RolesForm({
  briefing,
  busy,
  onSave,
}: {
  briefing: Briefing;
  busy: boolean;
  onSave: (roles: GroupRoles[]) => Promise<boolean>;
}) {
  const initial = () =>
    briefing.groups.map((g) => ({
      facilitator: g.roles.facilitator.id,
      timekeeper: g.roles.timekeeper.id,
      noteTaker: g.roles.noteTaker.id,
    }));
  const [roles, setRoles] = useState<GroupRoles[]>(initial);
  const choose = (group: number, role: keyof GroupRoles, id: string) =>
    setRoles((all) => all.map((r, i) => (i === group ? { ...r, [role]: id } : r)));
  return (
    <form
      class="card no-print"
      aria-labelledby="roles-edit-h"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(roles);
      }}
    >
      <h2 id="roles-edit-h">Change the roles</h2>
      <p class="hint">
        The planner handed the roles out in turn, so that over a few rounds everyone facilitates, keeps time
        and takes notes. Change them here if someone cannot take theirs.
      </p>
      {briefing.groups.map((g, i) => (
        <fieldset key={g.number} class="role-choice">
          <legend>Group {g.number}</legend>
          {ROUND_ROLES.map((role) => {
            const id = `role-${g.number}-${role}`;
            return (
              <div class="field" key={role}>
                <label for={id}>{ROLE_NAMES[role]}</label>
                <select
                  id={id}
                  value={roles[i]?.[role]}
                  onChange={(e) => choose(i, role, (e.target as HTMLSelectElement).value)}
                >
                  {g.members.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.name}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </fieldset>
      ))}
      <button type="submit" disabled={busy}>
        Save the roles
      </button>
    </form>
  );
}

/**
 * Who has read the briefing: a count, and who by name in three lists (read it, read an earlier version, not yet).
 * Participation, not judgement: no times, no order but the alphabet.
 */
export function BriefingReaders({ reading }: { reading: NonNullable<Briefing['reading']> }) {
  const lists = [
    { label: 'Read it', people: reading.people.filter((p) => p.acknowledgedAt && p.current) },
    {
      label: 'Read an earlier version',
      people: reading.people.filter((p) => p.acknowledgedAt && !p.current),
    },
    { label: 'Not yet', people: reading.people.filter((p) => !p.acknowledgedAt) },
  ].filter((l) => l.people.length > 0);
  return (
    <section class="card no-print" aria-labelledby="readers-h">
      <h2 id="readers-h">Who has read it</h2>
      <p data-testid="read-count">
        <strong>
          {reading.read} of {reading.total}
        </strong>{' '}
        have read the briefing.
      </p>
      <dl class="readers">
        {lists.map((l) => (
          <div key={l.label}>
            <dt>
              {l.label} ({l.people.length})
            </dt>
            <dd>{l.people.map((p) => p.name).join(', ')}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">
        This is participation, not a judgment: it helps you remind people before the round, nothing more.
      </p>
    </section>
  );
}
