import { useEffect, useState } from 'preact/hooks';
import { dismissHostNotice, type HostNotice, listHostNotices } from '../api';
import { href } from '../router';

/**
 * What a host is told about their room: its visits fed the school picture of a finished round. Never how, never
 * which notes; dismissed once read. Shows nothing when there is nothing to tell.
 */
export function HostNotices({ token }: { token: string }) {
  const [notices, setNotices] = useState<HostNotice[]>([]);
  const [status, setStatus] = useState('');
  useEffect(() => {
    let live = true;
    listHostNotices(token).then((r) => live && r.ok && setNotices(r.data.items));
    return () => {
      live = false;
    };
  }, [token]);
  async function dismiss(n: HostNotice) {
    const r = await dismissHostNotice(token, n.id);
    if (!r.ok) return setStatus(r.message);
    setNotices((list) => list.filter((x) => x.id !== n.id));
    setStatus('Dismissed.');
    document.getElementById('view-title')?.focus();
  }
  if (notices.length === 0) return status ? <p role="status">{status}</p> : null;
  return (
    <section class="card notice" aria-labelledby="host-notices-h">
      <h2 id="host-notices-h">Your room in the school picture</h2>
      <ul>
        {notices.map((n) => (
          <li key={n.id}>
            Visits to your room fed the school picture of round “{n.round.title}”.{' '}
            <a href={href({ name: 'picture' })}>See the picture</a>{' '}
            <button type="button" class="secondary" onClick={() => dismiss(n)}>
              Dismiss<span class="sr-only"> the notice about {n.round.title}</span>
            </button>
          </li>
        ))}
      </ul>
      <p role="status">{status}</p>
    </section>
  );
}
