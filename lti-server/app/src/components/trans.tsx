import type { ComponentChildren } from 'preact';

/**
 * A translated sentence with links or emphasis inside, without gluing pieces of sentences together: the message
 * marks the parts, `When … appear in <visits>My visits</visits>.`, and `parts` renders each marked text
 * (`visits: (text) => <a href=…>{text}</a>`). Each language orders its sentence its own way. Unknown or unclosed
 * marks are shown as plain text.
 */
export function Trans({
  text,
  parts,
}: {
  text: string;
  parts: Record<string, (inner: string) => ComponentChildren>;
}) {
  const out: ComponentChildren[] = [];
  const mark = /<(\w+)>(.*?)<\/\1>/gs;
  let at = 0;
  for (let m = mark.exec(text); m; m = mark.exec(text)) {
    const render = parts[m[1]!];
    if (!render) continue;
    if (m.index > at) out.push(text.slice(at, m.index));
    out.push(render(m[2]!));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}
