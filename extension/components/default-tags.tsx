import { useEffect, useState } from 'preact/hooks';
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
          setMessage(
            saved.defaultTags.length
              ? 'Saved: new clips start with these tags.'
              : 'Saved: new clips start without tags.',
          );
        } catch (error) {
          setMessage(`Not saved: ${(error as Error).message}`);
        }
      }}
    >
      <h2>Default tags</h2>
      <div class="field">
        <label for="default-tags">Tags for every new clip</label>
        <p class="hint" id="default-tags-hint">
          Separated by commas, at most 10, e.g. science, grade 7.
        </p>
        <input
          id="default-tags"
          aria-describedby="default-tags-hint"
          value={tags}
          onInput={(e) => setTags((e.target as HTMLInputElement).value)}
        />
      </div>
      <button type="submit" class="secondary">
        Save tags
      </button>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </form>
  );
}
