import { t } from '../../../../../shared/i18n';
import type { Debrief, Note } from '../../api';
import { sameText } from './phases';

/** My notes from this round's visits, each with "Add to the debrief" until it is on the table as a card. */
export function MyNotes({
  debrief,
  notes,
  adding,
  onAdd,
}: {
  debrief: Debrief;
  notes: Note[];
  adding: string | null;
  onAdd: (note: Note) => void;
}) {
  const done = debrief.phase === 'done';
  return (
    <section class="card" aria-labelledby="my-notes-h">
      <h2 id="my-notes-h">{t('debrief.my-notes')}</h2>
      <p class="hint">{t(done ? 'debrief.my-notes.done' : 'debrief.my-notes.hint')}</p>
      <ul class="notes">
        {notes.map((n) => {
          const added = debrief.cards.some((c) => c.mine && sameText(c.text, n.text));
          const textId = `my-note-${n.id}-text`;
          return (
            <li class="note" key={n.id}>
              <p class="note-text" id={textId}>
                {n.text}
              </p>
              {added ? (
                <p class="added" id={`my-note-${n.id}-added`} tabIndex={-1}>
                  <span aria-hidden="true">✓ </span>
                  {t('debrief.my-notes.added')}
                </p>
              ) : (
                !done && (
                  <div class="actions">
                    <button
                      type="button"
                      class="secondary"
                      aria-describedby={textId}
                      disabled={adding !== null}
                      onClick={() => onAdd(n)}
                    >
                      {t(adding === n.id ? 'debrief.my-notes.adding' : 'debrief.my-notes.add')}
                    </button>
                  </div>
                )
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
