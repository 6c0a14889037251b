/**
 * The command-line grammar (commander). Options are a contract (DESIGN.md):
 * add, never rename. Repeatable list options (--jwks, --expect-aud,
 * --expect-iss) take one value per use, or a comma-separated list, so they
 * never swallow the trace paths that follow them.
 */
import { Command, Option } from 'commander';
import { TOOL_VERSION } from '../engine/index.js';
import { runAudit, type CliIo } from './audit-command.js';
import { runDecode } from './decode-command.js';
import { runExplain } from './explain-command.js';
import type { AuditFlags } from './settings.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function buildProgram(io: CliIo, setExit: (code: number) => void, formatError: (message: string) => string): Command {
  const program = new Command('trace-audit');
  // Set before subcommands are added: commander copies these settings into them.
  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
    outputError: (s, write) => write(formatError(s)),
  });
  // Subcommands own their options (decode --json is a flag; the audit's --json takes a path).
  program.enablePositionalOptions();
  program
    .description('Audit a browser (HAR) or Fiddler (SAZ) trace of a Microsoft Entra sign-in: tokens, AADSTS/IDX errors, keys, clocks.')
    .version(TOOL_VERSION, '-V, --version')
    .argument('[trace...]', 'HAR or SAZ files, glob patterns, or - for stdin')
    .option('--json <file|->', 'write the JSON report to a file, or to stdout with -')
    .option('--markdown <file|->', 'write a ticket-ready Markdown summary to a file, or to stdout with -')
    .option('--sanitize <file>', 'write a redacted copy of the trace(s) as one HAR (SAZ too); it still analyzes the same')
    .option('--sanitize-pii', 'with --sanitize, also mask e-mail addresses, names in token claims and IP addresses')
    .option('--jwks <file>', 'extra JWKS / openid-configuration file for signature checks (repeatable)', collect, [])
    .option('--expect-aud <value>', 'audience the API expects (repeatable, or comma-separated)', collect, [])
    .option('--expect-iss <value>', 'issuer the API expects (repeatable, or comma-separated)', collect, [])
    .option('--expect-tenant <id>', 'tenant id tokens should come from')
    .option('--clock-skew <seconds>', 'tolerance for exp/nbf checks', '300')
    .option('--skew-threshold <seconds>', 'origin clock difference worth reporting', '60')
    .addOption(new Option('--fail-on <level>', 'exit 1 when a finding at or above this level exists').choices(['error', 'warning', 'info', 'none']).default('error'))
    .option('--password <password>', 'password of an encrypted SAZ (or TRACE_AUDIT_SAZ_PASSWORD)')
    .option('--show-secrets', 'print full token values (never the default)')
    .option('--no-tui', 'print the text summary even in a terminal')
    .option('--debug', 'show stack traces for unexpected errors')
    .addHelpText(
      'after',
      `
Examples:
  trace-audit samples/key-rollover.har          interactive timeline in a terminal
  trace-audit --no-tui session.har              text summary
  trace-audit --json report.json --markdown - session.har
  trace-audit decode eyJ0eXAiOiJKV1Qi…         decode one token
  trace-audit explain AADSTS50011

Exit codes: 0 no finding at/above --fail-on, 1 findings at/above it, 2 bad usage or unreadable input.`,
    )
    .action(async (traces: string[], opts: AuditFlags) => {
      setExit(await runAudit(traces, opts, io));
    });

  program
    .command('decode')
    .description('decode and check one token offline (header, claims, times, what looks wrong)')
    .argument('<jwt>', 'the token, or - to read it from stdin')
    .option('--json', 'print JSON')
    .option('--jwks <file>', 'JWKS / openid-configuration file to check the signature with (repeatable)', collect, [])
    .option('--show-secrets', 'also print the token itself')
    .action(async (jwt: string, opts: { json?: boolean; jwks: string[]; showSecrets?: boolean }) => {
      setExit(await runDecode(jwt, opts, io));
    });

  program
    .command('explain')
    .description('explain AADSTS or IDX error codes from the bundled catalogs')
    .argument('<code...>', 'AADSTS50011, 50011, IDX10501 …')
    .option('--json', 'print JSON')
    .action((codes: string[], opts: { json?: boolean }) => {
      setExit(runExplain(codes, opts, io));
    });

  return program;
}
