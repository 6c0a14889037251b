/** Every `~` filter: name, what argument it takes, and its help line (shown by `?` and in docs). */

export type FilterArg =
  /** No argument. */
  | 'none'
  /** A case-insensitive regular expression. */
  | 'regex'
  /** A status code: 401, or a class like 4xx. */
  | 'status'
  /** Optional numeric code, taken only when the next word looks like one. */
  | 'code'
  /** A plain value compared case-insensitively. */
  | 'value'
  /** error | warning | info */
  | 'severity';

export interface FilterDefinition {
  name: string;
  arg: FilterArg;
  usage: string;
  help: string;
}

export const FILTERS: readonly FilterDefinition[] = [
  { name: 'u', arg: 'regex', usage: '~u regex', help: 'URL (also: a bare word)' },
  { name: 'm', arg: 'regex', usage: '~m regex', help: 'request method' },
  { name: 'c', arg: 'status', usage: '~c code', help: 'response status: 401, or a class: 4xx' },
  { name: 'h', arg: 'regex', usage: '~h regex', help: 'request or response header line "name: value"' },
  { name: 'hq', arg: 'regex', usage: '~hq regex', help: 'request header line' },
  { name: 'hs', arg: 'regex', usage: '~hs regex', help: 'response header line' },
  { name: 'b', arg: 'regex', usage: '~b regex', help: 'request or response body (text held in memory only)' },
  { name: 'bq', arg: 'regex', usage: '~bq regex', help: 'request body (text held in memory only)' },
  { name: 'bs', arg: 'regex', usage: '~bs regex', help: 'response body (text held in memory only)' },
  { name: 't', arg: 'regex', usage: '~t regex', help: 'content type of request or response' },
  { name: 'd', arg: 'regex', usage: '~d regex', help: 'domain (host)' },
  { name: 's', arg: 'none', usage: '~s', help: 'has a response' },
  { name: 'q', arg: 'none', usage: '~q', help: 'has no response' },
  { name: 'e', arg: 'none', usage: '~e', help: 'network error (blocked, aborted, failed)' },
  { name: 'all', arg: 'none', usage: '~all', help: 'every entry' },
  { name: 'jwt', arg: 'none', usage: '~jwt', help: 'a token was issued or sent here' },
  { name: 'err', arg: 'none', usage: '~err', help: 'any finding names this entry' },
  { name: 'aadsts', arg: 'code', usage: '~aadsts [code]', help: 'an AADSTS error (any, or this code)' },
  { name: 'idx', arg: 'code', usage: '~idx [code]', help: 'an IDX error (any, or this code)' },
  { name: 'kid', arg: 'value', usage: '~kid id', help: 'a token with this key id, or a key set publishing it' },
  { name: 'aud', arg: 'value', usage: '~aud value', help: 'a token whose audience contains value' },
  { name: 'expired', arg: 'none', usage: '~expired', help: 'a token-expired finding names this entry' },
  { name: 'sev', arg: 'severity', usage: '~sev level', help: 'a finding of exactly this severity (error|warning|info)' },
];

export const FILTERS_BY_NAME: ReadonlyMap<string, FilterDefinition> = new Map(FILTERS.map((f) => [f.name, f]));

/** Operators, for help screens. */
export const FILTER_OPERATORS: readonly { usage: string; help: string }[] = [
  { usage: '!expr', help: 'not' },
  { usage: 'a & b', help: 'and (also: a b)' },
  { usage: 'a | b', help: 'or' },
  { usage: '( ... )', help: 'grouping' },
  { usage: 'word', help: 'same as ~u word' },
];
