import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../../../../shared/i18n';
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

/** Each coach role's name, and what the LMS sends for it (role identifiers stay as the LMS writes them). */
const ROLE_TEXT: Record<CoachRole, { label: MessageKey; sent: MessageKey }> = {
  'membership#ContentDeveloper': {
    label: 'settings.role.designer',
    sent: 'settings.role.designer.sent',
  },
  'custom#coach': { label: 'settings.role.custom-coach', sent: 'settings.role.custom-coach.sent' },
  'membership#Administrator': {
    label: 'settings.role.course-admin',
    sent: 'settings.role.course-admin.sent',
  },
  'membership#TeachingAssistant': { label: 'settings.role.ta', sent: 'settings.role.ta.sent' },
  'institution#Administrator': {
    label: 'settings.role.institution-admin',
    sent: 'settings.role.institution-admin.sent',
  },
  'system#SysAdmin': { label: 'settings.role.site-admin', sent: 'settings.role.site-admin.sent' },
  'system#Administrator': {
    label: 'settings.role.system-admin',
    sent: 'settings.role.system-admin.sent',
  },
};

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

  if (!settings) return <p>{error || t('common.loading')}</p>;

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
      setMessage(t('settings.saved'));
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
        {t('settings.title')}
      </h1>
      <form onSubmit={save}>
        <fieldset class="card">
          <legend>{t('settings.scope')}</legend>
          <div class="check">
            <input
              type="radio"
              id="scope-course"
              name="scope"
              checked={settings.networkScope === 'course'}
              onChange={() => setSettings({ ...settings, networkScope: 'course' })}
            />
            <label for="scope-course">{t('settings.scope.course')}</label>
          </div>
          <div class="check">
            <input
              type="radio"
              id="scope-deployment"
              name="scope"
              checked={settings.networkScope === 'deployment'}
              onChange={() => setSettings({ ...settings, networkScope: 'deployment' })}
            />
            <label for="scope-deployment">{t('settings.scope.deployment')}</label>
          </div>
        </fieldset>
        <fieldset class="card" aria-describedby="roles-hint">
          <legend>{t('settings.roles')}</legend>
          <p class="hint spaced" id="roles-hint">
            {t('settings.roles.hint')}
          </p>
          {(['course', 'institution'] as const).map((scope) => (
            <Fragment key={scope}>
              <p class="hint">
                {t(scope === 'course' ? 'settings.roles.course' : 'settings.roles.institution')}
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
                  <label for={`role-${o.role}`}>{t(ROLE_TEXT[o.role].label)}</label>{' '}
                  <span class="hint" id={`role-${o.role}-sent`}>
                    {t('settings.roles.sent', { sent: t(ROLE_TEXT[o.role].sent) })}
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
          legend={t('settings.subjects')}
          label={t('settings.subjects.label')}
          hint={t('settings.subjects.hint')}
          value={subjects}
          onInput={setSubjects}
        />
        <SchoolListField
          id="grades"
          legend={t('settings.grades')}
          label={t('settings.grades.label')}
          hint={t('settings.grades.hint')}
          value={grades}
          onInput={setGrades}
        />
        {error && <p role="alert">{error}</p>}
        <p role="status" aria-live="polite">
          {message}
        </p>
        <div class="actions">
          <button type="submit">{t('settings.save')}</button>
        </div>
      </form>
      {platform && <SchoolNameForm token={token} platform={platform} onSaved={setPlatform} />}
      {platform && (
        <section class="card" aria-labelledby="lms-h">
          <h2 id="lms-h">{t('settings.lms')}</h2>
          <dl class="plain-facts">
            <dt>{t('settings.lms.name')}</dt>
            <dd>{platform.name}</dd>
            <dt>{t('settings.lms.issuer')}</dt>
            <dd>{platform.issuer}</dd>
            <dt>{t('settings.lms.client-id')}</dt>
            <dd>{platform.clientId}</dd>
            <dt>{t('settings.lms.deployment')}</dt>
            <dd>
              {platform.deploymentId}{' '}
              <span class="muted">
                {t(
                  platform.deploymentRecorded === 'first-launch'
                    ? 'settings.lms.first-launch'
                    : 'settings.lms.operator',
                )}
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
        ? t('settings.school-name.saved', { name: r.data.schoolName })
        : t('settings.school-name.cleared', { name: r.data.name }),
    );
  };
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="school-name-h">
      <h2 id="school-name-h">{t('settings.school-name.title')}</h2>
      <Field
        id="school-name"
        label={t('settings.school-name')}
        hint={t('settings.school-name.hint', { max: SCHOOL_NAME_MAX, name: props.platform.name })}
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
        {t('settings.school-name.save')}
      </button>
      <p role="status">{saved}</p>
    </form>
  );
}

/** What an LMS administrator types into the LMS: this server's LTI addresses (the app is served from the tool). */
function ToolAddresses({ origin }: { origin: string }) {
  const rows: Array<[MessageKey, string]> = [
    ['settings.addresses.login', '/lti/login'],
    ['settings.addresses.launch', '/lti/launch'],
    ['settings.addresses.keys', '/lti/keys'],
    ['settings.addresses.register', '/lti/register'],
    ['settings.addresses.canvas', '/lti/canvas.json'],
  ];
  return (
    <section class="card" aria-labelledby="addresses-h">
      <h2 id="addresses-h">{t('settings.addresses')}</h2>
      <dl class="plain-facts">
        {rows.map(([label, path]) => (
          <Fragment key={path}>
            <dt>{t(label)}</dt>
            <dd>
              <code>{`${origin}${path}`}</code>
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
