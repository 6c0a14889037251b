/**
 * Titles and messages start like sentences, even when they open with a token
 * label ("access token …"); a host name or URL at the start stays as it is.
 */
export function capitalize(text: string): string {
  const firstWord = text.split(' ', 1)[0] ?? '';
  if (text.length === 0 || /[.:/]/.test(firstWord)) return text;
  return text[0]!.toUpperCase() + text.slice(1);
}
