/** `trace-audit decode <jwt|->`: decode and check one token, offline. */
import { text as readAll } from 'node:stream/consumers';
import { decodedAsJson, formatDecoded, verifySignature, type SignatureCheck } from '../jwt/index.js';
import { loadKeySetFile } from '../engine/index.js';
import { writeOutputAtomic } from '../report/index.js';
import { UsageError } from './errors.js';
import type { CliIo } from './audit-command.js';

export interface DecodeFlags {
  json?: boolean;
  jwks: string[];
  showSecrets?: boolean;
}

export async function runDecode(arg: string, flags: DecodeFlags, io: CliIo): Promise<number> {
  const raw = arg === '-' ? await readAll(io.stdin) : arg;
  // Accept what people paste: a whole "Authorization: Bearer …" line, quotes, spaces.
  const compact = raw
    .trim()
    .replace(/^authorization:\s*/i, '')
    .replace(/^(bearer|pop)\s+/i, '')
    .replace(/^["']|["']$/g, '')
    .trim();
  if (!compact) throw new UsageError('decode: no token given');
  let signature: SignatureCheck | undefined;
  if (flags.jwks.length) {
    const sets = await Promise.all(flags.jwks.map(loadKeySetFile));
    const keys = sets.flatMap((s) => s.jwks?.keys ?? []);
    signature = await verifySignature(compact, keys);
  }
  const now = Date.now();
  const options = { showSecrets: flags.showSecrets === true, now, ...(signature ? { signature } : {}) };
  if (flags.json) {
    await writeOutputAtomic('-', JSON.stringify(decodedAsJson(compact, options), null, 2) + '\n', { stdout: io.stdout });
  } else {
    const color = io.stdout.isTTY === true && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
    io.stdout.write(formatDecoded(compact, { ...options, color }));
  }
  return 0;
}
