/** Host and path of a URL without the cost (or the exceptions) of `new URL` on every row. */

export interface UrlParts {
  host: string;
  /** Path, query and fragment: everything after the host. */
  path: string;
}

const URL_SHAPE = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)(.*)$/is;

export function splitUrl(url: string): UrlParts {
  const m = URL_SHAPE.exec(url);
  if (!m) return { host: '', path: url };
  const authority = m[1] ?? '';
  // Userinfo ("user:password@host") is a credential: never part of the host shown.
  const at = authority.lastIndexOf('@');
  return { host: at >= 0 ? authority.slice(at + 1) : authority, path: m[2] || '/' };
}

const GUID = /\b([0-9a-f]{4})[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;

/** Tenant and client GUIDs say little in a narrow column: keep their first 4 digits ("8c1e…"). */
export function abbreviateGuids(text: string): string {
  return text.replace(GUID, '$1…');
}
