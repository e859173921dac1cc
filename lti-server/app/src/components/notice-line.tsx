import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../../../shared/i18n';

/** A message after an action: `focus: false` announces it without moving focus (the action kept its place). */
export type Notice = { kind: 'notice' | 'error'; text: string; focus?: boolean } | null;

/**
 * The status or error line of a view. It takes focus when a new message appears (unless told not to), so keyboard
 * and screen-reader users land on what happened.
 */
export function NoticeLine({ notice }: { notice: Notice }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice && notice.focus !== false) ref.current?.focus();
  }, [notice]);
  if (!notice) return null;
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      class={notice.kind === 'error' ? 'card attention' : 'notice'}
    >
      {notice.text}
    </p>
  );
}

/** A view's load state: the error card when loading failed, "Loading…" until the data is there, then nothing. */
export function LoadState({ error, loaded }: { error: string | null | undefined; loaded: boolean }) {
  if (error)
    return (
      <p class="card" role="alert">
        {error}
      </p>
    );
  return loaded ? null : <p>{t('common.loading')}</p>;
}
