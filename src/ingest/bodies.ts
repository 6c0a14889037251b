/**
 * The lazy body store: reads a body back from where ingest left it
 * (a string literal inside a HAR, a Playwright attachment, a SAZ member).
 */
import type { BodyRef } from '../model/index.js';
import { readHarBody } from './har/index.js';
import { readSazBody } from './saz/index.js';

export interface ReadBodyOptions {
  password?: string;
}

/** The decoded bytes of a body, or its kept text, or an empty buffer when there is none. */
export async function readBody(ref: BodyRef, options: ReadBodyOptions = {}): Promise<Buffer> {
  const loc = ref.location;
  if (!loc) return Buffer.from(ref.text ?? '', 'utf8');
  if (loc.kind === 'saz-member') return readSazBody(loc, options);
  return readHarBody(loc);
}
