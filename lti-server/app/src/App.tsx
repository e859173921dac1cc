import { useEffect, useState } from 'preact/hooks';
import type { Me } from '../../../shared/api';
import { type Language, type MessageKey, t } from '../../../shared/i18n';
import { type ApiResult, getMe, putLanguage } from './api';
import { LanguageSwitch } from './components/language-switch';
import { Trans } from './components/trans';
import { requestFrameResize } from './frame-resize';
import { applyLanguage } from './i18n';
import { useReviewCount } from './hooks/use-review-count';
import { useViewFocus } from './hooks/use-view-focus';
import { href, type Route, section, useRoute, viewKey } from './router';
import { setPersonZone } from './time';
import { BriefingView } from './views/briefing-view';
import { ClockView } from './views/clock-view';
import { CycleView } from './views/cycle-view';
import { DebriefView } from './views/debrief-view';
import { DoorForm } from './views/door-form';
import { DoorsView } from './views/doors-view';
import { FinishedRoundsView } from './views/finished-rounds-view';
import { ExtensionView } from './views/extension-view';
import { MenuView } from './views/menu-view';
import { DialogueView } from './views/dialogue-view';
import { NoteEditorView } from './views/note-editor-view';
import { NotesView } from './views/notes-view';
import { PictureView } from './views/picture-view';
import { PrintView } from './views/print-view';
import { CrossRoundView, DistrictView, DistrictsView } from './views/district-view';
import { ProblemsView } from './views/problems-view';
import { RoundForm } from './views/round-form';
import { RoundHostView } from './views/round-host-view';
import { RoundDetail, RoundsList } from './views/rounds-view';
import { SettingsView } from './views/settings-view';
import { SignView } from './views/sign-view';
import { StrategyForm } from './views/strategy-form';
import { StrategyView } from './views/strategy-view';
import { VisitsView } from './views/visits-view';

type State =
  | { kind: 'loading' }
  | { kind: 'no-session' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; me: Me };

export function App({
  token,
  load = getMe,
  saveLanguage = putLanguage,
}: {
  token: string | undefined;
  load?: (token: string) => Promise<ApiResult<Me>>;
  saveLanguage?: typeof putLanguage;
}) {
  const [state, setState] = useState<State>(token ? { kind: 'loading' } : { kind: 'no-session' });
  // Until /api/me answers, the browser's languages; then the person's choice, the LMS's locale, the browser's.
  const [language, setLanguageState] = useState<Language>(() => applyLanguage());
  const route = useRoute();
  const queued = useReviewCount(
    state.kind === 'ready' ? token : undefined,
    state.kind === 'ready' && state.me.person.role === 'coach',
    route,
  );

  useEffect(() => {
    if (!token) return;
    let live = true;
    load(token).then((result) => {
      if (!live) return;
      if (result.ok) {
        // Before any view renders: door and round forms default to this zone; every text follows this language.
        setPersonZone(result.data.person.timeZone);
        setLanguageState(applyLanguage(result.data.person));
        setState({ kind: 'ready', me: result.data });
      } else if (result.code === 'UNAUTHENTICATED') setState({ kind: 'no-session' });
      else setState({ kind: 'error', message: result.message });
    });
    return () => {
      live = false;
    };
  }, [token, load]);

  useEffect(() => {
    requestFrameResize();
  });

  // Move focus to the new view's heading so keyboard and screen-reader users land where the content changed.
  useViewFocus(viewKey(route));

  return (
    <>
      <header class="topbar">
        <span class="brand">{t('app.name')}</span>
        {state.kind === 'ready' && (
          <span class="who">
            {state.me.person.name} ·{' '}
            <span class="role">
              {t(state.me.person.role === 'coach' ? 'app.role.coach' : 'app.role.teacher')}
            </span>{' '}
            · <span data-testid="network">{networkLabel(state.me)}</span>
            {state.me.network.scope === 'course' && state.me.platform.schoolName && (
              <>
                {' '}
                · <span data-testid="school">{state.me.platform.schoolName}</span>
              </>
            )}
          </span>
        )}
        {state.kind === 'ready' && token && (
          <LanguageSwitch
            language={language}
            onChange={async (next) => {
              const person = { ...state.me.person, language: next };
              setLanguageState(applyLanguage(person));
              setState({ kind: 'ready', me: { ...state.me, person } });
              return (await saveLanguage(token, { language: next })).ok;
            }}
          />
        )}
      </header>
      {state.kind === 'ready' && (
        <Nav route={route} isCoach={state.me.person.role === 'coach'} queued={queued} />
      )}
      <main>
        {state.kind === 'loading' && (
          <p role="status" aria-live="polite">
            {t('app.loading')}
          </p>
        )}
        {state.kind === 'no-session' && <NoSession />}
        {state.kind === 'error' && (
          <div class="card" role="alert">
            <h1>{t('app.error.title')}</h1>
            <p>{state.message}</p>
          </div>
        )}
        {state.kind === 'ready' && token && (
          <View route={route} me={state.me} token={token} queued={queued} />
        )}
      </main>
    </>
  );
}

function Nav({ route, isCoach, queued }: { route: Route; isCoach: boolean; queued: number | null }) {
  const items: Array<{ route: Route; label: MessageKey }> = [
    { route: { name: 'menu' }, label: 'app.nav.menu' },
    { route: { name: 'mine' }, label: 'app.nav.mine' },
    { route: { name: 'add' }, label: 'app.nav.add' },
    { route: { name: 'doors' }, label: 'app.nav.doors' },
    { route: { name: 'visits' }, label: 'app.nav.visits' },
    { route: { name: 'notes' }, label: 'app.nav.notes' },
    { route: { name: 'cycles' }, label: 'app.nav.cycles' },
    { route: { name: 'extension' }, label: 'app.nav.extension' },
    ...(isCoach
      ? [
          { route: { name: 'queue' } as Route, label: 'app.nav.queue' as const },
          { route: { name: 'rounds' } as Route, label: 'app.nav.rounds' as const },
          { route: { name: 'picture' } as Route, label: 'app.nav.picture' as const },
          { route: { name: 'districts' } as Route, label: 'app.nav.districts' as const },
          { route: { name: 'settings' } as Route, label: 'app.nav.settings' as const },
        ]
      : // The picture of finished rounds is the school's: teachers see it too.
        [{ route: { name: 'picture' } as Route, label: 'app.nav.picture' as const }]),
  ];
  return (
    <nav aria-label={t('app.nav.label')}>
      <ul>
        {items.map((i) => (
          <li key={i.label}>
            <a href={href(i.route)} aria-current={section(route) === i.route.name ? 'page' : undefined}>
              {t(i.label)}
              {i.route.name === 'queue' && queued !== null && queued > 0 && (
                <span class="count" data-testid="queue-count">
                  {' '}
                  {queued}
                  <span class="sr-only"> {t('app.nav.waiting')}</span>
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The network in the user bar. A school-wide network is named after the LMS platform at launch; where the school's
 * coach named the school (Settings), that name shows instead of the platform's.
 */
function networkLabel(me: Me): string {
  const school = me.platform.schoolName;
  return me.network.scope === 'deployment' && school ? t('app.school-wide', { school }) : me.network.title;
}

function View({ route, me, token, queued }: { route: Route; me: Me; token: string; queued: number | null }) {
  const isCoach = me.person.role === 'coach';
  switch (route.name) {
    case 'strategy':
      return <StrategyView token={token} id={route.id} isCoach={isCoach} personId={me.person.id} />;
    case 'edit':
      return <StrategyForm token={token} editId={route.id} />;
    case 'add':
      return <StrategyForm token={token} />;
    case 'extension':
      return <ExtensionView token={token} />;
    case 'settings':
      return <SettingsView token={token} />;
    case 'print':
      return <PrintView token={token} networkTitle={me.network.title} />;
    case 'doors':
      return <DoorsView token={token} week={route.week} />;
    case 'door-new':
      return <DoorForm token={token} strategyId={route.strategyId} />;
    case 'door-sign':
      return <SignView token={token} doorId={route.id} />;
    case 'visits':
      return <VisitsView token={token} />;
    case 'visit-notes':
      return <NoteEditorView token={token} visitId={route.visitId} myName={me.person.name} />;
    case 'dialogue':
      return <DialogueView token={token} doorId={route.doorId} myName={me.person.name} />;
    case 'notes':
      return <NotesView token={token} />;
    case 'picture':
      return isCoach ? <PictureView token={token} /> : <FinishedRoundsView token={token} />;
    case 'rounds':
      return isCoach ? <RoundsList token={token} /> : <CoachesOnly />;
    case 'round-new':
      return isCoach ? <RoundForm token={token} cycleId={route.cycleId} /> : <CoachesOnly />;
    case 'cycles':
      return <ProblemsView token={token} isCoach={isCoach} />;
    case 'cycle':
      return <CycleView token={token} id={route.id} isCoach={isCoach} />;
    case 'round':
      return isCoach ? <RoundDetail token={token} id={route.id} /> : <CoachesOnly />;
    case 'round-host':
      // Any host of the round: the server answers 404 to anyone else.
      return <RoundHostView token={token} roundId={route.id} />;
    case 'debrief':
      // Open to the round's participants and hosts too: the server decides who is in the room.
      return <DebriefView token={token} roundId={route.id} isCoach={isCoach} />;
    case 'briefing':
      // Participants and hosts of a published round, and its network's coaches: the server decides.
      return <BriefingView token={token} roundId={route.id} isCoach={isCoach} />;
    case 'clock':
      return <ClockView token={token} roundId={route.id} />;
    case 'districts':
      return isCoach ? <DistrictsView token={token} /> : <CoachesOnly />;
    case 'district':
      return isCoach ? <DistrictView token={token} id={route.id} /> : <CoachesOnly />;
    case 'district-round':
      return isCoach ? (
        <CrossRoundView token={token} id={route.id} roundId={route.roundId} />
      ) : (
        <CoachesOnly />
      );
    case 'mine':
      return <MenuView token={token} mode="mine" isCoach={isCoach} />;
    case 'queue':
      return <MenuView token={token} mode="queue" isCoach={isCoach} />;
    default:
      return <MenuView token={token} mode="menu" isCoach={isCoach} queued={queued} search={route.search} />;
  }
}

function CoachesOnly() {
  return (
    <div class="card">
      <h1 id="view-title" tabIndex={-1}>
        {t('app.coaches-only.title')}
      </h1>
      <p>
        <Trans
          text={t('app.coaches-only.body')}
          parts={{
            visits: (text) => <a href={href({ name: 'visits' })}>{text}</a>,
            doors: (text) => <a href={href({ name: 'doors' })}>{text}</a>,
          }}
        />
      </p>
    </div>
  );
}

function NoSession() {
  return (
    <div class="card">
      <h1>{t('app.no-session.title')}</h1>
      <p>
        <Trans text={t('app.no-session.body')} parts={{ strong: (text) => <strong>{text}</strong> }} />
      </p>
    </div>
  );
}
