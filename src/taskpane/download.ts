/**
 * Hands bytes to the user as a file: a Blob URL on a temporary link with `download`. Blob URLs
 * are same-origin and fetch nothing, so the pane's Content-Security-Policy (connect-src
 * 'self') holds; the URL is revoked once the browser has taken the file.
 */
export function saveBytes(doc: Document, bytes: Uint8Array, name: string, mime: string): void {
  const view = doc.defaultView;
  if (!view) return;
  // A copy in a fresh ArrayBuffer: a Uint8Array may be a view on a larger (or shared) buffer.
  const blob = new Blob([bytes.slice()], { type: mime });
  const url = view.URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.hidden = true;
  doc.body.appendChild(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), 60_000);
}
