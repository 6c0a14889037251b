import type { BodyLocation } from '../../model/index.js';
import { InputError } from '../errors.js';
import type { OpenOptions, TraceReader } from '../types.js';

export async function openHar(path: string, _options: OpenOptions): Promise<TraceReader> {
  throw new InputError('not-implemented', `${path}: HAR reading not implemented yet`);
}

export async function readHarBody(_loc: Exclude<BodyLocation, { kind: 'saz-member' }>): Promise<Buffer> {
  return Buffer.alloc(0);
}
