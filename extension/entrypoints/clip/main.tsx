import { render } from 'preact';
import { readDraft } from '../../lib/capture';
import { takeDraft } from '../../lib/drafts';
import { send } from '../../lib/messaging';
import { formDraft } from '../../lib/readable';
import { ClipApp } from './clip-app';
import '../../components/styles.css';

/** The draft comes from the background (?draft=id) or, for links and tests, straight from the query string. */
async function loadDraft() {
  const id = new URLSearchParams(window.location.search).get('draft');
  if (!id) return formDraft(readDraft(window.location.search));
  const stored = await takeDraft(id);
  return formDraft(stored ?? readDraft(''));
}

Promise.all([
  loadDraft(),
  send({ type: 'settings/get' }).catch(() => ({ defaultTags: [] as string[] })),
]).then(([draft, settings]) =>
  render(
    <ClipApp
      draft={draft}
      defaultTags={settings.defaultTags}
      save={(clip) => send({ type: 'clip/save', clip })}
    />,
    document.getElementById('root')!,
  ),
);
