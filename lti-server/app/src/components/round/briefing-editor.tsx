import { useState } from 'preact/hooks';
import { t } from '../../../../../shared/i18n';
import {
  type BriefingInput,
  type GroupRoles,
  normIn,
  ROLE_NAME_KEYS,
  ROUND_ROLES,
  storedNorm,
} from '../../../../../shared/round-briefing';
import type { Briefing } from '../../api';
import { Field } from '../fields';
import { Trans } from '../trans';

/**
 * The coach writes the briefing's words: why the school chose the focus, what visitors look for, the norms. The
 * default norms show in the coach's language and are saved as the defaults, so each reader sees them in theirs.
 */
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
  const [norms, setNorms] = useState(briefing.norms.map((n) => normIn(n, t)).join('\n'));
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
            .filter(Boolean)
            .map((n) => storedNorm(n, t)),
        });
      }}
    >
      <h2 id="words-h">{t('briefing.edit.title')}</h2>
      <Field
        id="briefing-why"
        label={t('briefing.edit.why')}
        hint={t('briefing.edit.why.hint')}
        error={problems.why}
      >
        {(p) => <textarea {...p} rows={3} maxLength={2000} value={why} onInput={(e) => setWhy(value(e))} />}
      </Field>
      <Field
        id="briefing-look-fors"
        label={t('briefing.edit.look-fors')}
        hint={t('briefing.edit.look-fors.hint')}
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
        label={t('briefing.edit.norms')}
        hint={t('briefing.edit.norms.hint')}
        error={problems.norms}
      >
        {(p) => <textarea {...p} rows={6} value={norms} onInput={(e) => setNorms(value(e))} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t('briefing.edit.save')}
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
      <h2 id="roles-edit-h">{t('briefing.roles.edit')}</h2>
      <p class="hint">{t('briefing.roles.edit.hint')}</p>
      {briefing.groups.map((g, i) => (
        <fieldset key={g.number} class="role-choice">
          <legend>{t('briefing.group', { number: g.number })}</legend>
          {ROUND_ROLES.map((role) => {
            const id = `role-${g.number}-${role}`;
            return (
              <div class="field" key={role}>
                <label for={id}>{t(ROLE_NAME_KEYS[role])}</label>
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
        {t('briefing.roles.save')}
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
    {
      label: t('briefing.readers.read'),
      people: reading.people.filter((p) => p.acknowledgedAt && p.current),
    },
    {
      label: t('briefing.readers.earlier'),
      people: reading.people.filter((p) => p.acknowledgedAt && !p.current),
    },
    { label: t('briefing.readers.not-yet'), people: reading.people.filter((p) => !p.acknowledgedAt) },
  ].filter((l) => l.people.length > 0);
  return (
    <section class="card no-print" aria-labelledby="readers-h">
      <h2 id="readers-h">{t('briefing.readers.title')}</h2>
      <p data-testid="read-count">
        <Trans
          text={t('briefing.readers.count', { read: reading.read, total: reading.total })}
          parts={{ strong: (text) => <strong>{text}</strong> }}
        />
      </p>
      <dl class="readers">
        {lists.map((l) => (
          <div key={l.label}>
            <dt>{t('briefing.readers.list', { label: l.label, count: l.people.length })}</dt>
            <dd>{l.people.map((p) => p.name).join(', ')}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">{t('briefing.readers.hint')}</p>
    </section>
  );
}
