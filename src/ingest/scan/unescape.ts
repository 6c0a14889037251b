/**
 * A context cut out of JSON-escaped bytes, made readable: `\"` to `"`, `\n` to a
 * newline, `\u00e9` to é. Lenient: an escape cut off at either end stays as written.
 */
const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export function unescapeJsonText(raw: Buffer): string {
  const text = raw.toString('utf8');
  if (!text.includes('\\')) return text;
  return text.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (whole, e: string) => {
    if (e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
    return SIMPLE[e] ?? whole;
  });
}
