import { useEffect, useState } from 'preact/hooks';
import { ConfirmAction } from '../confirm';
import type { Card, Pattern } from './phases';

/** One evidence card: its words, "Move to pattern…" for the facilitator in analysis, and "Take … out". */
export function CardItem({
  card,
  patterns,
  editable,
  canWithdraw,
  dragging,
  onDragStart,
  onDragEnd,
  onMove,
  onWithdraw,
}: {
  card: Card;
  patterns: Pattern[];
  editable: boolean;
  canWithdraw: boolean;
  dragging: boolean;
  onDragStart: (e: DragEvent) => void;
  onDragEnd: () => void;
  onMove: (patternId: string | null) => Promise<void>;
  onWithdraw: () => Promise<void>;
}) {
  const current = card.patternId ?? '';
  const [choice, setChoice] = useState(current);
  const [busy, setBusy] = useState(false);
  const textId = `card-${card.id}-text`;
  const selectId = `move-${card.id}`;
  useEffect(() => setChoice(current), [current]);

  return (
    <li
      class={`debrief-card${dragging ? ' dragging' : ''}`}
      draggable={editable}
      onDragStart={editable ? onDragStart : undefined}
      onDragEnd={editable ? onDragEnd : undefined}
      data-card={card.id}
    >
      <p class="card-text" id={textId}>
        {card.text}
      </p>
      {card.mine && <p class="hint">Your card</p>}
      {editable && (
        <div class="move">
          <label for={selectId}>Move to pattern…</label>
          <select
            id={selectId}
            value={choice}
            aria-describedby={textId}
            onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}
          >
            <option value="">Not grouped{current === '' ? ' (now)' : ''}</option>
            {patterns.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {current === p.id ? ' (now)' : ''}
              </option>
            ))}
          </select>
          <button
            type="button"
            class="secondary"
            aria-describedby={textId}
            disabled={busy || choice === current}
            onClick={async () => {
              setBusy(true);
              await onMove(choice === '' ? null : choice);
              setBusy(false);
            }}
          >
            Move
          </button>
        </div>
      )}
      {canWithdraw && (
        <div class="actions">
          <ConfirmAction
            label={card.mine ? 'Take my card out' : 'Take this card out'}
            describedBy={textId}
            question={
              card.mine
                ? 'Take your card out of the debrief? Your note itself stays as it is.'
                : 'Take this card out of the debrief? The note it came from stays with its writer.'
            }
            confirmLabel="Yes, take it out"
            cancelLabel="No, keep it"
            onConfirm={onWithdraw}
          />
        </div>
      )}
    </li>
  );
}
