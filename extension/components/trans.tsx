import type { ComponentChildren } from 'preact';
import { markedParts } from '../../shared/i18n/marks';

/** A translated sentence with marked parts (`<strong>…</strong>`), each rendered by `parts` (see shared/i18n/marks.ts). */
export function Trans({
  text,
  parts,
}: {
  text: string;
  parts: Record<string, (inner: string) => ComponentChildren>;
}) {
  return <>{markedParts(text).map((p) => (p.mark && parts[p.mark] ? parts[p.mark]!(p.text) : p.text))}</>;
}
