import { useEffect, useMemo, useState } from 'preact/hooks';
import { DIALOGUE_PARTS } from '../../../../shared/dialogue';
import { t } from '../../../../shared/i18n';
import { type Dialogue, getDialogue, writeDialogue } from '../api';
import { PART_HINT, PART_TEXT } from '../components/dialogue-parts';
import { NoteComposer } from '../components/note-composer';
import { type Notice, NoticeLine } from '../components/notice-line';
import { href } from '../router';
import { formatDate, formatInstantDay, viewerZone, visitTime } from '../time';

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
      {t('dialogue.title')}
    </h1>
  );
  const back = (
    <p class="no-print">
      <a href={href({ name: 'visits' })}>{t('dialogue.back.visits')}</a> ·{' '}
      <a href={href({ name: 'doors' })}>{t('dialogue.back.doors')}</a>
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
          <p role="status">{t('common.loading')}</p>
        )}
      </section>
    );

  const time = visitTime({ startsAt: thread.startsAt, endsAt: thread.endsAt, timeZone: zone }, zone);
  return (
    <section aria-labelledby="view-title">
      {back}
      {title}
      <section class="card" aria-labelledby="dialogue-visit-h">
        <h2 id="dialogue-visit-h">{thread.strategyTitle ?? t('dialogue.a-visit')}</h2>
        <p class="when">
          {formatInstantDay(thread.startsAt, zone)} · {time.yours} ·{' '}
          {thread.role === 'host'
            ? t('dialogue.room.yours')
            : t('dialogue.room.host', { host: thread.host.name })}
        </p>
        <p class="hint">
          {thread.role === 'host'
            ? t('dialogue.private.host', { date: formatDate(thread.expiresOn) })
            : t('dialogue.private.visitor', { host: thread.host.name, date: formatDate(thread.expiresOn) })}
        </p>
      </section>
      <NoticeLine notice={notice} />
      <section aria-labelledby="thread-h">
        <h2 id="thread-h">{t('dialogue.thread')}</h2>
        {thread.entries.length === 0 ? (
          <p class="card">{thread.open ? t('dialogue.empty') : t('dialogue.not-open')}</p>
        ) : (
          <ol class="notes dialogue">
            {thread.entries.map((e) => (
              <li class="note" key={e.id}>
                <p class="prompt">
                  {t(PART_TEXT[e.part])} · <span>{e.mine ? t('dialogue.you') : e.author.name}</span>
                </p>
                <p class="note-text">{e.text}</p>
              </li>
            ))}
          </ol>
        )}
      </section>
      {thread.canWrite.length > 0 && (
        <section class="card" aria-labelledby="write-h">
          <h2 id="write-h">
            {thread.role === 'host' ? t('dialogue.write.host') : t('dialogue.write.visitor')}
          </h2>
          {DIALOGUE_PARTS.filter((p) => thread.canWrite.includes(p)).map((part) => (
            <NoteComposer<Dialogue>
              key={part}
              id={`dialogue-${part}`}
              label={t(PART_TEXT[part])}
              hint={t(PART_HINT[part])}
              names={names}
              namesOnly={part !== 'noticed'}
              saveLabel={t('dialogue.save', { part: t(PART_TEXT[part]) })}
              onSave={(text, confirmFlags) => writeDialogue(token, doorId, { part, text, confirmFlags })}
              onSaved={(next) => {
                setThread(next);
                setNotice({
                  kind: 'notice',
                  text:
                    thread.role === 'host'
                      ? t('dialogue.saved.host')
                      : t('dialogue.saved.visitor', { host: thread.host.name }),
                });
              }}
            />
          ))}
        </section>
      )}
    </section>
  );
}
