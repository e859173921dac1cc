import type { ComponentChildren } from 'preact';
import { markedParts } from '../../../../shared/i18n/marks';

/**
 * A translated sentence with links or emphasis inside, without gluing pieces of sentences together: the message
 * marks the parts, `When … appear in <visits>My visits</visits>.`, and `parts` renders each marked text
 * (`visits: (text) => <a href=…>{text}</a>`). Each language orders its sentence its own way. A mark without a
 * renderer is shown as its plain text.
 */
export function Trans({
  text,
  parts,
}: {
  text: string;
  parts: Record<string, (inner: string) => ComponentChildren>;
}) {
  return <>{markedParts(text).map((p) => (p.mark && parts[p.mark] ? parts[p.mark]!(p.text) : p.text))}</>;
}
