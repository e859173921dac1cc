import { useState } from 'preact/hooks';
import { LANGUAGE_NAMES, type Language, LANGUAGES, t } from '../../../../shared/i18n';

/**
 * The header's language switch: a labeled select (keyboard and screen readers use it like any select). Changing it
 * shows the new language at once; `onChange` remembers it for the person, and a failure to remember is said here.
 */
export function LanguageSwitch({
  language,
  onChange,
}: {
  language: Language;
  onChange: (language: Language) => Promise<boolean>;
}) {
  const [failed, setFailed] = useState(false);
  return (
    <span class="language-switch">
      <label for="language-switch">{t('language.label')}</label>{' '}
      <select
        id="language-switch"
        value={language}
        onChange={async (e) => {
          const next = (e.currentTarget as HTMLSelectElement).value as Language;
          setFailed(!(await onChange(next)));
        }}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      {failed && (
        <span role="alert" class="hint">
          {' '}
          {t('language.not-saved')}
        </span>
      )}
    </span>
  );
}
