import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import { createRoomLink, type RoomLink, revokeRoomLinks } from '../api';
import { formatTime, viewerZone } from '../time';
import { QrImage } from './qr-image';

/**
 * "Use my phone in the room": the LMS frame is for planning, notes in the room are written on a phone. One tap mints
 * a sign-in link that works once, for 10 minutes, shown as a QR code to scan and as a link to open in a new tab
 * (outside the frame). With `visitId` it opens that visit's note mode.
 */
export function RoomLinkPanel({
  token,
  visitId,
  label,
  describedBy,
}: {
  token: string;
  visitId?: string;
  label: string;
  describedBy?: string;
}) {
  const [link, setLink] = useState<RoomLink | null>(null);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const shown = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (link) shown.current?.focus();
  }, [link]);

  async function mint() {
    setBusy(true);
    const r = await createRoomLink(token, visitId ? { visitId } : {});
    setBusy(false);
    if (r.ok) {
      setLink(r.data);
      setError('');
      setStatus('');
    } else setError(r.message);
  }

  async function revoke() {
    const r = await revokeRoomLinks(token);
    if (r.ok) {
      setLink(null);
      setStatus(t('room.link.canceled'));
    } else setError(r.message);
  }

  return (
    <div class="room-link">
      {!link ? (
        <button type="button" class="secondary" disabled={busy} onClick={mint} aria-describedby={describedBy}>
          {busy ? t('room.link.making') : label}
        </button>
      ) : (
        <div class="card">
          <p ref={shown} tabIndex={-1}>
            {t('room.link.scan', { time: formatTime(link.expiresAt, viewerZone()) })}
          </p>
          <QrImage text={link.url} alt={t('room.link.qr')} size={240} />
          <div class="actions">
            <a class="button-link" href={link.url} target="_blank" rel="noopener noreferrer">
              {t('room.link.open')}
            </a>
            <button type="button" class="secondary" onClick={revoke}>
              {t('room.link.cancel')}
            </button>
          </div>
        </div>
      )}
      {status && (
        <p role="status" class="notice">
          {status}
        </p>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
