import type { Note } from '../../../shared/notes';
import type { Strategy, StrategyCard } from '../../../shared/strategy';
import type { Door, DoorCard, Visit } from '../../../shared/visits';
import type { DoorView } from '../domain/doors';
import type { NoteDetail } from '../domain/notes';
import type { StrategyCardView, StrategyView } from '../domain/strategies';
import type { VisitView } from '../domain/visits';

/** What a strategy's badge says: merged, sent back for changes, or its status. */
function displayStatusOf(row: StrategyCardView): Strategy['displayStatus'] {
  if (row.mergedIntoId) return 'merged';
  return row.status === 'pending' && row.changeRequestedAt ? 'needs-changes' : row.status;
}

/** Shapes a strategy for a list's card (`?view=card`): what StrategyCard shows. */
export function presentStrategyCard(row: StrategyCardView): StrategyCard {
  return {
    id: row.id,
    title: row.title,
    purpose: row.purpose,
    minutes: row.minutes,
    subject: row.subject,
    gradeBand: row.gradeBand,
    tags: row.tags,
    status: row.status,
    displayStatus: displayStatusOf(row),
  };
}

/** Shapes a strategy for the API: its card's fields and the rest, no internal keys. */
export function presentStrategy({ row, contributors }: StrategyView): Strategy {
  return {
    ...presentStrategyCard(row),
    steps: row.steps,
    source: row.sourceUrl ? { url: row.sourceUrl, title: row.sourceTitle } : null,
    excerptHtml: row.excerptHtml,
    contributors,
    changeRequest:
      row.changeMessage && row.changeRequestedAt
        ? { message: row.changeMessage, at: row.changeRequestedAt }
        : null,
    mergedInto: row.mergedIntoId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** `left`: the name said for someone no longer in the school, in the asker's language (someoneWhoLeft). */
export function presentDoor({ row, myVisit, visitors }: DoorView, left: string): Door {
  return {
    id: row.id,
    strategy: row.strategyId && row.strategyTitle ? { id: row.strategyId, title: row.strategyTitle } : null,
    host: { id: row.hostId, name: row.hostName },
    roundId: row.roundId,
    plannedBy: row.planner && { id: row.planner.id, name: row.planner.name ?? left },
    seriesId: row.seriesId,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    minutes: row.minutes,
    timeZone: row.timeZone,
    location: row.location,
    capacity: row.capacity,
    booked: row.booked,
    seatsLeft: row.status === 'open' ? Math.max(0, row.capacity - row.booked) : 0,
    visitorNote: row.visitorNote,
    lookFor: row.lookFor,
    status: row.status,
    mine: visitors !== null,
    myVisit,
    visitors,
  };
}

/** A door in a list: what its card shows (see DoorCardSchema). */
export function presentDoorCard(view: DoorView, left: string): DoorCard {
  const { seriesId: _series, minutes: _minutes, ...card } = presentDoor(view, left);
  return card;
}

export function presentVisit({ row, door }: VisitView, left: string): Visit {
  return {
    id: row.id,
    status: row.status,
    cancelledBy: row.cancelledBy,
    thanks: row.thanksMessage && row.thankedAt ? { message: row.thanksMessage, at: row.thankedAt } : null,
    door: presentDoor(door, left),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** A note as its host or writer sees it; the writer's name is shown only to those two. */
export function presentNote(note: NoteDetail, readerId: string): Note {
  return {
    id: note.id,
    visitId: note.visitId,
    prompt: note.prompt,
    text: note.text,
    visit: {
      startsAt: note.startsAt,
      strategyTitle: note.strategyTitle,
      roundId: note.roundId,
      roundTitle: note.roundTitle,
    },
    writer: { id: note.writerId, name: note.writerName },
    useful: note.useful,
    mine: note.writerId === readerId,
    aboutMe: note.hostId === readerId,
    expiresAt: note.expiresAt,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
  };
}
