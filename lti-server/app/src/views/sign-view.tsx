import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { roomPath } from '../../../../shared/room';
import { type Door, getDoor } from '../api';
import { QrImage } from '../components/qr-image';
import { href } from '../router';
import { formatInstantDay, formatTime } from '../time';

export type Paper = 'letter' | 'a4';

/** US Letter where people use it (the US, Canada, Mexico, the Philippines…), A4 elsewhere. */
export function defaultPaper(locale: string): Paper {
  return /-(US|CA|MX|PH|CL|CO|VE|GT|CR|PA|PR|SV|NI|DO|BO|PE)$/i.test(locale) || locale === 'en'
    ? 'letter'
    : 'a4';
}

/**
 * A host's door sign (#ObserveMe style), to print and put on the open door: the strategy, "Come in — I'm working on
 * …", what to look for, when, and a QR code that opens the room note mode for this door. The code carries only the
 * door's address, no secret: a visitor signs in on their phone first. Printed on A4 or US Letter (print CSS).
 */
export function SignView({ token, doorId }: { token: string; doorId: string }) {
  const [door, setDoor] = useState<Door | null>(null);
  const [error, setError] = useState('');
  const [paper, setPaper] = useState<Paper>(() => defaultPaper(navigator.language));
  useEffect(() => {
    getDoor(token, doorId).then((r) => (r.ok ? setDoor(r.data) : setError(r.message)));
  }, [token, doorId]);

  const url = `${window.location.origin}${roomPath({ kind: 'door', id: doorId })}`;
  const title = door?.strategy?.title ?? t('door.sampling-visit');
  return (
    <section aria-labelledby="view-title">
      <div class="no-print">
        <p>
          <a href={href({ name: 'doors' })}>{t('sign.back')}</a>
        </p>
        <h1 id="view-title" tabIndex={-1}>
          {t('door.sign')}
        </h1>
        <p class="lede">{t('sign.lede')}</p>
        <fieldset class="paper">
          <legend>{t('sign.paper')}</legend>
          <label>
            <input
              type="radio"
              name="paper"
              checked={paper === 'letter'}
              onChange={() => setPaper('letter')}
            />{' '}
            {t('sign.paper.letter')}
          </label>
          <label>
            <input type="radio" name="paper" checked={paper === 'a4'} onChange={() => setPaper('a4')} />{' '}
            {t('sign.paper.a4')}
          </label>
        </fieldset>
        <p>
          <button type="button" onClick={() => window.print()} disabled={!door}>
            {t('sign.print')}
          </button>
        </p>
        {error && <p role="alert">{error}</p>}
      </div>
      {door && (
        <article class={`sign paper-${paper}`} aria-label={t('sign.label')} data-paper={paper}>
          <p class="sign-welcome">{t('sign.welcome')}</p>
          <h2 class="sign-title">{title}</h2>
          <p class="sign-when">
            {t('sign.when', {
              day: formatInstantDay(door.startsAt, door.timeZone),
              from: formatTime(door.startsAt, door.timeZone),
              to: formatTime(door.endsAt, door.timeZone),
              where: door.location,
            })}
          </p>
          {door.lookFor && (
            <p class="sign-look">
              <strong>{t('door.look-for')}</strong> {door.lookFor}
            </p>
          )}
          <div class="sign-qr">
            <QrImage text={url} alt={t('sign.qr', { url })} />
            <p>
              {t('sign.scan')}
              <br />
              <span class="sign-url">{url}</span>
            </p>
          </div>
          <p class="sign-rules">{t('sign.rules')}</p>
        </article>
      )}
    </section>
  );
}
