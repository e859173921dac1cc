import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../../shared/i18n';
import type { Note } from '../../../../shared/notes';
import { type PendingRoomNote, type SealedContent, sealNote } from '../../../../shared/sealed-note';
import { type ApiResult, getRoomNoteKey, sendRoomNote } from '../api';
import type { RoomOutbox } from './room-outbox';
import { sendPending } from './send-pending';

/** While notes wait on the phone, the page tries again this often (besides the browser's "online" event). */
export const RETRY_MS = 15_000;

/**
 * The room page's notes on their way to the server. Save seals the note and keeps it on the phone first (so closing
 * the page or losing the connection loses nothing), then sends what is waiting (sendNow); the page sends again when the browser
 * says it is back online, every RETRY_MS while something waits, and when it opens. The texts of notes saved in this
 * page's life are kept in memory only, to show them in the list: after a reload a waiting note is a seal the phone
 * cannot open.
 */
export function useRoomOutbox({
  token,
  visitId,
  outbox,
  onSent,
  onSessionEnded,
}: {
  token: string;
  visitId: string;
  outbox: RoomOutbox;
  onSent: (notes: Note[]) => void;
  onSessionEnded: () => void;
}) {
  const [pending, setPending] = useState<PendingRoomNote[]>([]);
  const [online, setOnline] = useState(() => navigator.onLine);
  const texts = useRef(new Map<string, SealedContent>());
  const sending = useRef<Promise<void> | null>(null);
  const live = useRef(true);
  const callbacks = useRef({ onSent, onSessionEnded });
  callbacks.current = { onSent, onSessionEnded };

  async function reload() {
    const notes = await outbox.list(visitId);
    if (live.current) setPending(notes);
  }

  /** Sends what waits; one run at a time (a second call waits for the run under way). */
  function flush(): Promise<void> {
    sending.current ??= (async () => {
      try {
        const report = await sendPending(outbox, (body) => sendRoomNote(token, body));
        const left = await outbox.list(visitId);
        if (!live.current) return;
        // In one render: the sent notes join the list as the phone lets go of them.
        setPending(left);
        if (report.sent.length > 0) callbacks.current.onSent(report.sent);
        if (report.stopped?.code === 'UNAUTHENTICATED') callbacks.current.onSessionEnded();
        setOnline(report.stopped?.code !== 'NETWORK' && navigator.onLine);
      } finally {
        sending.current = null;
      }
    })();
    return sending.current;
  }

  useEffect(() => {
    live.current = true;
    (async () => {
      // The session's public key: asked for while online, kept for sealing offline.
      const key = await getRoomNoteKey(token);
      if (key.ok) await outbox.keepKey(key.data);
      await reload();
      await flush();
    })();
    const back = () => {
      setOnline(true);
      flush();
    };
    const gone = () => setOnline(false);
    window.addEventListener('online', back);
    window.addEventListener('offline', gone);
    const retry = setInterval(() => {
      outbox.list().then((all) => {
        if (all.some((n) => n.status === 'pending')) flush();
      });
    }, RETRY_MS);
    return () => {
      live.current = false;
      window.removeEventListener('online', back);
      window.removeEventListener('offline', gone);
      clearInterval(retry);
    };
  }, [token, visitId]);

  /** Seals the note and keeps it on the phone; nothing is sent yet (see sendNow). */
  async function keep(content: SealedContent): Promise<ApiResult<{ clientId: string }>> {
    const key = await outbox.key();
    if (!key)
      return {
        ok: false,
        code: 'NO_KEY',
        message: t('room.note.no-key'),
      };
    const clientId = crypto.randomUUID();
    const sealed = await sealNote(key, clientId, content);
    await outbox.add({ clientId, visitId, createdAt: new Date().toISOString(), status: 'pending', sealed });
    texts.current.set(clientId, content);
    return { ok: true, data: { clientId } };
  }

  /** Shows a kept note in the list and sends what waits: answers whether that note is on the server now. */
  async function sendNow(clientId: string): Promise<boolean> {
    await reload();
    await flush();
    return !(await outbox.list(visitId)).some((n) => n.clientId === clientId);
  }

  return { pending, online, keep, sendNow, textOf: (clientId: string) => texts.current.get(clientId) };
}
