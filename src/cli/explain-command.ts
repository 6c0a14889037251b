/** `trace-audit explain <code>`: an AADSTS or IDX code from the bundled catalogs. */
import { explain, formatExplanation, normalizeCode, NOT_A_CODE } from '../catalog/index.js';
import { UsageError } from './errors.js';
import type { CliIo } from './audit-command.js';

export function runExplain(codes: string[], flags: { json?: boolean }, io: CliIo): number {
  const results = codes.map((raw) => {
    const result = normalizeCode(raw) ? explain(raw) : undefined;
    // Echo the input only when it is short and plain: a token pasted here by mistake must not be printed.
    const shown = /^[\w-]{1,16}$/.test(raw) ? `"${raw}" is ` : '';
    if (!result) throw new UsageError(`explain: ${shown}${NOT_A_CODE}`);
    return result;
  });
  if (flags.json) {
    io.stdout.write(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n');
  } else {
    const color = io.stdout.isTTY === true && !('NO_COLOR' in io.env && io.env.NO_COLOR !== '');
    io.stdout.write(results.map((r) => formatExplanation(r, { color })).join('\n'));
  }
  return 0;
}
