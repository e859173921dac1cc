/**
 * A one-time message carried across a hash navigation (e.g. "Your door is open" after the form sends you to the
 * week view). The next view takes it once; a reload forgets it.
 */
let pending: string | null = null;

export function setFlash(message: string): void {
  pending = message;
}

export function takeFlash(): string {
  const message = pending ?? '';
  pending = null;
  return message;
}
