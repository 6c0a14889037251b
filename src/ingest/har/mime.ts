/** Which bodies are text worth keeping as a string (and scanning for tokens and errors). */
export function isTextualMime(mimeType: string): boolean {
  const m = (mimeType.split(';')[0] ?? '').trim().toLowerCase();
  if (m === '') return false;
  return (
    m.startsWith('text/') ||
    m.endsWith('/json') ||
    m.endsWith('+json') ||
    m.endsWith('/xml') ||
    m.endsWith('+xml') ||
    m.includes('javascript') ||
    m.includes('ecmascript') ||
    m === 'application/x-www-form-urlencoded' ||
    m === 'application/jwt' ||
    m === 'application/jose' ||
    m === 'application/x-ndjson' ||
    m === 'application/graphql'
  );
}
