import 'fake-indexeddb/auto';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoomNotes } from '../../../lti-server/app/src/room/room-notes';
import { RoomDb, type RoomOutbox, roomOutbox } from '../../../lti-server/app/src/room/room-outbox';
import { newRoomNoteKeyPair, type RoomNoteKey, sealNote } from '../../../shared/sealed-note';
import { expectNoAxeViolations } from './axe';
import { type Call, note, stubApi } from './fake-api';

const VISIT = 'v-offline';
const WAITING = 'Saved on this phone — will send when online';

/** A phone whose room page opened this visit once while online: its copy of the visit and its session's key. */
async function phone(): Promise<{ outbox: RoomOutbox; key: RoomNoteKey }> {
  const outbox = roomOutbox(new RoomDb(`room-ui-${crypto.randomUUID()}`));
  const key: RoomNoteKey = {
    kid: 'kid-of-the-ui-test-1',
    publicKey: (await newRoomNoteKeyPair()).publicKey,
  };
  await outbox.keepKey(key);
  await outbox.keepVisit({
    id: VISIT,
    title: 'Numbered heads together',
    status: 'booked',
    startsAt: new Date(Date.now() - 2 * 60_000).toISOString(),
    endsAt: new Date(Date.now() + 8 * 60_000).toISOString(),
    location: 'Room 21',
    lookFor: 'How each group checks that everyone can answer',
  });
  return { outbox, key };
}

/** No connection: every request fails as fetch does offline. */
function offline() {
  vi.stubGlobal('fetch', async () => {
    throw new TypeError('Failed to fetch');
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the room note mode without a connection', () => {
  it('when the page opens offline, then it says so and lists the notes still on the phone: waiting, and one the server refused with its reason', async () => {
    const { outbox, key } = await phone();
    for (const [clientId, status, error] of [
      [crypto.randomUUID(), 'pending', undefined],
      [crypto.randomUUID(), 'failed', 'This visit was canceled, so there is nothing to write about.'],
    ] as const) {
      const sealed = await sealNote(key, clientId, {
        visitId: VISIT,
        prompt: 'students',
        text: 'Groups stood up.',
      });
      await outbox.add({
        clientId,
        visitId: VISIT,
        createdAt: new Date().toISOString(),
        status,
        sealed,
        ...(error ? { error } : {}),
      });
    }
    offline();
    render(<RoomNotes token="t" visitId={VISIT} me={null} outbox={outbox} onSessionEnded={() => {}} />);
    await screen.findByRole('heading', { name: 'Numbered heads together' });
    await screen.findByText(/^You are offline\./);
    await screen.findByRole('heading', { name: 'Saved for this visit (2)' });
    // After a reload the phone cannot read what it sealed: it says so instead of showing the text.
    expect(screen.getAllByText(/A note sealed on this phone: only the server can open it/)).toHaveLength(2);
    expect(screen.getByText(WAITING)).toBeTruthy();
    expect(
      screen.getByText('Not sent: This visit was canceled, so there is nothing to write about.'),
    ).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('when a note is saved offline and the connection returns, then it is sent once with its client id and listed as sent', async () => {
    const { outbox } = await phone();
    offline();
    render(<RoomNotes token="t" visitId={VISIT} me={null} outbox={outbox} onSessionEnded={() => {}} />);
    const box = (await screen.findByLabelText(/Your note:/)) as HTMLTextAreaElement;
    const text = 'The teacher called a number and every group stood up.';
    fireEvent.input(box, { target: { value: text } });
    await screen.findByText('Nothing flagged: no names, judgments or guesses.');
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    await screen.findByText(`${WAITING}.`);
    expect(box.value).toBe('');
    await screen.findByRole('heading', { name: 'Saved for this visit (1)' });
    // Its text is shown from memory; on the phone it is only a seal.
    expect(screen.getByText(text, { exact: false })).toBeTruthy();
    const kept = await outbox.list(VISIT);
    expect(kept).toHaveLength(1);
    expect(JSON.stringify(kept)).not.toContain('every group');
    await expectNoAxeViolations();

    // Back online: the server stores it and answers the note.
    const calls: Call[] = stubApi((call) => {
      if (call.method === 'POST' && call.url.pathname === '/api/room/notes')
        return { status: 201, body: note({ id: 'n-sent', visitId: VISIT, text }) };
      if (call.url.pathname === '/api/notes') return { body: { items: [], expiresOn: '2027-06-30' } };
      return undefined;
    });
    window.dispatchEvent(new Event('online'));
    await screen.findByText('Sent');
    await waitFor(() => expect(screen.queryByText(/^You are offline\./)).toBeNull());
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ clientId: kept[0]?.clientId, sealed: kept[0]?.sealed });
    expect(await outbox.list()).toEqual([]);
    expect(screen.getByRole('heading', { name: 'Saved for this visit (1)' })).toBeTruthy();
    await expectNoAxeViolations();
  });
});
