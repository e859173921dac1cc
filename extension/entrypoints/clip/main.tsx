import { render } from 'preact';
import { readDraft } from '../../lib/capture';
import { send } from '../../lib/messaging';
import { ClipApp } from './clip-app';
import '../../components/styles.css';

render(
  <ClipApp draft={readDraft(window.location.search)} save={(clip) => send({ type: 'clip/save', clip })} />,
  document.getElementById('root')!,
);
