/**
 * Playwright's `recordHar` with `content: 'attach'` writes bodies as separate files
 * next to the HAR (`content._file`, `postData._file`). They are resolved relative
 * to the HAR's folder and must stay inside it: a trace must not make the tool read
 * (and later display or export) arbitrary files.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { BodyRef } from '../../model/index.js';
import { scanFragments } from '../scan/index.js';
import { keepsText } from '../text-policy.js';
import { isTextualMime } from './mime.js';
import { looksLikeText } from './text-sniff.js';
import type { NormalizeContext } from './normalize-context.js';

export function fileBody(name: string, declaredSize: number | undefined, mimeType: string, ctx: NormalizeContext): BodyRef {
  const size = declaredSize ?? -1;
  const path = resolve(ctx.harDir, name);
  const rel = relative(ctx.harDir, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    return { size, mimeType, problem: `attachment outside the trace folder: ${name}` };
  }
  let fileSize: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new Error('not a file');
    fileSize = st.size;
  } catch {
    return { size, mimeType, problem: `attachment missing: ${name}` };
  }
  const location = { kind: 'file' as const, path, base64: false };
  if (fileSize > ctx.largeBodyBytes) {
    const body: BodyRef = { size: fileSize, mimeType, fragments: [], location };
    ctx.rescans.push({ body, location, mode: 'raw' });
    return body;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return { size, mimeType, problem: `attachment unreadable: ${name}` };
  }
  if (isTextualMime(mimeType) || looksLikeText(bytes, false)) {
    if (!keepsText(mimeType, bytes.length, () => bytes)) return { size: bytes.length, mimeType, fragments: scanFragments(bytes, ctx.scanner), location };
    return { size: bytes.length, mimeType, text: bytes.toString('utf8'), location };
  }
  return { size: bytes.length, mimeType, binary: true, location };
}
