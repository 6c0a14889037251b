// Bundles the compiled CLI (dist/cli.js and everything it imports) into a few files
// under dist/bundle/, which bin/trace-audit.js loads. Start-up was ~0.1 s of module
// resolution and loading for ~280 files (docs/performance.md); one file loads in ~0.03 s.
// The terminal UI (Ink, React) and jose stay separate chunks, loaded only when used.
// dist/*.js stays the library (`import { analyze } from 'trace-audit'`).
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist/bundle');
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [join(root, 'dist/cli.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Readable stacks for --debug: whitespace and syntax only, names kept.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // Loaded through createRequire at run time (har-validator's schemas, fast-xml-parser) or never
  // (react-devtools-core: Ink imports it only when DEV is set).
  external: ['har-validator', 'fast-xml-parser', 'react-devtools-core'],
  // Bundled CommonJS packages (commander, fast-glob) call require() for Node built-ins.
  banner: { js: "import { createRequire as __taCreateRequire } from 'node:module'; const require = __taCreateRequire(import.meta.url);" },
});

// Paths the code resolves from import.meta.url: the catalogs sit next to the code
// ('./data/...'); package.json and the schema are two levels up, as from dist/<folder>/.
mkdirSync(join(outdir, 'data'), { recursive: true });
cpSync(join(root, 'src/catalog/data'), join(outdir, 'data'), { recursive: true });
