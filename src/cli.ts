/**
 * Entry point: parse arguments, run, map outcomes to exit codes.
 * User-caused problems are one line on stderr and exit 2; anything else is a
 * bug and shows a stack only with --debug.
 */
import { CommanderError } from 'commander';
import { isInputError } from './ingest/index.js';
import { redactText } from './report/index.js';
import { buildProgram } from './cli/program.js';
import { EXIT_BAD_INPUT, UsageError } from './cli/errors.js';
import type { CliIo } from './cli/audit-command.js';

/** Error text can quote input (parsers echo what they choke on), so it is redacted too. */
function oneLine(message: string): string {
  return redactText(message.split('\n')[0]!.slice(0, 500));
}

export async function main(argv: string[], io: CliIo = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env }): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (c) => (exitCode = c), (s) => `trace-audit: ${oneLine(s.replace(/^error:\s*/i, ''))}\n`);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0.
      exitCode = e.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
    } else if (isInputError(e) || e instanceof UsageError) {
      io.stderr.write(`trace-audit: ${oneLine(e.message)}\n`);
      exitCode = EXIT_BAD_INPUT;
    } else if (argv.includes('--debug')) {
      // The stack's message line may quote input; --debug shows where, never a secret.
      io.stderr.write(`${redactText(e instanceof Error ? (e.stack ?? e.message) : String(e))}\n`);
      exitCode = EXIT_BAD_INPUT;
    } else {
      const msg = e instanceof Error ? e.message : String(e);
      io.stderr.write(`trace-audit: internal error: ${oneLine(msg)} (run with --debug for details)\n`);
      exitCode = EXIT_BAD_INPUT;
    }
  }
  process.exitCode = exitCode;
  return exitCode;
}
