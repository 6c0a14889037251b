/**
 * A HAR that fails to open must not keep the process alive: the CLI's exit
 * after an error line used to wait on the helper thread's message port.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openHar } from '../../src/ingest/har/index.js';
import { InputError } from '../../src/ingest/index.js';

it('a failed open leaves no referenced message port behind', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'trace-audit-exit-'));
  const path = join(dir, 'broken.har');
  writeFileSync(path, '{"log":{"entries":[{');
  await expect(openHar(path, { input: 0 })).rejects.toBeInstanceOf(InputError);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(process.getActiveResourcesInfo()).not.toContain('MessagePort');
  rmSync(dir, { recursive: true, force: true });
});
