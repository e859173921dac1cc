import type { Note } from '../../../../shared/notes';
import type { RoomNoteSend } from '../../../../shared/sealed-note';
import type { ApiResult } from '../api';
import type { RoomOutbox } from './room-outbox';

export interface SendReport {
  /** The notes the server now has, as it answered (a resend answers the note it stored the first time). */
  sent: Note[];
  /** Refused for good: kept on the phone with the reason, not sent again. */
  failed: number;
  /** Why sending stopped with notes left (offline, server down, signed out); undefined when nothing is left. */
  stopped?: { code: string; message: string };
}

/** Answers that may pass: the connection, the server's load, a database outage. Everything else is final. */
const RETRY = new Set(['NETWORK', 'RATE_LIMITED', 'DATABASE_UNAVAILABLE', 'INTERNAL']);

/**
 * Sends the phone's pending notes, oldest first, one at a time, each with its client id: if an answer is lost and the
 * note is sent again, the server returns the note it already stored, so every note reaches the server exactly once.
 * A note is removed from the phone only once the server answered that it has it. A final refusal (the visit was
 * canceled, a name the server knows) marks that note failed with the reason and goes on; a passing problem or an
 * ended session (UNAUTHENTICATED) stops and keeps everything.
 */
export async function sendPending(
  outbox: RoomOutbox,
  send: (body: RoomNoteSend) => Promise<ApiResult<Note>>,
): Promise<SendReport> {
  const report: SendReport = { sent: [], failed: 0 };
  for (const note of await outbox.list()) {
    if (note.status !== 'pending') continue;
    const answer = await send({ clientId: note.clientId, sealed: note.sealed });
    if (answer.ok) {
      await outbox.remove(note.clientId);
      report.sent.push(answer.data);
    } else if (RETRY.has(answer.code) || answer.code === 'UNAUTHENTICATED') {
      report.stopped = { code: answer.code, message: answer.message };
      break;
    } else {
      await outbox.markFailed(note.clientId, answer.message);
      report.failed++;
    }
  }
  return report;
}
