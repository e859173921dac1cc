import type { ComponentChildren } from 'preact';
import { t } from '../../../../../shared/i18n';
import { href } from '../../router';
import { Trans } from '../trans';

/** While the debrief loads, or why it cannot be shown (not published yet: CONFLICT; anything else as said). */
export function DebriefUnavailable({
  back,
  roundId,
  isCoach,
  failure,
}: {
  back: ComponentChildren;
  roundId: string;
  isCoach: boolean;
  failure: { code: string; message: string } | null;
}) {
  const closed = failure?.code === 'CONFLICT';
  return (
    <section aria-labelledby="view-title">
      {back}
      <h1 id="view-title" tabIndex={-1}>
        {t(!failure ? 'visits.debrief' : closed ? 'debrief.closed.title' : 'debrief.unavailable')}
      </h1>
      {!failure && <p role="status">{t('common.loading')}</p>}
      {closed && (
        <div class="card attention" role="alert">
          <p>{t('debrief.closed')}</p>
          {isCoach && (
            <p>
              <Trans
                text={t('debrief.closed.publish')}
                parts={{ round: (text) => <a href={href({ name: 'round', id: roundId })}>{text}</a> }}
              />
            </p>
          )}
        </div>
      )}
      {failure && !closed && (
        <p class="card" role="alert">
          {failure.message}
        </p>
      )}
    </section>
  );
}
