import { useEffect, useMemo, useState } from 'preact/hooks';
import { DIALOGUE_PARTS, PART_TEXT } from '../../../../shared/dialogue';
import { type Dialogue, type DialoguePart, getDialogue, writeDialogue } from '../api';
import { NoteComposer } from '../components/note-composer';
import { type Notice, NoticeLine } from '../components/notice-line';
import { href } from '../router';
import { formatInstantDay, viewerZone, visitTime } from '../time';

const PART_HINT: Record<DialoguePart, string> = {
  noticed:
    'Evidence, like a note: what students or the teacher said or did. Names, judgments and guesses are pointed out as you type.',
  wondering: 'A genuine question for the host, about the lesson, not a suggestion in disguise. No names.',
  reply:
    'Answer what your visitors noticed and wondered: what was behind it, what you saw from the front. No names.',
  next_step: 'One thing you will try in a coming lesson. No names.',
};

/**
 * The reflective dialogue after a visit: the visitors' "what I noticed / what I'm wondering", the host's reply and
 * "what I'll try next". Private to the host and the visitors who were there; each part is written once.
 */
export function DialogueView({
  token,
  doorId,
  myName,
  zone = viewerZone(),
}: {
  token: string;
  doorId: string;
  myName: string;
  zone?: string;
}) {
  const [thread, setThread] = useState<Dialogue | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    getDialogue(token, doorId).then((r) => (r.ok ? setThread(r.data) : setError(r.message)));
  }, [token, doorId]);

  // The names the writer can see here; the server checks against the whole staff again.
  const names = useMemo(
    () =>
      [
        ...new Set([myName, thread?.host.name ?? '', ...(thread?.entries ?? []).map((e) => e.author.name)]),
      ].filter(Boolean),
    [thread, myName],
  );

  const title = (
    <h1 id="view-title" tabIndex={-1}>
      Reflective dialogue
    </h1>
  );
  const back = (
    <p class="no-print">
      <a href={href({ name: 'visits' })}>← My visits</a> · <a href={href({ name: 'doors' })}>Open doors</a>
    </p>
  );
  if (!thread)
    return (
      <section aria-labelledby="view-title">
        {back}
        {title}
        {error ? (
          <p class="card" role="alert">
            {error}
          </p>
        ) : (
          <p role="status">Loading…</p>
        )}
      </section>
    );

  const time = visitTime({ startsAt: thread.startsAt, endsAt: thread.endsAt, timeZone: zone }, zone);
  const others = thread.role === 'host' ? 'your visitors' : thread.host.name;
  return (
    <section aria-labelledby="view-title">
      {back}
      {title}
      <section class="card" aria-labelledby="dialogue-visit-h">
        <h2 id="dialogue-visit-h">{thread.strategyTitle ?? 'A visit'}</h2>
        <p class="when">
          {formatInstantDay(thread.startsAt, zone)} · {time.yours} ·{' '}
          {thread.role === 'host' ? 'in your room' : `in ${thread.host.name}’s room`}
        </p>
        <p class="hint">
          Only{' '}
          {thread.role === 'host'
            ? 'you and the visitors who were there'
            : `${thread.host.name}, the other visitors and you`}{' '}
          read this: not coaches, not other colleagues, and never the school picture. It is deleted with the
          school’s notes on {thread.expiresOn}. Each part is written once, like a conversation.
        </p>
      </section>
      <NoticeLine notice={notice} />
      <section aria-labelledby="thread-h">
        <h2 id="thread-h">The conversation</h2>
        {thread.entries.length === 0 ? (
          <p class="card">
            {thread.open ? 'Nothing written yet.' : 'The dialogue opens once the visit has ended.'}
          </p>
        ) : (
          <ol class="notes dialogue">
            {thread.entries.map((e) => (
              <li class="note" key={e.id}>
                <p class="prompt">
                  {PART_TEXT[e.part]} · <span>{e.mine ? 'you' : e.author.name}</span>
                </p>
                <p class="note-text">{e.text}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {thread.canWrite.length > 0 && (
        <section class="card" aria-labelledby="write-h">
          <h2 id="write-h">{thread.role === 'host' ? 'Your reply' : 'Your part'}</h2>
          {DIALOGUE_PARTS.filter((p) => thread.canWrite.includes(p)).map((part) => (
            <NoteComposer<Dialogue>
              key={part}
              id={`dialogue-${part}`}
              label={PART_TEXT[part]}
              hint={PART_HINT[part]}
              names={names}
              namesOnly={part !== 'noticed'}
              saveLabel={`Save “${PART_TEXT[part]}”`}
              onSave={(text, confirmFlags) => writeDialogue(token, doorId, { part, text, confirmFlags })}
              onSaved={(next) => {
                setThread(next);
                setNotice({
                  kind: 'notice',
                  text: `Saved. ${others === 'your visitors' ? 'Your visitors' : others} can read it now.`,
                });
              }}
            />
          ))}
        </section>
      )}
    </section>
  );
}
