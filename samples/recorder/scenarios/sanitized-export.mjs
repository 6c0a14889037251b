// The healthy sign-in as a browser-side HAR (Playwright's recorder, Chrome's
// header layout), then exported the way Chrome's default "sanitized" HAR
// export writes it: no Authorization, Cookie or Set-Cookie headers. Token
// responses are still there; where the tokens were sent is not.
import fs from 'node:fs';
import { sanitizeLikeChrome } from '../capture/chrome-sanitize.mjs';
import { expectation } from '../lib/expectations.mjs';
import { EntryQuery, harEntries } from '../lib/trace-entries.mjs';
import { healthySteps } from './healthy-signin.mjs';
import { recordInBrowser } from './run-browser.mjs';

export default {
  name: 'sanitized-export',
  file: 'sanitized-export.har',
  title: 'Sanitized browser export (no Authorization/Cookie headers)',
  recordedWith: 'Chromium (Debian) driven by playwright-core; HAR written by Playwright `recordHar`, then passed through capture/chrome-sanitize.mjs, which applies the same three filters as Chrome DevTools\' sanitized export (front_end/models/har/Log.ts).',
  async record({ certs, outPath }) {
    const rawPath = `${outPath}.raw`;
    const { har } = await recordInBrowser({ certs, outPath: rawPath }, async ({ page }) => healthySteps(page));
    fs.rmSync(rawPath);
    const sanitized = sanitizeLikeChrome(har);
    fs.writeFileSync(outPath, JSON.stringify(sanitized, null, 2));
    const q = new EntryQuery(harEntries(sanitized));
    // The entries whose Authorization header the export removed (known from the recording before sanitizing).
    const apiCalls = new EntryQuery(harEntries(har)).indexes((e) => e.requestHeaders.authorization);
    if (q.all((e) => e.requestHeaders.authorization || e.requestHeaders.cookie || e.responseHeaders['set-cookie']).length) throw new Error('sanitizer left credentials');
    return expectation({
      sample: this.file,
      summary: `API calls ${apiCalls.map((i) => `#${i}`).join(', ')} were sent with a bearer token that the export removed, and no entry has Cookie or Set-Cookie: the trace was exported sanitized, so token use cannot be analysed (tokens issued by the token endpoint are still in its responses). Otherwise the same healthy sign-in: no error.`,
      mustFind: [{ rule: 'sanitized-trace', entries: apiCalls, evidence: { removedHeaders: ['authorization', 'cookie', 'set-cookie'] } }],
    });
  },
};
