/**
 * `--sanitize out.har`: a redacted copy of the inputs as one HAR 1.2 file
 * (SAZ inputs become HAR too). Secrets become `REDACTED-<id>` markers; JWTs
 * keep header and claims (signature replaced), so the copy still analyzes to
 * the same entries, token ids and non-signature findings.
 */
import { openTrace, readBody, type OpenOptions } from '../../ingest/index.js';
import type { TraceInfo } from '../../model/index.js';
import { assertNotAnInput, OutputError } from '../output.js';
import { harEntryOf, type SanitizeContext } from './har-entry.js';
import { createPiiMasker } from './pii.js';
import { sanitizeStyle } from './style.js';
import { openAtomic } from './write-har.js';

export interface SanitizeOptions {
  pii: boolean;
  password?: string;
  toolVersion: string;
}

export interface SanitizeResult {
  path: string;
  entries: number;
}

export async function writeSanitizedHar(inputs: string[], outPath: string, options: SanitizeOptions): Promise<SanitizeResult> {
  await assertNotAnInput(outPath, inputs);
  const pii = options.pii ? createPiiMasker() : undefined;
  const ctx: SanitizeContext = {
    style: sanitizeStyle(pii),
    ...(pii ? { pii } : {}),
    readBody: (ref) => readBody(ref, options.password !== undefined ? { password: options.password } : {}),
  };
  let file;
  try {
    file = openAtomic(outPath);
  } catch (e) {
    throw new OutputError('output-unwritable', `${outPath}: cannot write (${(e as Error).message.split('\n')[0]})`);
  }
  let count = 0;
  const infos: TraceInfo[] = [];
  try {
    const creator = { name: 'trace-audit', version: options.toolVersion, comment: 'sanitized copy: secrets replaced by REDACTED-<id> markers, JWT signatures removed' };
    await file.write(`{"log":{"version":"1.2","creator":${JSON.stringify(creator)},"entries":[`);
    for (let i = 0; i < inputs.length; i++) {
      const open: OpenOptions = { input: i, ...(options.password !== undefined ? { password: options.password } : {}) };
      const reader = await openTrace(inputs[i]!, open);
      for await (const entry of reader.entries()) {
        const har = await harEntryOf(ctx, entry);
        await file.write(`${count === 0 ? '\n' : ',\n'}${JSON.stringify(har)}`);
        count++;
      }
      infos.push(reader.info);
    }
    const pages = infos.flatMap((info) => (info.pages ?? []).map((p) => ({ startedDateTime: new Date(p.startedAt).toISOString(), id: p.id, title: pii ? pii.text(p.title) : p.title, pageTimings: {} })));
    await file.write(`\n],"pages":${JSON.stringify(pages)}}}\n`);
    await file.commit();
  } catch (e) {
    await file.abort();
    throw e;
  }
  return { path: outPath, entries: count };
}
