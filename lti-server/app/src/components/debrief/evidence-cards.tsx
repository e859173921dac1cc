import { useRef, useState } from 'preact/hooks';
import { t } from '../../../../../shared/i18n';
import type { ApiResult, Debrief } from '../../api';
import { CardItem } from './card-item';
import { PatternForm } from './pattern-form';
import type { Card } from './phases';

/**
 * All the cards: a plain list until there are patterns; then one column per pattern (and "Not grouped"). In the
 * analysis phase the facilitator moves cards by dragging them onto a column or with each card's "Move to pattern…".
 */
export function EvidenceCards({
  debrief,
  editable,
  onMove,
  onWithdraw,
  onAddPattern,
}: {
  debrief: Debrief;
  editable: boolean;
  onMove: (cardId: string, patternId: string | null, byKeyboard: boolean) => Promise<void>;
  onWithdraw: (card: Card) => Promise<void>;
  onAddPattern: (name: string) => Promise<ApiResult<Debrief>>;
}) {
  const dragged = useRef<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const { cards, patterns } = debrief;
  const done = debrief.phase === 'done';
  const sorting = debrief.phase === 'description' || debrief.phase === 'analysis';
  const grouped = editable || patterns.length > 0;

  const item = (card: Card) => (
    <CardItem
      key={card.id}
      card={card}
      patterns={patterns}
      editable={editable}
      // Writers until the end; the facilitator tidies others' cards (duplicates) while the group sorts them.
      canWithdraw={!done && (card.mine || (debrief.facilitator && sorting))}
      dragging={dragging === card.id}
      onDragStart={(e) => {
        dragged.current = card.id;
        setDragging(card.id);
        if (e.dataTransfer) {
          e.dataTransfer.setData('text/plain', card.id);
          e.dataTransfer.effectAllowed = 'move';
        }
      }}
      onDragEnd={() => {
        dragged.current = null;
        setDragging(null);
        setOver(null);
      }}
      onMove={(patternId) => onMove(card.id, patternId, true)}
      onWithdraw={() => onWithdraw(card)}
    />
  );

  const zone = (key: string, patternId: string | null, title: string, inside: Card[]) => {
    const headingId = `zone-${key}-h`;
    const dropProps = editable
      ? {
          onDragOver: (e: DragEvent) => {
            e.preventDefault();
            if (e.dataTransfer) e.dataTransfer.dropEffect = 'move';
            if (over !== key) setOver(key);
          },
          onDragLeave: (e: DragEvent) => {
            const to = e.relatedTarget as Node | null;
            if (!to || !(e.currentTarget as Node).contains(to)) setOver(null);
          },
          onDrop: (e: DragEvent) => {
            e.preventDefault();
            const id = e.dataTransfer?.getData('text/plain') || dragged.current;
            dragged.current = null;
            setDragging(null);
            setOver(null);
            if (id) onMove(id, patternId, false);
          },
        }
      : {};
    return (
      <section
        key={key}
        class={`zone${editable ? ' editable' : ''}${over === key ? ' over' : ''}`}
        aria-labelledby={headingId}
        data-zone={key}
        {...dropProps}
      >
        <h3 id={headingId}>{title}</h3>
        <p class="hint">{t('debrief.cards.count', { count: inside.length })}</p>
        {over === key && (
          <p class="drop-hint" aria-hidden="true">
            {t('debrief.cards.drop')}
          </p>
        )}
        {inside.length > 0 && <ul class="debrief-cards">{inside.map(item)}</ul>}
      </section>
    );
  };

  const loose = cards.filter((c) => c.patternId === null || !patterns.some((p) => p.id === c.patternId));

  return (
    <section aria-labelledby="cards-h">
      <h2 id="cards-h">{t('debrief.cards')}</h2>
      <p class="hint">{t('debrief.cards.hint', { count: cards.length })}</p>
      {cards.length === 0 && <p class="card">{t(done ? 'debrief.cards.none.done' : 'debrief.cards.none')}</p>}
      {editable && (
        <>
          <p class="hint">{t('debrief.cards.how')}</p>
          <PatternForm onAdd={onAddPattern} />
        </>
      )}
      {!grouped && cards.length > 0 && <ul class="debrief-cards">{cards.map(item)}</ul>}
      {grouped && (
        <div class="columns">
          {(editable || loose.length > 0) && zone('none', null, t('debrief.not-grouped'), loose)}
          {patterns.map((p) =>
            zone(
              p.id,
              p.id,
              p.name,
              cards.filter((c) => c.patternId === p.id),
            ),
          )}
        </div>
      )}
    </section>
  );
}
