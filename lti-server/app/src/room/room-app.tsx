import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../../shared/api';
import { parseRoomPath, type RoomTarget, roomPath } from '../../../../shared/room';
import { endSession, getMe, roomSignIn } from '../api';
import { setPersonZone } from '../time';
import { RoomDoor } from './room-door';
import { RoomHome } from './room-home';
import { RoomNotes } from './room-notes';
import type { RoomOutbox } from './room-outbox';
import { forgetRoomSession, keepRoomSession, readRoomSession, takeSignInSecret } from './room-session';

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
    return `Your sign-in on this phone ended before ${left === 1 ? 'a note was' : `${left} notes were`} sent. Nobody can read ${left === 1 ? 'it' : 'them'} now, so ${left === 1 ? 'it was' : 'they were'} removed from this phone.`;
  }

  // A new view: focus its heading, so a screen reader starts there.
  useEffect(() => {
    const t = setTimeout(() => (document.getElementById('view-title') as HTMLElement | null)?.focus(), 50);
    return () => clearTimeout(t);
  }, [target, state.kind]);

  function openVisit(visitId: string) {
    const next: RoomTarget = { kind: 'visit', id: visitId };
    window.history.replaceState(null, '', roomPath(next));
    setTarget(next);
  }

  async function signOut(token: string) {
    const left = (await outbox.list()).length;
    if (
      left > 0 &&
      !window.confirm(
        `${left === 1 ? 'A note is' : `${left} notes are`} not sent yet. Signing out now makes ${left === 1 ? 'it' : 'them'} unreadable for good. Sign out anyway?`,
      )
    )
      return;
    await endSession(token);
    forgetRoomSession(storage);
    await outbox.forgetAll();
    setState({ kind: 'no-session', message: 'You are signed out on this device.' });
  }

  return (
    <div class="room">
      <header class="room-bar">
        <span class="brand">Tasting Menu · in the room</span>
        {state.kind === 'ready' && (
          <button type="button" class="secondary" onClick={() => signOut(state.token)}>
            Sign out
          </button>
        )}
      </header>
      <main class="room-main">
        {state.kind === 'loading' && (
          <p role="status" aria-live="polite">
            Signing in…
          </p>
        )}
        {state.kind === 'no-session' && <SignInFirst target={target} message={state.message} />}
        {state.kind === 'error' && (
          <div class="card" role="alert">
            <h1>Something went wrong</h1>
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
                message: await sessionEnded('Your sign-in on this phone has ended.'),
              })
            }
          />
        )}
      </main>
    </div>
  );
}

/** No session on this device: how to get one, without any secret in the sign's QR code. */
function SignInFirst({ target, message }: { target: RoomTarget; message?: string | undefined }) {
  return (
    <section class="card" aria-labelledby="view-title">
      <h1 id="view-title" tabIndex={-1}>
        Sign in first
      </h1>
      {message && <p role="alert">{message}</p>}
      <p>
        {target.kind === 'door'
          ? 'This door sign opens the note mode for the visit, once you are signed in on this device.'
          : 'The note mode opens once you are signed in on this device.'}
      </p>
      <ol>
        <li>
          Open <strong>Tasting Menu</strong> from your course in the LMS (on a computer or on this phone).
        </li>
        <li>
          In <strong>My visits</strong>, choose <strong>Use my phone in the room</strong>.
        </li>
        <li>
          Scan the code it shows with this phone, or tap the link on this device. It works once, for 10
          minutes.
        </li>
        {target.kind === 'door' && <li>Then scan the door sign again.</li>}
      </ol>
    </section>
  );
}
