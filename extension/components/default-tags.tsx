import { useEffect, useState } from 'preact/hooks';
import { msg } from '../lib/i18n';
import { send } from '../lib/messaging';

/** Tags every new clip starts with, e.g. a teacher's subject or grade team. */
export function DefaultTags() {
  const [tags, setTags] = useState('');
  const [message, setMessage] = useState('');

  useEffect(() => {
    send({ type: 'settings/get' }).then((s) => setTags(s.defaultTags.join(', ')));
  }, []);

  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          const list = tags
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean);
          const saved = await send({ type: 'settings/set-default-tags', tags: list });
          setTags(saved.defaultTags.join(', '));
          setMessage(msg(saved.defaultTags.length ? 'tags_saved' : 'tags_saved_none'));
        } catch (error) {
          setMessage(msg('tags_not_saved', { message: (error as Error).message }));
        }
      }}
    >
      <h2>{msg('tags_title')}</h2>
      <div class="field">
        <label for="default-tags">{msg('tags_label')}</label>
        <p class="hint" id="default-tags-hint">
          {msg('tags_hint')}
        </p>
        <input
          id="default-tags"
          aria-describedby="default-tags-hint"
          value={tags}
          onInput={(e) => setTags((e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="secondary">
        {msg('tags_save')}
      </button>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </form>
  );
}
