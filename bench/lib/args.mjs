/** Tiny `--name value` / `--name=value` / `--flag` parser for the bench scripts (no dependency, no surprises). */
export function parseArgs(argv, spec) {
  const out = { ...spec.defaults };
  for (let i = 0; i < argv.length; i++) {
    const [arg, inline] = argv[i].split(/=(.*)/s);
    const name = arg.replace(/^--/, '');
    if (!arg.startsWith('--') || !(name in spec.defaults)) throw new Error(`unknown argument "${arg}"; known: ${Object.keys(spec.defaults).map((k) => `--${k}`).join(' ')}`);
    if (typeof spec.defaults[name] === 'boolean') out[name] = true;
    else {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      out[name] = value;
    }
  }
  return out;
}

/** Runs `main`, printing a one-line error and exiting 2 on failure. */
export function runMain(main) {
  main().catch((e) => {
    process.stderr.write(`${process.argv[1].split('/').pop()}: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
}
