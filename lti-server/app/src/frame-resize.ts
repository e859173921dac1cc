/** Asks the LMS (Canvas supports `lti.frameResize`) to size the iframe to the app's content. */
export function requestFrameResize(doc: Document = document, win: Window = window): void {
  if (win.parent === win) return;
  const height = Math.ceil(doc.documentElement.scrollHeight);
  win.parent.postMessage({ subject: 'lti.frameResize', height }, '*');
}
