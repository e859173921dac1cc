import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { msg } from '../../lib/i18n';
import { send } from '../../lib/messaging';
import { formDraft } from '../../lib/readable';
import { ClipApp } from '../clip/clip-app';
import '../../components/styles.css';

const EMPTY = { text: '', heading: '', pageTitle: '', pageUrl: '', trimmed: false };

/** The side panel (Chrome) or sidebar (Firefox): the clip form for the page beside it, one clip after another. */
function SidePanel() {
  const [draft, setDraft] = useState<ReturnType<typeof formDraft> | null>(null);
  const [round, setRound] = useState(0);
  const [defaultTags, setDefaultTags] = useState<string[]>([]);

  useEffect(() => {
    send({ type: 'settings/get' }).then(
      (s) => setDefaultTags(s.defaultTags),
      () => {},
    );
  }, []);

  useEffect(() => {
    send({ type: 'capture/active-tab' }).then(
      (captured) => setDraft(formDraft(captured)),
      () => setDraft(EMPTY),
    );
  }, [round]);

  return draft ? (
    <>
      <ClipApp
        key={round}
        draft={draft}
        defaultTags={defaultTags}
        save={(clip) => send({ type: 'clip/save', clip })}
      />
      <p class="shell">
        <button type="button" class="secondary" onClick={() => setRound(round + 1)}>
          {msg('clip_read_again')}
        </button>
      </p>
    </>
  ) : (
    <p class="shell">{msg('clip_reading')}</p>
  );
}

render(<SidePanel />, document.getElementById('root')!);
