/** A synthetic 100k-entry timeline, for the virtualization test. */
import type { Entry } from '../../src/model/index.js';
import type { TuiData } from '../../src/tui/index.js';
import { T0, baseReport, makeJwt, jwtToken, use } from './fixture-builders.js';

export function makeLargeData(count: number): TuiData {
  const token = makeJwt({ typ: 'JWT', alg: 'RS256', kid: 'k1' }, { aud: 'api://bulk', iat: T0 / 1000, nbf: T0 / 1000, exp: T0 / 1000 + 3600 }, 'bulk');
  const entries: Entry[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const status = i % 97 === 96 ? 401 : 200;
    entries[i] = {
      input: 0,
      index: i + 1,
      startedAt: T0 + i * 10,
      durationMs: 5 + (i % 50),
      request: { method: i % 5 === 0 ? 'POST' : 'GET', url: `https://api.example.com/items/${i}?page=${i % 13}`, httpVersion: 'HTTP/1.1', headers: [{ name: 'authorization', value: `Bearer ${token}` }] },
      response: { status, statusText: '', httpVersion: 'HTTP/1.1', headers: [], body: { size: 100 + (i % 1000), mimeType: 'application/json' } },
      source: 'har',
    };
  }
  const t = jwtToken(token, 'access', { uses: entries.slice(0, 200).map((e) => use(e, 'authorization')) });
  return { entries, report: baseReport(entries, [t], []) };
}
