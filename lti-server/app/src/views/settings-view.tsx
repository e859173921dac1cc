import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  COACH_ROLE_OPTIONS,
  type CoachRole,
  type PlatformInfo,
  SCHOOL_NAME_MAX,
  type TenantSettings,
} from '../../../../shared/settings';
import { getPlatformInfo, getSettings, putSchoolName, putSettings } from '../api';
import { Field } from '../components/fields';
import { SchoolDayFields } from '../components/school-day-fields';
import { listLines, SchoolListField } from '../components/school-list-field';

/**
 * Coach settings: school-wide or per-course menu, which LMS roles are coaches, the school day (time zone and bell
 * schedule), and this school's LMS registration.
 */
export function SettingsView({ token }: { token: string }) {
  const [settings, setSettings] = useState<TenantSettings | null>(null);
  const [platform, setPlatform] = useState<PlatformInfo | null>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [dayErrors, setDayErrors] = useState<Record<string, string>>({});
  /** The subject and grade lists as the coach types them, one entry per line. */
  const [subjects, setSubjects] = useState('');
  const [grades, setGrades] = useState('');

  useEffect(() => {
    getSettings(token).then((r) => {
      if (!r.ok) return setError(r.message);
      setSettings(r.data);
      setSubjects(r.data.subjects.join('\n'));
      setGrades(r.data.grades.join('\n'));
    });
    getPlatformInfo(token).then((r) => r.ok && setPlatform(r.data));
  }, [token]);

  if (!settings) return <p>{error || 'Loading…'}</p>;

  const toggle = (role: CoachRole, on: boolean) =>
    setSettings({
      ...settings,
      coachRoles: on ? [...settings.coachRoles, role] : settings.coachRoles.filter((r) => r !== role),
    });

  async function save(e: Event) {
    e.preventDefault();
    setMessage('');
    const r = await putSettings(token, {
      ...settings!,
      subjects: listLines(subjects),
      grades: listLines(grades),
    });
    if (r.ok) {
      setSettings(r.data);
      setSubjects(r.data.subjects.join('\n'));
      setGrades(r.data.grades.join('\n'));
      setError('');
      setDayErrors({});
      setSettings(r.data);
      setMessage('Saved. The changes apply from each person’s next launch; the school day at once.');
    } else {
      setError(r.fields?.map((f) => f.message).join(' ') || r.message);
      const byPath: Record<string, string> = {};
      for (const f of r.fields ?? [])
        if (f.path.startsWith('schoolDay.')) byPath[f.path.slice('schoolDay.'.length)] ??= f.message;
      setDayErrors(byPath);
    }
  }

  return (
    <section aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        Settings
      </h1>
      <form onSubmit={save}>
        <fieldset class="card">
          <legend>Whose menu is it?</legend>
          <div class="check">
            <input
              type="radio"
              id="scope-course"
              name="scope"
              checked={settings.networkScope === 'course'}
              onChange={() => setSettings({ ...settings, networkScope: 'course' })}
            />
            <label for="scope-course">Each course has its own menu</label>
          </div>
          <div class="check">
            <input
              type="radio"
              id="scope-deployment"
              name="scope"
              checked={settings.networkScope === 'deployment'}
              onChange={() => setSettings({ ...settings, networkScope: 'deployment' })}
            />
            <label for="scope-deployment">One school-wide menu for every course</label>
          </div>
        </fieldset>
        <fieldset class="card" aria-describedby="roles-hint">
          <legend>Which LMS roles make a coach?</legend>
          <p class="hint spaced" id="roles-hint">
            Teachers and TAs are teachers unless a role below makes them coaches. Students, observers and
            anyone with no role in the course cannot open Tasting Menu.
          </p>
          {(['course', 'institution'] as const).map((scope) => (
            <Fragment key={scope}>
              <p class="hint">
                {scope === 'course'
                  ? 'Course roles'
                  : 'School-wide roles: anyone holding one becomes a coach in every course'}
              </p>
              {COACH_ROLE_OPTIONS.filter((o) => o.scope === scope).map((o) => (
                <div class="check" key={o.role}>
                  <input
                    type="checkbox"
                    id={`role-${o.role}`}
                    aria-describedby={`role-${o.role}-sent`}
                    checked={settings.coachRoles.includes(o.role)}
                    onChange={(e) => toggle(o.role, (e.target as HTMLInputElement).checked)}
                  />
                  <label for={`role-${o.role}`}>{o.label}</label>{' '}
                  <span class="hint" id={`role-${o.role}-sent`}>
                    (the LMS sends {o.sent})
                  </span>
                </div>
              ))}
            </Fragment>
          ))}
        </fieldset>
        <SchoolDayFields
          value={settings.schoolDay}
          errors={dayErrors}
          onChange={(schoolDay) => setSettings({ ...settings, schoolDay })}
        />
        <SchoolListField
          id="subjects"
          legend="The menu’s subjects"
          label="Subjects, one per line"
          hint="Teachers choose from these when they add a strategy and when they filter the menu. A subject typed another way is read as the nearest one here (“Sci” as Science)."
          value={subjects}
          onInput={setSubjects}
        />
        <SchoolListField
          id="grades"
          legend="The menu’s grades"
          label="Grades, one per line"
          hint="Single grades (K, 1, 2 … 12) or bands (6-8). Teachers choose from these when they add a strategy and when they filter the menu; a grade typed another way is read as the nearest one here (“7th”, “Grade 7” or “gr7” as 7, or as the band 6-8 that holds it)."
          value={grades}
          onInput={setGrades}
        />
        {error && <p role="alert">{error}</p>}
        <p role="status" aria-live="polite">
          {message}
        </p>
        <div class="actions">
          <button type="submit">Save settings</button>
        </div>
      </form>
      {platform && <SchoolNameForm token={token} platform={platform} onSaved={setPlatform} />}
      {platform && (
        <section class="card" aria-labelledby="lms-h">
          <h2 id="lms-h">Your LMS registration</h2>
          <dl class="plain-facts">
            <dt>LMS</dt>
            <dd>{platform.name}</dd>
            <dt>Issuer</dt>
            <dd>{platform.issuer}</dd>
            <dt>Client ID</dt>
            <dd>{platform.clientId}</dd>
            <dt>Deployment</dt>
            <dd>
              {platform.deploymentId}{' '}
              <span class="muted">
                {platform.deploymentRecorded === 'first-launch'
                  ? '(recorded at its first launch)'
                  : '(registered by the Tasting Menu operator)'}
              </span>
            </dd>
          </dl>
        </section>
      )}
      <ToolAddresses origin={window.location.origin} />
    </section>
  );
}

/**
 * The school's own name, which district networks show. The LMS sends only the platform's name (two schools of one
 * Canvas share it) and each launch sends it again; a name set here stays until a coach changes it.
 */
function SchoolNameForm(props: {
  token: string;
  platform: PlatformInfo;
  onSaved: (platform: PlatformInfo) => void;
}) {
  const [value, setValue] = useState(props.platform.schoolName ?? '');
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setSaved('');
    const r = await putSchoolName(props.token, value);
    setBusy(false);
    if (!r.ok) return setError(r.fields?.[0]?.message ?? r.message);
    setError(undefined);
    setValue(r.data.schoolName ?? '');
    props.onSaved(r.data);
    setSaved(
      r.data.schoolName
        ? `Saved. District networks show your school as ${r.data.schoolName}.`
        : `Cleared. District networks show your school as ${r.data.name}.`,
    );
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="school-name-h">
      <h2 id="school-name-h">Your school’s name</h2>
      <Field
        id="school-name"
        label="School name"
        hint={`District networks show it (at most ${SCHOOL_NAME_MAX} characters). Leave it empty to use the LMS’s name, ${props.platform.name}.`}
        error={error}
      >
        {(f) => (
          <input
            {...f}
            value={value}
            maxLength={SCHOOL_NAME_MAX}
            onInput={(e) => setValue((e.target as HTMLInputElement).value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy}>
        Save the school’s name
      </button>
      <p role="status">{saved}</p>
    </form>
  );
}

/** What an LMS administrator types into the LMS: this server's LTI addresses (the app is served from the tool). */
function ToolAddresses({ origin }: { origin: string }) {
  const rows = [
    ['OIDC login (initiation) URL', '/lti/login'],
    ['Target link / redirect URI', '/lti/launch'],
    ['Public key set (JWKS) URL', '/lti/keys'],
    ['Dynamic registration URL', '/lti/register'],
    ['Canvas developer key (JSON)', '/lti/canvas.json'],
  ];
  return (
    <section class="card" aria-labelledby="addresses-h">
      <h2 id="addresses-h">Addresses for your LMS administrator</h2>
      <dl class="plain-facts">
        {rows.map(([label, path]) => (
          <Fragment key={path}>
            <dt>{label}</dt>
            <dd>
              <code>{`${origin}${path}`}</code>
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
