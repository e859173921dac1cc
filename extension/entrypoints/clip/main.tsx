import { render } from 'preact';
import { type ClipDraft, readDraft } from '../../lib/capture';
import { takeDraft } from '../../lib/drafts';
import { send } from '../../lib/messaging';
import { readablePage } from '../../lib/readable';
import { ClipApp } from './clip-app';
import '../../components/styles.css';

/** The draft comes from the background (?draft=id) or, for links and tests, straight from the query string. */
async function loadDraft(): Promise<ClipDraft & { excerptHtml?: string }> {
  const id = new URLSearchParams(window.location.search).get('draft');
  if (!id) return readDraft(window.location.search);
  const stored = await takeDraft(id);
  if (!stored) return readDraft('');
  const { html, ...draft } = stored;
  if (!html) return draft;
  const page = readablePage(html, draft.pageUrl);
  return page
    ? { ...draft, text: page.text.slice(0, 5000), trimmed: page.text.length > 5000, excerptHtml: page.html }
    : draft;
}

loadDraft().then((draft) =>
  render(
    <ClipApp draft={draft} save={(clip) => send({ type: 'clip/save', clip })} />,
    document.getElementById('root')!,
  ),
);
