/** Turns a parsed filter into a predicate over timeline rows. */
import type { Severity } from '../../model/index.js';
import type { EntryAuth } from '../model/timeline.js';
import { tokensOfEntry } from '../model/timeline.js';
import { FilterSyntaxError } from './errors.js';
import { bodyText, contentTypes, errorText, headerLines, hostOf } from './entry-text.js';
import type { FilterNode } from './parser.js';
import type { Entry } from '../../model/index.js';

export interface FilterSubject {
  entry: Entry;
  auth?: EntryAuth;
}

export type Predicate = (subject: FilterSubject) => boolean;

function regex(source: string, flags: string, pos: number, name: string): RegExp {
  try {
    const re = new RegExp(source, flags);
    // V8 compiles lazily: a pattern too large to compile throws on first use, inside
    // the predicate. One match now turns that into a prompt error instead.
    re.test('');
    return re;
  } catch (err) {
    const why = err instanceof Error ? err.message.replace(/^Invalid regular expression: /, '') : 'invalid';
    throw new FilterSyntaxError(`~${name}: invalid regex: ${why}`, pos);
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function statusTest(arg: string, pos: number): Predicate {
  const cls = /^([1-5])xx$/i.exec(arg);
  if (cls) {
    const hundred = Number(cls[1]) * 100;
    return ({ entry }) => entry.response.status >= hundred && entry.response.status < hundred + 100;
  }
  if (!/^\d{1,3}$/.test(arg)) throw new FilterSyntaxError(`~c needs a status code like 401 or 4xx, not "${arg}"`, pos);
  const code = Number(arg);
  return ({ entry }) => entry.response.status === code;
}

function codeTest(prefix: 'AADSTS' | 'IDX', arg: string | undefined): Predicate {
  const digits = arg?.replace(/^(aadsts|idx)/i, '');
  const code = digits ? `${prefix}${digits}` : undefined;
  const inText = new RegExp(`${prefix}${digits ?? '\\d+'}(?!\\d)`, 'i');
  // The Entra login page names its error without the prefix: "sErrorCode":"50011".
  const configCode = prefix === 'AADSTS' ? new RegExp(`"sErrorCode"\\s*:\\s*"?${digits ?? '\\d+'}(?!\\d)`) : undefined;
  return ({ entry, auth }) => {
    if (auth?.findings.some((f) => (code ? f.code?.toUpperCase() === code : f.code?.toUpperCase().startsWith(prefix)))) {
      return true;
    }
    const text = errorText(entry);
    return inText.test(text) || (configCode?.test(text) ?? false);
  };
}

function severityTest(arg: string, pos: number): Predicate {
  const level = arg.toLowerCase();
  if (level !== 'error' && level !== 'warning' && level !== 'info') {
    throw new FilterSyntaxError(`~sev needs error, warning or info, not "${arg}"`, pos);
  }
  return ({ auth }) => !!auth?.findings.some((f) => f.severity === (level as Severity));
}

function kidTest(arg: string): Predicate {
  const lower = arg.toLowerCase();
  const published = new RegExp(`"kid"\\s*:\\s*"${escapeRegex(arg)}"`, 'i');
  return ({ entry, auth }) =>
    tokensOfEntry(auth).some((t) => (t.kid ?? String(t.header?.kid ?? '')).toLowerCase() === lower) ||
    published.test(bodyText(entry.response.body));
}

function audTest(arg: string): Predicate {
  const lower = arg.toLowerCase();
  return ({ auth }) =>
    tokensOfEntry(auth).some((t) => {
      const aud = t.aud === undefined ? [] : Array.isArray(t.aud) ? t.aud : [t.aud];
      return aud.some((a) => a.toLowerCase().includes(lower));
    });
}

function test(node: { name: string; arg?: string; pos: number }): Predicate {
  const { name, pos } = node;
  const arg = node.arg ?? '';
  switch (name) {
    case 'u': {
      const re = regex(arg, 'i', pos, name);
      return ({ entry }) => re.test(entry.request.url);
    }
    case 'm': {
      const re = regex(arg, 'i', pos, name);
      return ({ entry }) => re.test(entry.request.method);
    }
    case 'd': {
      const re = regex(arg, 'i', pos, name);
      return ({ entry }) => re.test(hostOf(entry));
    }
    case 'c':
      return statusTest(arg, pos);
    case 'h':
    case 'hq':
    case 'hs': {
      const re = regex(arg, 'im', pos, name);
      return ({ entry }) =>
        (name !== 'hs' && re.test(headerLines(entry.request.headers))) ||
        (name !== 'hq' && re.test(headerLines(entry.response.headers)));
    }
    case 'b':
    case 'bq':
    case 'bs': {
      const re = regex(arg, 'is', pos, name);
      return ({ entry }) =>
        (name !== 'bs' && re.test(bodyText(entry.request.body))) ||
        (name !== 'bq' && re.test(bodyText(entry.response.body)));
    }
    case 't': {
      const re = regex(arg, 'i', pos, name);
      return ({ entry }) => contentTypes(entry).some((t) => re.test(t));
    }
    case 's':
      return ({ entry }) => entry.response.status > 0;
    case 'q':
      return ({ entry }) => entry.response.status === 0;
    case 'e':
      return ({ entry }) => !!entry.response.error;
    case 'all':
      return () => true;
    case 'jwt':
      return ({ auth }) => !!auth && (auth.issued.length > 0 || auth.sent.length > 0);
    case 'err':
      return ({ auth }) => !!auth && auth.findings.length > 0;
    case 'aadsts':
      return codeTest('AADSTS', node.arg);
    case 'idx':
      return codeTest('IDX', node.arg);
    case 'kid':
      return kidTest(arg);
    case 'aud':
      return audTest(arg);
    case 'expired':
      return ({ auth }) => !!auth?.findings.some((f) => f.rule === 'token-expired');
    case 'sev':
      return severityTest(arg, pos);
    default:
      throw new FilterSyntaxError(`unknown filter ~${name}`, pos);
  }
}

export function compileFilter(node: FilterNode): Predicate {
  switch (node.type) {
    case 'test':
      return test(node);
    case 'not': {
      const inner = compileFilter(node.item);
      return (s) => !inner(s);
    }
    case 'and': {
      const items = node.items.map(compileFilter);
      return (s) => items.every((p) => p(s));
    }
    case 'or': {
      const items = node.items.map(compileFilter);
      return (s) => items.some((p) => p(s));
    }
  }
}
