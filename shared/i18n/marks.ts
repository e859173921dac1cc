/** A piece of a translated sentence: plain text, or text inside a mark such as `<strong>…</strong>`. */
export interface MarkedPart {
  mark?: string;
  text: string;
}

/**
 * Splits a message into plain text and marked parts (`Open <strong>Settings</strong> now` → three parts), so a link
 * or emphasis stays inside one translated sentence instead of being glued from pieces. Unclosed marks stay text.
 */
export function markedParts(message: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  const mark = /<(\w+)>(.*?)<\/\1>/gs;
  let at = 0;
  for (let m = mark.exec(message); m; m = mark.exec(message)) {
    if (m.index > at) parts.push({ text: message.slice(at, m.index) });
    parts.push({ mark: m[1]!, text: m[2]! });
    at = m.index + m[0].length;
  }
  if (at < message.length) parts.push({ text: message.slice(at) });
  return parts;
}
