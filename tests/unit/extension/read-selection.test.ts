import { describe, expect, it } from 'vitest';
import { readSelection } from '../../../extension/lib/read-selection';

describe('reading the selection in the page', () => {
  it('when steps under a heading are selected, then the text and the nearest heading above come back', () => {
    document.body.innerHTML = `<h2>Think–Pair–Share</h2><p>Intro</p><h3>Steps</h3><ol><li id="a">Think alone</li><li>Pair up</li></ol>`;
    const li = document.getElementById('a')!;
    const range = document.createRange();
    range.selectNodeContents(li);
    const sel = window.getSelection()!;
    sel.removeAllRanges();
    sel.addRange(range);
    expect(readSelection()).toEqual({ text: 'Think alone', heading: 'Steps', html: '' });
  });

  it('when nothing is selected, then the page itself comes back for Readability', () => {
    window.getSelection()!.removeAllRanges();
    const reading = readSelection();
    expect(reading).toMatchObject({ text: '', heading: '' });
    expect(reading.html).toContain('<li id="a">Think alone</li>');
  });
});
