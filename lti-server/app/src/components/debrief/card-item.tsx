import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../../../shared/i18n';
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
  /** A choice's name, marked when the card is there now. */
  const now = (id: string, name: string) => (current === id ? t('debrief.card.now', { name }) : name);

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
      {card.mine && <p class="hint">{t('debrief.card.yours')}</p>}
      {editable && (
        <div class="move">
          <label for={selectId}>{t('debrief.card.move-to')}</label>
          <select
            id={selectId}
            value={choice}
            aria-describedby={textId}
            onChange={(e) => setChoice((e.target as HTMLSelectElement).value)}
          >
            <option value="">{now('', t('debrief.not-grouped'))}</option>
            {patterns.map((p) => (
              <option key={p.id} value={p.id}>
                {now(p.id, p.name)}
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
            {t('debrief.card.move')}
          </button>
        </div>
      )}
      {canWithdraw && (
        <div class="actions">
          <ConfirmAction
            label={t(card.mine ? 'debrief.card.withdraw-mine' : 'debrief.card.withdraw')}
            describedBy={textId}
            question={t(card.mine ? 'debrief.card.withdraw-mine.question' : 'debrief.card.withdraw.question')}
            confirmLabel={t('debrief.card.withdraw.confirm')}
            cancelLabel={t('common.keep')}
            onConfirm={onWithdraw}
          />
        </div>
      )}
    </li>
  );
}
