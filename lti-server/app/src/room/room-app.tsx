import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../../shared/api';
import { t } from '../../../../shared/i18n';
import { parseRoomPath, type RoomTarget, roomPath } from '../../../../shared/room';
import { endSession, getMe, roomSignIn } from '../api';
import { Trans } from '../components/trans';
import { useViewFocus } from '../hooks/use-view-focus';
import { applyLanguage } from '../i18n';
import { setPersonZone } from '../time';
import { RoomDoor } from './room-door';
import { RoomHome } from './room-home';
import { RoomNotes } from './room-notes';
import type { RoomOutbox } from './room-outbox';
import {
  forgetRoomSession,
  keepRoomLanguage,
  keepRoomSession,
  readRoomLanguage,
  readRoomSession,
  takeSignInSecret,
} from './room-session';

type State =
  | { kind: 'loading' }
  | { kind: 'no-session'; message?: string }
  | { kind: 'error'; message: string }
  /** Signed in; `me` is null when the page opened offline (from the service worker) with a session kept here. */
  | { kind: 'ready'; token: string; me: Me | null };

/**
 * "In the room": the phone-first note mode, a page of its own outside the LMS frame. It signs in with a single-use
 * link (see room-session.ts) and shows, by its address, a door (from the door sign's QR code: book on the spot, then
 * write), one of my visits (write), or my visits of today.
 */
export function RoomApp({ storage, outbox }: { storage: Storage; outbox: RoomOutbox }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  // The main app's order (the person's choice, the LMS's locale, the browser's languages): until /api/me answers,
  // what this phone kept from the person's last answer, so a page opened offline speaks their language too.
  const [, setLanguage] = useState(() => applyLanguage(readRoomLanguage(storage)));
  const [target, setTarget] = useState<RoomTarget>(
    () => parseRoomPath(window.location.pathname) ?? { kind: 'home' },
  );

  useEffect(() => {
    const secret = takeSignInSecret(window.location, window.history);
    let live = true;
    (async () => {
      let token = readRoomSession(storage, new Date());
      let message: string | undefined;
      if (secret) {
        const r = await roomSignIn({ token: secret });
        if (r.ok) {
          keepRoomSession(storage, r.data);
          token = r.data.token;
        } else message = r.message;
      }
      if (!token) return live && setState({ kind: 'no-session', ...(message ? { message } : {}) });
      const me = await getMe(token);
      if (!live) return;
      if (me.ok) {
        setPersonZone(me.data.person.timeZone);
        keepRoomLanguage(storage, me.data.person);
        setLanguage(applyLanguage(me.data.person));
        setState({ kind: 'ready', token, me: me.data });
      } else if (me.code === 'NETWORK') {
        // Offline: the session kept on this phone still seals notes; they are sent once the connection returns.
        setState({ kind: 'ready', token, me: null });
      } else if (me.code === 'UNAUTHENTICATED') {
        setState({ kind: 'no-session', message: await sessionEnded(message) });
      } else setState({ kind: 'error', message: me.message });
    })();
    return () => {
      live = false;
    };
  }, [storage]);

  /**
   * The session ended (signed out elsewhere, revoked, expired): its key is gone from the server, so notes this phone
   * still holds sealed can never be opened. They are removed, and the person is told.
   */
  async function sessionEnded(message?: string): Promise<string | undefined> {
    forgetRoomSession(storage);
    const left = (await outbox.list()).length;
    await outbox.forgetAll();
    if (left === 0) return message;
    return t('room.ended.removed', { count: left });
  }

  useEffect(() => {
    document.title = t('room.title');
  });

  // A new view: focus its heading, so a screen reader starts there.
  useViewFocus(`${roomPath(target)} ${state.kind}`);

  function openVisit(visitId: string) {
    const next: RoomTarget = { kind: 'visit', id: visitId };
    window.history.replaceState(null, '', roomPath(next));
    setTarget(next);
  }

  async function signOut(token: string) {
    const left = (await outbox.list()).length;
    if (left > 0 && !window.confirm(t('room.sign-out.confirm', { count: left }))) return;
    await endSession(token);
    forgetRoomSession(storage);
    await outbox.forgetAll();
    setState({ kind: 'no-session', message: t('room.signed-out') });
  }

  return (
    <div class="room">
      <header class="room-bar">
        <span class="brand">{t('room.brand')}</span>
        {state.kind === 'ready' && (
          <button type="button" class="secondary" onClick={() => signOut(state.token)}>
            {t('room.sign-out')}
          </button>
        )}
      </header>
      <main class="room-main">
        {state.kind === 'loading' && (
          <p role="status" aria-live="polite">
            {t('room.signing-in')}
          </p>
        )}
        {state.kind === 'no-session' && <SignInFirst target={target} message={state.message} />}
        {state.kind === 'error' && (
          <div class="card" role="alert">
            <h1>{t('app.error.title')}</h1>
            <p>{state.message}</p>
          </div>
        )}
        {state.kind === 'ready' && target.kind === 'home' && <RoomHome token={state.token} />}
        {state.kind === 'ready' && target.kind === 'door' && (
          <RoomDoor token={state.token} doorId={target.id} onVisit={openVisit} />
        )}
        {state.kind === 'ready' && target.kind === 'visit' && (
          <RoomNotes
            token={state.token}
            visitId={target.id}
            me={state.me}
            outbox={outbox}
            onSessionEnded={async () =>
              setState({
                kind: 'no-session',
                message: await sessionEnded(t('room.ended')),
              })
            }
          />
        )}
      </main>
    </div>
  );
}

const strong = (text: string) => <strong>{text}</strong>;

/** No session on this device: how to get one, without any secret in the sign's QR code. */
function SignInFirst({ target, message }: { target: RoomTarget; message?: string | undefined }) {
  return (
    <section class="card" aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        {t('room.sign-in.title')}
      </h1>
      {message && <p role="alert">{message}</p>}
      <p>{t(target.kind === 'door' ? 'room.sign-in.door' : 'room.sign-in.body')}</p>
      <ol>
        <li>
          <Trans text={t('room.sign-in.open')} parts={{ strong }} />
        </li>
        <li>
          <Trans text={t('room.sign-in.choose')} parts={{ strong }} />
        </li>
        <li>{t('room.sign-in.scan')}</li>
        {target.kind === 'door' && <li>{t('room.sign-in.again')}</li>}
      </ol>
    </section>
  );
}
