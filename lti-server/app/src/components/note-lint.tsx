import { useEffect, useState } from 'preact/hooks';
import { currentLanguage, type MessageKey, t } from '../../../../shared/i18n';
import { type FlagKind, lintNote, type NoteFlag } from '../../../../shared/note-linter';

/** Long enough to skip linting between keystrokes, short enough to feel immediate. */
export const LINT_DELAY_MS = 150;

/** Flags together with the text they were found in, so a flag's words are always read from the right text. */
export interface Linted {
  text: string;
  flags: NoteFlag[];
}

/**
 * Lints the note while it is typed (debounced), with the names of people the writer can see; `lintNow` lints at
 * once (before a save) and shows the result. `names` should keep its identity between renders: the linter caches
 * the roster per array.
 */
export function useNoteLint(
  text: string,
  names: string[],
  namesOnly = false,
): { linted: Linted; lintNow: () => NoteFlag[] } {
  // A reflective text (a question, a plan) is only checked for names: asking why is what it is for.
  // Its messages are in the interface's language (a language switch lints again).
  const language = currentLanguage();
  const lint = (note: string) =>
    lintNote(note, { names, language }).filter((f) => !namesOnly || f.kind === 'name');
  const [linted, setLinted] = useState<Linted>(() => ({ text, flags: lint(text) }));
  useEffect(() => {
    const timer = setTimeout(() => setLinted({ text, flags: lint(text) }), LINT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, names, namesOnly, language]);
  const lintNow = () => {
    const flags = lint(text);
    setLinted({ text, flags });
    return flags;
  };
  return { linted, lintNow };
}

const KIND_LABEL: Record<FlagKind, MessageKey> = {
  name: 'lint.kind.name',
  evaluative: 'lint.kind.evaluative',
  inference: 'lint.kind.inference',
};

const KIND_COUNT: Record<FlagKind, MessageKey> = {
  name: 'lint.count.name',
  evaluative: 'lint.count.evaluative',
  inference: 'lint.count.inference',
};

/** "2 things to rephrase: 1 name, 1 judgment." */
export function lintSummary({ text, flags }: Linted): string {
  if (!text.trim()) return '';
  if (flags.length === 0) return t('lint.summary.none');
  const parts = (['name', 'evaluative', 'inference'] as const).flatMap((kind) => {
    const count = flags.filter((f) => f.kind === kind).length;
    return count ? [t(KIND_COUNT[kind], { count })] : [];
  });
  return t('lint.summary', { count: flags.length, parts: parts.join(', ') });
}

/**
 * What the linter found: a live summary (announced politely while typing), one list item per flag with the words
 * quoted, why, and a way to rephrase, and a marked copy of the text for sighted readers (the list carries the same
 * content, so the copy is hidden from assistive technology).
 */
export function LintReport({ id, linted }: { id: string; linted: Linted }) {
  const { text, flags } = linted;
  return (
    <div class="lint">
      <p id={`${id}-summary`} class="lint-summary" aria-live="polite">
        {lintSummary(linted)}
      </p>
      {flags.length > 0 && (
        <>
          <p class="lint-preview" aria-hidden="true">
            {marked(text, flags)}
          </p>
          <ul class="flags" aria-labelledby={`${id}-summary`}>
            {flags.map((f) => (
              <li key={`${f.start}-${f.end}`} class={`flag flag-${f.kind}`}>
                <span class="flag-kind">{t(KIND_LABEL[f.kind])}</span>{' '}
                <strong class="flag-words">“{text.slice(f.start, f.end)}”</strong> — {f.message}
                {f.suggestion && (
                  <span class="flag-suggestion">
                    {' '}
                    {t('lint.try')} <em>{f.suggestion}</em>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function marked(text: string, flags: NoteFlag[]) {
  const out = [];
  let at = 0;
  for (const f of [...flags].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    if (f.start > at) out.push(text.slice(at, f.start));
    out.push(
      <mark key={f.start} class={`mark-${f.kind}`}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  out.push(text.slice(at));
  return out;
}
