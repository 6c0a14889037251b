import type { BodyLocation } from '../../model/index.js';
import { InputError } from '../errors.js';
import type { OpenOptions, TraceReader } from '../types.js';

export async function openSaz(path: string, _options: OpenOptions): Promise<TraceReader> {
  throw new InputError('not-implemented', `${path}: SAZ reading not implemented yet`);
}

export async function readSazBody(
  _loc: Extract<BodyLocation, { kind: 'saz-member' }>,
  _options: { password?: string },
): Promise<Buffer> {
  return Buffer.alloc(0);
}
