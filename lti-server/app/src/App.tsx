import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../shared/api';
import { type ApiResult, getMe } from './api';
import { requestFrameResize } from './frame-resize';

type State =
  | { kind: 'loading' }
  | { kind: 'no-session' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; me: Me };

export function App({
  token,
  load = getMe,
}: {
  token: string | undefined;
  load?: (token: string) => Promise<ApiResult<Me>>;
}) {
  const [state, setState] = useState<State>(token ? { kind: 'loading' } : { kind: 'no-session' });

  useEffect(() => {
    if (!token) return;
    let live = true;
    load(token).then((result) => {
      if (!live) return;
      if (result.ok) setState({ kind: 'ready', me: result.data });
      else if (result.code === 'UNAUTHENTICATED') setState({ kind: 'no-session' });
      else setState({ kind: 'error', message: result.message });
    });
    return () => {
      live = false;
    };
  }, [token, load]);

  useEffect(() => {
    requestFrameResize();
  });

  return (
    <>
      <header class="topbar">
        <span class="brand">Tasting Menu</span>
        {state.kind === 'ready' && (
          <span class="who">
            {state.me.person.name} ·{' '}
            <span class="role">{state.me.person.role === 'coach' ? 'Coach' : 'Teacher'}</span>
          </span>
        )}
      </header>
      <main>
        {state.kind === 'loading' && (
          <p role="status" aria-live="polite">
            Loading your menu…
          </p>
        )}
        {state.kind === 'no-session' && <NoSession />}
        {state.kind === 'error' && (
          <div class="card" role="alert">
            <h1>Something went wrong</h1>
            <p>{state.message}</p>
          </div>
        )}
        {state.kind === 'ready' && <Home me={state.me} />}
      </main>
    </>
  );
}

function NoSession() {
  return (
    <div class="card">
      <h1>Open Tasting Menu from your course</h1>
      <p>
        Tasting Menu opens inside your LMS (Canvas or Schoology). Go to your course and choose{' '}
        <strong>Tasting Menu</strong> in the course navigation. If you were already in, your session has
        ended: open it again from the course.
      </p>
    </div>
  );
}

function Home({ me }: { me: Me }) {
  const first = me.person.name.split(' ')[0] ?? me.person.name;
  const scope = me.network.scope === 'course' ? 'this course' : 'your whole school';
  return (
    <>
      <h1>Welcome, {first}</h1>
      <dl class="facts">
        <div>
          <dt>Network</dt>
          <dd data-testid="network">{me.network.title}</dd>
        </div>
        <div>
          <dt>Your role</dt>
          <dd data-testid="role">{me.person.role === 'coach' ? 'Coach' : 'Teacher'}</dd>
        </div>
        <div>
          <dt>LMS</dt>
          <dd>{me.platform.name}</dd>
        </div>
      </dl>
      <section class="card" aria-labelledby="menu-h">
        <h2 id="menu-h">The menu</h2>
        <p>
          The tasting menu of {scope} is empty so far. Strategies colleagues clip with the Tasting Menu
          browser extension appear here once{' '}
          {me.person.role === 'coach' ? 'you approve them' : 'a coach approves them'}.
        </p>
      </section>
      {me.person.role === 'coach' ? (
        <section class="card" aria-labelledby="coach-h">
          <h2 id="coach-h">Coach</h2>
          <p>
            You curate this network's menu and plan rounds. The school-wide picture only ever shows patterns
            across at least three visits, never a score for one teacher.
          </p>
        </section>
      ) : (
        <section class="card" aria-labelledby="visits-h">
          <h2 id="visits-h">Sampling visits</h2>
          <p>
            Visits are short, strengths-first and yours: notes written about your classroom belong to you, and
            nobody sees a score.
          </p>
        </section>
      )}
    </>
  );
}
