import { describe, expect, it } from 'vitest';
import {
  newRoomNoteKeyPair,
  openSealedNote,
  type RoomNoteKey,
  SealedNoteSchema,
  sealNote,
} from '../../../shared/sealed-note';

const NOTE = { visitId: 'visit-1', prompt: 'students' as const, text: 'Partners read the stem aloud.' };
const CLIENT_ID = '5b0c1d2e-1111-4222-8333-444455556666';

async function sessionKeys() {
  const pair = await newRoomNoteKeyPair();
  const key: RoomNoteKey = { kid: 'kid-of-this-session-1', publicKey: pair.publicKey };
  return { key, privateKey: pair.privateKey };
}

describe('sealing a note on the phone for its room session', () => {
  it('when the server opens a seal with the session key, then it reads the note as it was written', async () => {
    const { key, privateKey } = await sessionKeys();
    const sealed = await sealNote(key, CLIENT_ID, NOTE);
    expect(SealedNoteSchema.parse(sealed)).toEqual(sealed);
    expect(await openSealedNote(privateKey, key.kid, CLIENT_ID, sealed)).toEqual(NOTE);
  });

  it('when a note is sealed, then nothing of its text is in what the phone stores, and two seals of it differ', async () => {
    const { key } = await sessionKeys();
    const one = await sealNote(key, CLIENT_ID, NOTE);
    const two = await sealNote(key, CLIENT_ID, NOTE);
    const stored = JSON.stringify(one);
    expect(stored).not.toContain('Partners');
    expect(stored).not.toContain('visit-1');
    expect(stored).not.toContain('students');
    expect(atob(one.data.replace(/-/g, '+').replace(/_/g, '/'))).not.toContain('Partners');
    // A fresh one-time key and nonce each time.
    expect(two.epk).not.toEqual(one.epk);
    expect(two.iv).not.toBe(one.iv);
    expect(two.data).not.toBe(one.data);
  });

  it('when another session key, another client id, another key id or a changed byte is used, then the seal does not open', async () => {
    const { key, privateKey } = await sessionKeys();
    const other = await sessionKeys();
    const sealed = await sealNote(key, CLIENT_ID, NOTE);
    await expect(openSealedNote(other.privateKey, key.kid, CLIENT_ID, sealed)).rejects.toThrow();
    await expect(
      openSealedNote(privateKey, key.kid, '00000000-1111-4222-8333-444455556666', sealed),
    ).rejects.toThrow();
    await expect(openSealedNote(privateKey, 'another-key-id-0001', CLIENT_ID, sealed)).rejects.toThrow();
    await expect(
      openSealedNote(privateKey, key.kid, CLIENT_ID, { ...sealed, kid: 'another-key-id-0001' }),
    ).rejects.toThrow();
    const last = sealed.data.at(-2) === 'A' ? 'B' : 'A';
    const changed = { ...sealed, data: `${sealed.data.slice(0, -2)}${last}${sealed.data.at(-1)}` };
    await expect(openSealedNote(privateKey, key.kid, CLIENT_ID, changed)).rejects.toThrow();
  });

  it('when the phone holds only the public key, then it cannot open what it sealed', async () => {
    const { key } = await sessionKeys();
    const sealed = await sealNote(key, CLIENT_ID, NOTE);
    // The public JWK has no private part to derive the shared secret with.
    await expect(
      openSealedNote({ ...key.publicKey, ext: true }, key.kid, CLIENT_ID, sealed),
    ).rejects.toThrow();
  });
});
