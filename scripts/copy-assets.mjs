// Copies the non-TypeScript assets the built program reads at run time
// (error catalogs) next to the compiled files, so dist/ is self-contained.
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const assets = [['src/catalog/data', 'dist/catalog/data']];
for (const [from, to] of assets) {
  mkdirSync(join(root, to), { recursive: true });
  cpSync(join(root, from), join(root, to), { recursive: true });
}
