/** The text of an entry that filters look at, read only from memory (never from disk). */
import type { BodyRef, Entry, Header } from '../../model/index.js';
import { splitUrl } from '../model/url-parts.js';

export function headerLines(headers: readonly Header[]): string {
  let out = '';
  for (const h of headers) out += `${h.name}: ${h.value}\n`;
  return out;
}

/**
 * Body text available without I/O: the decoded text when ingest kept it,
 * otherwise the fragments (tokens, error codes) it noted while streaming a
 * large body. A body that is only on disk matches nothing.
 */
export function bodyText(body: BodyRef | undefined): string {
  if (!body) return '';
  if (body.text !== undefined) return body.text;
  return body.fragments ? body.fragments.join('\n') : '';
}

export function hostOf(entry: Entry): string {
  return splitUrl(entry.request.url).host;
}

export function contentTypes(entry: Entry): string[] {
  const out: string[] = [];
  if (entry.request.body?.mimeType) out.push(entry.request.body.mimeType);
  if (entry.response.body?.mimeType) out.push(entry.response.body.mimeType);
  for (const h of [...entry.request.headers, ...entry.response.headers]) {
    if (h.name.toLowerCase() === 'content-type') out.push(h.value);
  }
  return out;
}

/** Where a server may have written an error code: response body, redirect target, the URL itself. */
export function errorText(entry: Entry): string {
  const parts = [entry.request.url, bodyText(entry.response.body), entry.response.redirectURL ?? ''];
  for (const h of entry.response.headers) {
    const name = h.name.toLowerCase();
    if (name === 'location' || name === 'www-authenticate') parts.push(h.value);
  }
  return parts.join('\n');
}
