/**
 * The timeline's filter language: any text gives a predicate or a parse error
 * with a position inside the text, never a throw, and a predicate never throws
 * on any entry.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFilter, buildFilter, FILTERS } from '../../src/tui/filter/index.js';
import { buildTimeline } from '../../src/tui/model/timeline.js';
import { makeSignInData } from '../tui/fixtures.js';
import { anyText } from './arbitraries.js';
import { runs, timed } from './settings.js';

const model = buildTimeline(makeSignInData());

const piece = fc.oneof(
  fc.constantFrom(...FILTERS.map((f) => `~${f.name}`), '~zzz', '~', '!', '&', '|', '(', ')', '"', "'", '\\', '\\"'),
  fc.constantFrom('a|b', '(', '[', '[a-', '*', '+?', '(?<n>x)', '\\d{2,}', '4xx', '6xx', '401', '9999', 'AADSTS50011', 'aadsts', '50011', 'idx10501', 'error', 'warning', 'nope', 'login', 'Bearer', '.*', '^$'),
  fc.string({ maxLength: 6 }),
);
const filterText = fc.oneof(
  fc.array(piece, { maxLength: 12 }).chain((parts) => fc.constantFrom(' ', '').map((sep) => parts.join(sep))),
  anyText,
  fc.integer({ min: 1, max: 500 }).map((n) => '('.repeat(n) + '~s' + ')'.repeat(n)),
  fc.integer({ min: 1, max: 2000 }).map((n) => '!'.repeat(n) + '~s'),
);

describe('filter language', () => {
  it('any text compiles or fails with a position; predicates never throw', () => {
    let compiled = 0;
    fc.assert(
      fc.property(filterText, (text) => {
        const built = timed('buildFilter', () => buildFilter(text), 1000);
        if (!built.ok) {
          expect(typeof built.error).toBe('string');
          expect(built.error).not.toContain('\n');
          expect(built.position).toBeGreaterThanOrEqual(0);
          expect(built.position).toBeLessThanOrEqual(text.length);
          return;
        }
        compiled++;
        const kept = timed('applyFilter', () => applyFilter(model.rows, built.predicate), 1000);
        expect(kept.length).toBeLessThanOrEqual(model.rows.length);
      }),
      { numRuns: runs(500) },
    );
    expect(compiled).toBeGreaterThan(50);
  });
});
