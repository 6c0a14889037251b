/**
 * HAR 1.2 conformance, cheaply: `har-validator` checks the first entries and then a
 * sample, ignoring fields trace-audit never reads and quirks every mainstream
 * producer has (Chrome's bracketed IPv6 `serverIPAddress`, Firefox's cache objects
 * and missing timings...). Problems are aggregated per kind into one warning each.
 */
import { createRequire } from 'node:module';
import type { EntryRef, RunWarning } from '../../model/index.js';
import type { ValidatorError } from './side-worker.js';

type EntryValidator = (data: unknown, next: (err: { errors?: ValidatorError[] } | null) => void) => boolean;

/** Fields no later stage reads, or that producers routinely get wrong without consequence. */
const IGNORED_FIELDS = [
  '.cache',
  '.timings',
  '.time',
  '.pageref',
  '.connection',
  '.comment',
  '.serverIPAddress',
  '.request.cookies',
  '.response.cookies',
  '.request.queryString',
  '.request.headersSize',
  '.request.bodySize',
  '.response.headersSize',
  '.response.bodySize',
  '.response.redirectURL',
  '.response.content.size',
  '.response.content.mimeType',
  '.response.content.compression',
  '.request.postData.params',
];

const FIRST_CHECKED = 200;
const SAMPLE_EVERY = 50;
const REFS_PER_WARNING = 20;

let loaded: EntryValidator | null | undefined;

function validator(): EntryValidator | null {
  if (loaded === undefined) {
    try {
      const require = createRequire(import.meta.url);
      loaded = (require('har-validator/lib/async.js') as { entry: EntryValidator }).entry;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

export function shouldValidate(index: number): boolean {
  return index <= FIRST_CHECKED || index % SAMPLE_EVERY === 0;
}

/** har-validator's errors for one entry, in this thread (when no helper thread is available). */
export function validateInline(raw: unknown): ValidatorError[] | null {
  const validate = validator();
  if (!validate) return null;
  let errors: ValidatorError[] = [];
  validate(raw, (err) => {
    errors = err?.errors ?? [];
  });
  return errors;
}

/**
 * Validator errors as short stable descriptions (no data values), leaving out
 * fields the normalizer already reported (`reported` holds the field paths of its
 * problems, e.g. "request.headers").
 */
export function describeErrors(errors: readonly ValidatorError[], reported: readonly string[]): string[] {
  const out = new Set<string>();
  for (const e of errors) {
    const base = (e.dataPath ?? '').replace(/\[\d+\]/g, '[]');
    const field = e.keyword === 'required' && e.params?.missingProperty ? `${base}.${e.params.missingProperty}` : base;
    if (IGNORED_FIELDS.some((f) => field === f || field.startsWith(`${f}.`) || field.startsWith(`${f}[`))) continue;
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') continue;
    if (reported.some((r) => coveredBy(field.slice(1) || 'entry', r))) continue;
    const message = e.keyword === 'pattern' ? 'does not match the expected format' : (e.message ?? e.keyword);
    out.add(`entry${base} ${message}`);
  }
  return [...out];
}

/** The field path a normalizer problem is about: its first word ("request.headers is not an array"). */
export function problemField(problem: string): string {
  return problem.split(' ', 1)[0]!;
}

function coveredBy(field: string, reportedField: string): boolean {
  return reportedField === 'entry' || field === reportedField || field.startsWith(`${reportedField}.`) || field.startsWith(`${reportedField}[`);
}

/** Drops problems about the insides of something already reported as missing or of the wrong type. */
export function pruneProblems(problems: readonly string[]): string[] {
  const unique = [...new Set(problems)];
  const fields = unique.map(problemField);
  return unique.filter((_, i) => !fields.some((f, j) => j !== i && coveredBy(fields[i]!, f) && fields[i] !== f));
}

interface ProblemKind {
  count: number;
  refs: EntryRef[];
  sampled: boolean;
}

/** Collects per-entry problems; one warning per distinct problem, with some entry references. */
export class ProblemLog {
  private readonly kinds = new Map<string, ProblemKind>();
  checked = 0;

  add(problem: string, ref: EntryRef, sampled: boolean): void {
    let kind = this.kinds.get(problem);
    if (!kind) {
      kind = { count: 0, refs: [], sampled };
      this.kinds.set(problem, kind);
    }
    kind.count++;
    if (kind.refs.length < REFS_PER_WARNING) kind.refs.push(ref);
  }

  warnings(path: string): RunWarning[] {
    return [...this.kinds].map(([problem, kind]) => {
      const n = `${kind.count} ${kind.count === 1 ? 'entry' : 'entries'}`;
      const scope = kind.sampled ? `${n} of ${this.checked} checked against HAR 1.2` : n;
      return { code: 'har-entry-invalid', message: `${path}: ${problem} (${scope})`, entries: kind.refs };
    });
  }
}
